import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { prepareFloorHtml } from '../floors/prepare-html.js';
import { RSS_PRELOAD } from '../measure.js';
import type { Peers } from '../peers.js';
import { expectFiles, type Scenario, type Unit } from '../scenario.js';
import type { Workspace } from '../workspace.js';

/** The floor scripts compiled by `npm run bench` (bench/floors/tsconfig.json). */
const FLOORS = path.resolve('bench', '.work', 'floors');
const MINUTE = 60_000;

/** A floor script run compiled in one Node process, as ladderpress itself runs. */
function script(name: string, args: readonly string[]): Scenario['command'] {
  return { argv: ['node', '--import', RSS_PRELOAD, path.join(FLOORS, name), ...args], cwd: path.resolve('.') };
}

/**
 * @param subjectRoot the measured ladderpress (its dist/), whose own print HTML the same-PDFs floor prints
 */
export function floorUnits(ws: Workspace, peers: Peers, subjectRoot: string): Unit[] {
  const docs = ws.levels + ws.articles;
  const units: Unit[] = [
    [
      {
        id: 'floor-node',
        group: 'floor',
        label: 'Floor: Node starting and stopping',
        shown: 'node -e 0',
        command: { argv: ['node', '-e', '0'], cwd: path.resolve('.') },
        verify: () => Promise.resolve(null),
        timeoutMs: MINUTE,
      },
    ],
    [
      {
        id: 'floor-parse',
        group: 'floor',
        label: 'Floor: read + remark-parse + remark-gfm, one process',
        shown: 'node bench/floors/parse-floor.ts <corpus> (compiled)',
        command: script('parse-floor.js', [ws.corpus]),
        verify: () => Promise.resolve(null),
        timeoutMs: Math.max(5 * MINUTE, docs * 1_000),
      },
    ],
  ];
  const { chromium } = peers;
  if (!chromium) return units;
  const html = path.join(ws.work, 'floor-html');
  for (const pages of [1, 2]) {
    const out = path.join(ws.work, `floor-pdf-${pages}`);
    units.push([
      {
        id: `floor-pdf-${pages}`,
        group: 'floor',
        label: `Floor: one Chromium printing prepared HTML, ${pages} page${pages > 1 ? 's' : ''} at a time`,
        shown: `node bench/floors/pdf-floor.ts <prepared html> <out> ${pages} (compiled)`,
        prepare: async () => {
          if (!existsSync(html)) await prepareFloorHtml(ws.flat, html);
          await rm(out, { recursive: true, force: true });
          await mkdir(out, { recursive: true });
        },
        command: script('pdf-floor.js', [html, out, String(pages), chromium]),
        verify: expectFiles(out, { '.pdf': docs }),
        timeoutMs: Math.max(5 * MINUTE, docs * 2_000),
        pdfDir: out,
      },
    ]);
  }
  // The floor of the PDFs a full build prints, from the HTML ladderpress prints them from: the
  // PDF format's and the checklists' (print-jobs.ts). Two pages at a time, as ladderpress on 2 cores.
  const same = path.join(ws.work, 'floor-print-html');
  const sameOut = path.join(ws.work, 'floor-pdf-same');
  units.push([
    {
      id: 'floor-pdf-same',
      group: 'floor',
      label: 'Floor: one Chromium printing ladderpress’s own print HTML of a full build, 2 pages at a time',
      shown: 'node bench/floors/pdf-floor.ts <print HTML of lp-cold> <out> 2 (compiled)',
      prepare: async () => {
        if (!existsSync(same)) {
          const scratch = path.join(ws.work, 'floor-print-cwd');
          await mkdir(scratch, { recursive: true });
          // In an empty folder, as the ladderpress scenarios run: no config of this repository is read.
          await promisify(execFile)('node', [path.join(FLOORS, 'print-jobs.js'), subjectRoot, ws.corpus, same], { cwd: scratch });
        }
        await rm(sameOut, { recursive: true, force: true });
        await mkdir(sameOut, { recursive: true });
      },
      command: script('pdf-floor.js', [same, sameOut, '2', chromium]),
      verify: async () => expectFiles(sameOut, { '.pdf': (await readdir(same)).filter((name) => name.endsWith('.html')).length })(),
      timeoutMs: Math.max(5 * MINUTE, docs * 6_000),
      pdfDir: sameOut,
    },
  ]);
  return units;
}
