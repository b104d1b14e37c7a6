import { readdirSync } from 'node:fs';
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { RSS_PRELOAD } from '../measure.js';
import type { Peers } from '../peers.js';
import { expectFiles, type Scenario, type Unit } from '../scenario.js';
import type { Workspace } from '../workspace.js';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const MINUTE = 60_000;

/** Pandoc as people script it: one process per file, from a shell loop (P=1) or xargs -P 2. */
function pandoc(ws: Workspace, bin: string, to: 'html' | 'docx', processes: 1 | 2): Scenario {
  const dir = path.join(ws.work, `pandoc-${to}-p${processes}`);
  const convert = `${bin} --standalone --from=gfm+yaml_metadata_block --metadata pagetitle="\${b%.md}" "$f" -o "$OUT/\${b%.md}.${to}"`;
  const script =
    processes === 1
      ? `for f in "$IN"/*.md; do b="\${f##*/}"; ${convert} || exit 1; done`
      : `printf '%s\\0' "$IN"/*.md | xargs -0 -n 1 -P 2 sh -c 'f="$1"; b="\${f##*/}"; exec ${convert}' _`;
  return {
    id: `pandoc-${to}-p${processes}`,
    group: 'peer',
    label: `Pandoc → ${to.toUpperCase()}, one process per file${processes === 2 ? ', 2 at a time' : ''}`,
    shown: processes === 1 ? `for f in *.md; do pandoc -s -f gfm+yaml_metadata_block "$f" -o "\${f%.md}.${to}"; done` : `ls *.md | xargs -n 1 -P 2 (pandoc -s … -o ….${to})`,
    prepare: async () => {
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
    },
    command: { argv: ['bash', '-c', script], env: { IN: ws.flat, OUT: dir } },
    verify: expectFiles(dir, { [`.${to}`]: ws.levels + ws.articles }),
    timeoutMs: Math.max(5 * MINUTE, (ws.levels + ws.articles) * 1_000),
  };
}

/** md-to-pdf on all files in one call, with the system Chromium; it writes each PDF beside its .md. */
function mdToPdf(ws: Workspace, cli: string, chromium: string): Scenario {
  const dir = path.join(ws.work, 'md-to-pdf');
  const launch = JSON.stringify({ executablePath: chromium, args: CHROMIUM_ARGS });
  const names = readdirSync(ws.flat).filter((name) => name.endsWith('.md')).sort();
  return {
    id: 'md-to-pdf',
    group: 'peer',
    label: 'md-to-pdf → PDF, all files in one call',
    shown: `md-to-pdf --launch-options '{"executablePath":"${chromium}","args":[…]}' *.md`,
    prepare: async () => {
      await rm(dir, { recursive: true, force: true });
      await cp(ws.flat, dir, { recursive: true });
    },
    command: { argv: ['node', '--import', RSS_PRELOAD, cli, '--launch-options', launch, ...names], cwd: dir, env: { PUPPETEER_SKIP_DOWNLOAD: '1' } },
    verify: expectFiles(dir, { '.pdf': names.length }),
    pdfDir: dir,
    // Twice the PDF floor's pace is plenty; past that it has hung (as it does at N = 500).
    timeoutMs: Math.max(2 * MINUTE, names.length * 500),
  };
}

/** Eleventy building the documents as an HTML site (its defaults: Markdown through Liquid and markdown-it). */
function eleventy(ws: Workspace, cli: string): Scenario {
  const dir = path.join(ws.work, 'eleventy');
  return {
    id: 'eleventy',
    group: 'peer',
    label: 'Eleventy → HTML site (cold)',
    shown: 'npx @11ty/eleventy --input=<flat corpus> --output=site --quiet',
    prepare: async () => {
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
    },
    command: { argv: ['node', '--import', RSS_PRELOAD, cli, `--input=${ws.flat}`, '--output=site', '--quiet'], cwd: dir },
    verify: expectFiles(path.join(dir, 'site'), { '.html': ws.levels + ws.articles }),
    timeoutMs: Math.max(5 * MINUTE, (ws.levels + ws.articles) * 1_000),
  };
}

export function peerUnits(ws: Workspace, peers: Peers): Unit[] {
  const units: Unit[] = [];
  if (peers.pandoc) {
    for (const to of ['html', 'docx'] as const) for (const p of [1, 2] as const) units.push([pandoc(ws, peers.pandoc, to, p)]);
  }
  if (peers.mdToPdf && peers.chromium) units.push([mdToPdf(ws, peers.mdToPdf, peers.chromium)]);
  if (peers.eleventy) units.push([eleventy(ws, peers.eleventy)]);
  return units;
}

