import { appendFile, cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { RSS_PRELOAD } from '../measure.js';
import { expectFiles, type Scenario, type Unit } from '../scenario.js';
import type { Workspace } from '../workspace.js';

const MINUTE = 60_000;

/** Removes the output and the render cache (beside the output, as the CLI puts it when cwd has no node_modules). */
async function wipe(dir: string): Promise<void> {
  await rm(path.join(dir, 'out'), { recursive: true, force: true });
  await rm(path.join(dir, '.ladderpress-cache'), { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
}

/**
 * The ladderpress scenarios: each format alone and the full build, every one cold (output and
 * cache removed first), then the incremental chain — cold build, one-file edit, no-change rebuild —
 * on a private copy of the corpus.
 */
export function ladderpressUnits(ws: Workspace, bin: string): Unit[] {
  /** `node bin/ladderpress.js …` with the peak-RSS preload. */
  const ladderpress = (args: readonly string[], cwd: string): Scenario['command'] => ({
    argv: ['node', '--import', RSS_PRELOAD, bin, ...args],
    cwd,
    // CI turns on `build --verify` (reading every artefact back): measure the build people run locally.
    env: { CI: undefined },
  });
  const { corpus, levels, articles } = ws;
  const docs = levels + articles;
  const timeoutMs = Math.max(5 * MINUTE, docs * 2_000);
  const htmlFiles = { '.html': docs };
  const cold = (id: string, label: string, only: string | null, expected: Record<string, number>): Scenario => {
    const dir = path.join(ws.work, `lp-${id}`);
    const onlyArgs = only ? ['--only', only] : [];
    return {
      id: `lp-${id}`,
      group: 'ladderpress',
      label,
      shown: `ladderpress build <corpus> --out out${only ? ` --only ${only}` : ''}   (out/ and cache removed first)`,
      prepare: () => wipe(dir),
      command: ladderpress(['build', corpus, '--out', 'out', ...onlyArgs], dir),
      verify: expectFiles(path.join(dir, 'out'), expected),
      timeoutMs,
      ...(expected['.pdf'] ? { pdfDir: path.join(dir, 'out') } : {}),
    };
  };
  const model: Scenario = {
    id: 'lp-model',
    group: 'ladderpress',
    label: 'ladderpress read+model',
    shown: 'ladderpress model <corpus> > /dev/null',
    command: ladderpress(['model', corpus], ws.work),
    verify: () => Promise.resolve(null),
    timeoutMs,
  };

  const chainDir = path.join(ws.work, 'lp-chain');
  const chainCorpus = path.join(ws.work, 'chain-corpus');
  const chainOut = path.join(chainDir, 'out');
  const all = { ...htmlFiles, '.pdf': levels, '.docx': levels };
  const build = ladderpress(['build', chainCorpus, '--out', 'out'], chainDir);
  let edits = 0;
  const chain: Unit = [
    {
      id: 'lp-cold',
      group: 'ladderpress',
      label: 'ladderpress full cold build',
      shown: 'ladderpress build <corpus> --out out   (out/ and cache removed first)',
      prepare: async () => {
        await wipe(chainDir);
        await rm(chainCorpus, { recursive: true, force: true });
        await cp(corpus, chainCorpus, { recursive: true });
      },
      command: build,
      verify: expectFiles(chainOut, all),
      timeoutMs,
    },
    {
      id: 'lp-edit',
      group: 'ladderpress',
      label: 'ladderpress one-file-edit rebuild',
      shown: 'append a paragraph to one role doc, then ladderpress build <corpus> --out out',
      prepare: async () => {
        edits += 1;
        await appendFile(ws.editTarget(chainCorpus), `\nEdited for the benchmark, pass ${edits}.\n`);
      },
      command: build,
      verify: expectFiles(chainOut, all),
      timeoutMs,
    },
    {
      id: 'lp-nochange',
      group: 'ladderpress',
      label: 'ladderpress no-change rebuild',
      shown: 'ladderpress build <corpus> --out out   (again, nothing changed)',
      command: build,
      verify: expectFiles(chainOut, all),
      timeoutMs,
    },
  ];
  // Start-up alone, without the peak-RSS preload (its peer, floor-node, has none either).
  const version: Scenario = {
    id: 'lp-version',
    group: 'ladderpress',
    label: 'ladderpress --version',
    shown: 'ladderpress --version',
    command: { argv: ['node', bin, '--version'], cwd: ws.work, env: { CI: undefined } },
    verify: () => Promise.resolve(null),
    timeoutMs,
  };
  return [
    [version],
    [model],
    [cold('html', 'ladderpress HTML only', 'html', htmlFiles)],
    [cold('docx', 'ladderpress DOCX only', 'docx', { '.docx': levels })],
    [cold('html-docx', 'ladderpress HTML + DOCX', 'html,docx', { ...htmlFiles, '.docx': levels })],
    [cold('pdf', 'ladderpress PDF only', 'pdf', { '.pdf': levels })],
    chain,
  ];
}
