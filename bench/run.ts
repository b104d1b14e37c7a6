import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measure, type Sample } from './measure.js';
import { ensurePeers, type Peers } from './peers.js';
import { checkCorpus, checkFidelity, type QualityReport } from './quality.js';
import type { Group, Scenario, Unit } from './scenario.js';
import { floorUnits } from './scenarios/floors.js';
import { ladderpressUnits } from './scenarios/ladderpress.js';
import { peerUnits } from './scenarios/peers.js';
import { summarize, type Summary } from './stats.js';
import { countPages } from './pdf-pages.js';
import { existingSubject, snapshotOfHead, workingTree, type Subject } from './subject.js';
import { prepareWorkspace, type Workspace } from './workspace.js';
import { writeResults } from './write-results.js';

export interface BenchOptions {
  readonly sizes: readonly number[];
  /** Runs per size, in the order of `sizes` (the last one repeats). */
  readonly runs: readonly number[];
  readonly groups: ReadonlySet<Group>;
  readonly install: boolean;
  readonly seed: number;
  /** Where generated corpora and outputs go (bench/ normally; a temp folder in tests). */
  readonly root: string;
  readonly results: string | null;
  /** Free-text remarks printed in RESULTS.md (conditions of the run). */
  readonly notes?: readonly string[];
  /** Keep the other sizes of an existing results JSON (to add N = 500 from a separate run). */
  readonly merge?: boolean;
  /** The ladderpress being measured (default: this checkout as it is on disk). */
  readonly subject?: Subject;
  readonly log: (line: string) => void;
}

export interface ScenarioResult {
  readonly id: string;
  readonly group: Group;
  readonly label: string;
  readonly shown: string;
  readonly samples: readonly Sample[];
  readonly summary: Summary;
  /** Pages of the PDFs one successful run printed (PDF scenarios); null when not counted. */
  readonly pages: number | null;
}

export interface SizeResult {
  readonly n: number;
  readonly levels: number;
  readonly articles: number;
  readonly bytes: number;
  readonly quality: QualityReport;
  readonly scenarios: readonly ScenarioResult[];
  /** The ladderpress revision and the date this size was measured at: merged results mix runs (absent in runs before 2026-12-03). */
  readonly revision?: string;
  readonly measured?: string;
}

export interface BenchResult {
  readonly options: { readonly sizes: readonly number[]; readonly runs: readonly number[]; readonly groups: readonly Group[]; readonly seed: number };
  readonly peers: Peers;
  readonly subject: Subject;
  readonly notes: readonly string[];
  readonly machine: Machine;
  readonly started: string;
  readonly finished: string;
  readonly sizes: readonly SizeResult[];
}

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly os: string;
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
}

/** Runs every scenario `runs` times per corpus size, alternating: round r runs each unit once, in rotated order. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const started = new Date().toISOString();
  const loadBefore = os.loadavg();
  const needPeers = options.groups.has('peer') || options.groups.has('floor');
  const peers = await ensurePeers(path.resolve('bench'), options.install && needPeers);
  for (const note of peers.notes) options.log(`note: ${note}`);
  const subject = options.subject ?? (await workingTree(path.resolve('.')));
  options.log(`measuring ladderpress ${subject.revision} from ${subject.root}`);
  const sizes: SizeResult[] = [];
  // Written after every sample too, so a run stopped early still leaves its figures.
  const save = async (extra: SizeResult | null): Promise<BenchResult> => {
    const result: BenchResult = {
      options: { sizes: options.sizes, runs: options.runs, groups: [...options.groups], seed: options.seed },
      peers,
      subject,
      notes: options.notes ?? [],
      machine: machine(loadBefore),
      started,
      finished: new Date().toISOString(),
      sizes: extra ? [...sizes, extra] : [...sizes],
    };
    if (options.results) {
      const json = options.results.replace(/\.md$/, '.json');
      const merged = options.merge ? await mergeWith(json, result) : result;
      await mkdir(path.dirname(options.results), { recursive: true });
      await writeFile(options.results, writeResults(merged));
      await writeFile(json, `${JSON.stringify(merged, null, 1)}\n`);
    }
    return result;
  };
  for (const [index, n] of options.sizes.entries()) {
    const runs = options.runs[Math.min(index, options.runs.length - 1)] ?? 1;
    const ws = await prepareWorkspace(options.root, n, options.seed);
    options.log(`n=${n}: ${ws.levels} role docs + ${ws.articles} articles, ${(ws.bytes / 1024).toFixed(0)} KB`);
    const quality = await checkCorpus(ws, subject.bin);
    options.log(`n=${n}: ladderpress check --strict: ${quality.checkOk ? 'no problems' : quality.checkSummary}`);
    const units = allUnits(ws, peers, subject, options.groups);
    const samples = new Map<Scenario, Sample[]>();
    const givenUp = new Set<Scenario>();
    const pages = new Map<Scenario, number | null>();
    const sizeResult = (fidelity: QualityReport['fidelity']): SizeResult => {
      const scenarios = units.flat().flatMap((scenario) => {
        const list = samples.get(scenario) ?? [];
        const { id, group, label, shown } = scenario;
        return list.length > 0 ? [{ id, group, label, shown, samples: list, summary: summarize(list), pages: pages.get(scenario) ?? null }] : [];
      });
      return { n, levels: ws.levels, articles: ws.articles, bytes: ws.bytes, quality: { ...quality, fidelity }, scenarios, revision: subject.revision, measured: new Date().toISOString() };
    };
    for (let round = 0; round < runs; round += 1) {
      const rotated = [...units.slice(round % units.length), ...units.slice(0, round % units.length)];
      for (const unit of rotated) {
        for (const scenario of unit) {
          if (givenUp.has(scenario)) continue;
          const sample = await runOnce(scenario);
          const list = samples.get(scenario) ?? [];
          list.push(sample);
          samples.set(scenario, list);
          options.log(`n=${n} run ${round + 1}/${runs} ${scenario.id.padEnd(16)} ${(sample.wallMs / 1000).toFixed(2).padStart(8)} s ${sample.ok ? 'ok' : `FAILED ${sample.error ?? ''}`}`);
          // A peer that hangs until the timeout will hang again: one such run is evidence enough.
          if (sample.error?.startsWith('timed out')) givenUp.add(scenario);
          await save(sizeResult(null));
        }
      }
    }
    // Counted once per size, from the last run's output (the same corpus prints the same pages).
    for (const scenario of units.flat()) {
      const ok = (samples.get(scenario) ?? []).at(-1)?.ok === true;
      if (scenario.pdfDir && ok) pages.set(scenario, await countPages(scenario.pdfDir));
    }
    const fidelity = options.groups.has('ladderpress') ? await checkFidelity(ws, path.join(ws.work, 'lp-chain', 'out')) : null;
    sizes.push(sizeResult(fidelity));
  }
  return save(null);
}

/** The earlier results with this run's sizes replaced: one table set, measured in two sittings. */
async function mergeWith(file: string, result: BenchResult): Promise<BenchResult> {
  const previous = JSON.parse(await readFile(file, 'utf8').catch(() => 'null')) as BenchResult | null;
  if (!previous) return result;
  const sizes = [...previous.sizes.filter((size) => !result.sizes.some((now) => now.n === size.n)), ...result.sizes].sort((a, b) => a.n - b.n);
  const runs = sizes.map((size) => size.scenarios[0]?.samples.length ?? 0);
  return { ...result, notes: [...new Set([...(previous.notes ?? []), ...result.notes])], started: previous.started, options: { ...result.options, sizes: sizes.map((size) => size.n), runs }, sizes };
}

