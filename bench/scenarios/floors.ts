import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
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

export function floorUnits(ws: Workspace, peers: Peers): Unit[] {
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
  return units;
}