/** First round's order: what the targets need first, so a run cut short still answers them. */
const PRIORITY = [
  'lp-html-docx', 'pandoc-html-p1', 'pandoc-docx-p1', 'floor-parse', 'eleventy', 'lp-pdf', 'floor-pdf-2', 'lp-cold', 'floor-pdf-same',
  'md-to-pdf', 'pandoc-html-p2', 'pandoc-docx-p2', 'lp-model', 'lp-html', 'lp-docx', 'floor-pdf-1',
];

function allUnits(ws: Workspace, peers: Peers, subject: Subject, groups: ReadonlySet<Group>): Unit[] {
  const units = [
    ...(groups.has('ladderpress') ? ladderpressUnits(ws, subject.bin) : []),
    ...(groups.has('peer') ? peerUnits(ws, peers) : []),
    ...(groups.has('floor') ? floorUnits(ws, peers, subject.root) : []),
  ];
  const rank = (unit: Unit): number => {
    const at = PRIORITY.indexOf(unit[0]?.id ?? '');
    return at === -1 ? PRIORITY.length : at;
  };
  return units.sort((a, b) => rank(a) - rank(b));
}

async function runOnce(scenario: Scenario): Promise<Sample> {
  await scenario.prepare?.();
  const sample = await measure(scenario.command, scenario.timeoutMs);
  if (!sample.ok) return sample;
  const problem = await scenario.verify();
  return problem ? { ...sample, ok: false, error: `wrong output: ${problem}` } : sample;
}

function machine(loadBefore: readonly number[]): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadBefore,
    loadAfter: os.loadavg(),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '5,50,500' },
      runs: { type: 'string' },
      merge: { type: 'boolean', default: false },
      only: { type: 'string', default: 'ladderpress,peer,floor' },
      'no-install': { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      results: { type: 'string', default: path.join('bench', 'RESULTS.md') },
      snapshot: { type: 'boolean', default: false },
      subject: { type: 'string' },
      note: { type: 'string', multiple: true },
    },
  });
  const groups = new Set(values.only.split(',').map((group) => group.trim().replace(/^(peer|floor)s$/, '$1')));
  const unknown = [...groups].filter((group) => !['ladderpress', 'peer', 'floor'].includes(group));
  if (unknown.length > 0) throw new Error(`--only takes ladderpress, peers, floors; not ${unknown.join(', ')}`);
  const sizes = values.n.split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--n takes sizes like 5,50,500, not "${values.n}"`);
  await runBench({
    sizes,
    // Default: 3 alternating runs, 1 at the largest size (one round of everything at N = 500 takes ~20 minutes on 2 cores).
    runs: (values.runs ?? sizes.map((n) => (n >= 500 ? 1 : 3)).join(',')).split(',').map(Number),
    merge: values.merge,
    notes: values.note ?? [],
    groups: groups as Set<Group>,
    install: !values['no-install'],
    seed: Number(values.seed),
    root: path.resolve('bench'),
    results: values.results === '' ? null : path.resolve(values.results),
    ...(values.snapshot ? { subject: await snapshotOfHead(path.resolve('.'), path.resolve('bench', '.work', 'subject')) } : {}),
    ...(values.subject ? { subject: await existingSubject(path.resolve(values.subject)) } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
