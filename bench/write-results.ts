import type { BenchResult, ScenarioResult, SizeResult } from './run.js';
import { otherTargets, ratios } from './targets.js';

const s = (ms: number | null): string => (ms === null ? '—' : (ms / 1000).toFixed(2));
const mb = (kb: number | null): string => (kb === null || kb === 0 ? '—' : (kb / 1024).toFixed(0));
const yes = (met: boolean | null, applies = met !== null): string => (!applies ? '' : met === null ? '⚪ no figure' : met ? '✅ met' : '❌ not met');

/** RESULTS.md: how it was measured, then a table per corpus size, the ratios, the scaling and quality. */
export function writeResults(result: BenchResult): string {
  const { machine, peers, options } = result;
  const out: string[] = [];
  const line = (text = ''): void => {
    out.push(text);
  };
  line('# ladderpress benchmarks');
  line();
  line(`Written by \`npm run bench\` (bench/run.ts), ${result.started} → ${result.finished}. Re-run with \`npm run bench\``);
  line('(sizes 5, 50, 500; `npm run bench -- --n 50 --runs 5`, `--only ladderpress`, `--no-install`).');
  line();
  line('Absolute times on a shared machine mean little, so every figure that matters is a **ratio against a peer');
  line('measured in the same run on the same corpus**. Each scenario ran');
  line(`${options.sizes.map((n, i) => `${options.runs[i] ?? options.runs.at(-1)}× at N = ${n}`).join(', ')}, alternating (round r runs every scenario once, the order rotated by r); times are`);
  line('medians of the successful runs, with min–max. Peak RSS is the Node process\'s own (getrusage); tree PSS is the');
  line('highest sum of PSS over the whole process tree (Node + Chromium, or all concurrent pandoc processes), sampled every 200 ms.');
  line();
  line('## Machine and versions');
  line();
  line(`- ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}`);
  line(`- load average before ${machine.loadBefore.map((l) => l.toFixed(2)).join(' / ')}, after ${machine.loadAfter.map((l) => l.toFixed(2)).join(' / ')}`);
  line('  (above ~0.5 other work shared the cores: single figures are noisy, ratios within one run less so)');
  line(`- ladderpress: ${result.subject.revision} (the latest run; each size's section names the revision it measured)`);
  for (const [name, version] of Object.entries(peers.versions)) line(`- ${name}: ${version}`);
  for (const note of peers.notes) line(`- note: ${note}`);
  for (const note of result.notes ?? []) line(`- **${note}**`);
  line();

  // Merged results mix sittings: each row says which code it measured.
  const targetRows = result.sizes.flatMap((size) => {
    const at = size.revision ? size.revision.split(' ')[0] : 'older code';
    return [
      ...ratios(size).filter((r) => r.applies).map((r) => ({ n: size.n, at, label: r.comparison.label, measured: r.missing ?? ratioText(r.ratio), met: r.met })),
      ...otherTargets(size).filter((t) => t.met !== null).map((t) => ({ n: size.n, at, ...t })),
    ];
  });
  if (targetRows.length > 0) {
    line('## Targets (issue 16)');
    line();
    line('| N | measured at | target | measured | |');
    line('|---|---|---|---|---|');
    for (const row of targetRows) line(`| ${row.n} | ${row.at} | ${row.label} | ${row.measured} | ${yes(row.met, true)} |`);
    line();
  }

  for (const size of result.sizes) writeSize(size, line);
  writeScaling(result.sizes, line);
  line('## Commands');
  line();
  const seen = new Set<string>();
  for (const scenario of result.sizes.flatMap((size) => size.scenarios)) {
    if (seen.has(scenario.id)) continue;
    seen.add(scenario.id);
    line(`- \`${scenario.id}\`: \`${scenario.shown}\``);
  }
  line();
  line('The corpus: `tsx bench/generate-corpus.ts --n N` (seeded, deterministic): N role documents in the shape of');
  line('`role-vp.md` (~10 KB each) and N/5 article summaries. Peers read the same documents as one flat folder of .md files.');
  line();
  return `${out.join('\n')}\n`;
}

function ratioText(ratio: number | null): string {
  if (ratio === null) return 'no successful run';
  return ratio < 1 ? `${ratio.toFixed(3)} (${(1 / ratio).toFixed(1)}× faster)` : `${ratio.toFixed(2)}× the time`;
}

function writeSize(size: SizeResult, line: (text?: string) => void): void {
  const docs = size.levels + size.articles;
  line(`## N = ${size.n} (${size.levels} role docs + ${size.articles} articles, ${(size.bytes / 1024).toFixed(0)} KB)`);
  line();
  line(size.revision ? `Measured at ladderpress ${size.revision}, ${size.measured ?? 'date not recorded'}.` : 'Measured by an earlier run, before sizes recorded their revision: older code than the header names.');
  line();
  line('| scenario | median s | min–max s | ok runs | Node peak RSS MB | tree peak PSS MB | ms / doc |');
  line('|---|---:|---:|---:|---:|---:|---:|');
  for (const { label, summary } of size.scenarios) {
    const range = summary.minMs === null ? '—' : `${s(summary.minMs)}–${s(summary.maxMs)}`;
    const perDoc = summary.medianMs === null ? '—' : (summary.medianMs / docs).toFixed(1);
    line(`| ${label} | ${s(summary.medianMs)} | ${range} | ${summary.ok}/${summary.runs} | ${mb(summary.nodeRssKb)} | ${mb(summary.treePssKb)} | ${perDoc} |`);
  }
  const failures = size.scenarios.filter((scenario) => scenario.summary.errors.length > 0);
  if (failures.length > 0) {
    line();
    for (const { id, summary } of failures) line(`- \`${id}\` failed ${summary.runs - summary.ok} of ${summary.runs} runs: ${summary.errors.join('; ').replace(/\|/g, '\\|')}`);
  }
  const printed = size.scenarios.filter((scenario) => scenario.pages);
  if (printed.length > 0) {
    line();
    line(`Pages printed per run (pdfinfo): ${printed.map(({ id, pages, summary }) => `\`${id}\` ${pages}${summary.medianMs !== null && pages ? ` (${(summary.medianMs / pages).toFixed(1)} ms/page)` : ''}`).join(', ')}.`);
  }
  const rows = ratios(size);
  if (rows.length > 0) {
    line();
    line('| comparison | ladderpress ÷ reference | target | |');
    line('|---|---:|---:|---|');
    for (const r of rows) {
      const target = r.comparison.maxRatio === undefined ? '' : `≤ ${fmt(r.comparison.maxRatio)}${r.comparison.at ? ` at N = ${r.comparison.at}` : ''}`;
      line(`| ${r.comparison.label} | ${r.missing ?? ratioText(r.ratio)} | ${target} | ${yes(r.met, r.applies)} |`);
    }
  }
  line();
  const { quality } = size;
  line(`Quality: \`ladderpress check --strict\` on the corpus: ${quality.checkOk ? 'no errors, no warnings' : quality.checkSummary}.`);
  if (quality.fidelity) {
    line('Fidelity and validity probe on three role docs of the cold build (text blocks of the source found in each output; validators):');
    for (const row of quality.fidelity) {
      const found = Object.entries(row.found).map(([format, text]) => `${format} ${text}`).join(', ');
      const valid = Object.values(row.valid).filter(Boolean).join(', ');
      line(`- ${row.slug}: ${found}${valid ? `; ${valid}` : ''}${row.missing.length > 0 ? ` — missing e.g. ${row.missing.slice(0, 3).map((m) => `“${m}”`).join(', ')}` : ''}`);
    }
  }
  line();
}

function fmt(ratio: number): string {
  return ratio < 1 ? `${ratio.toFixed(ratio < 0.1 ? 2 : 2)} (${(1 / ratio).toFixed(1)}× faster)` : `${ratio}×`;
}

/** Time per document must stay flat or fall as N grows. */
function writeScaling(sizes: readonly SizeResult[], line: (text?: string) => void): void {
  if (sizes.length < 2) return;
  line('## Scaling: milliseconds per document');
  line();
  line(`| scenario | ${sizes.map((size) => `N = ${size.n}`).join(' | ')} | flat or falling? |`);
  line(`|---|${sizes.map(() => '---:').join('|')}|---|`);
  const ids = [...new Set(sizes.flatMap((size) => size.scenarios.map((scenario) => scenario.id)))];
  for (const id of ids) {
    const per = sizes.map((size) => {
      const scenario: ScenarioResult | undefined = size.scenarios.find((candidate) => candidate.id === id);
      const ms = scenario?.summary.medianMs ?? null;
      return ms === null ? null : ms / (size.levels + size.articles);
    });
    const label = sizes.flatMap((size) => size.scenarios).find((scenario) => scenario.id === id)?.label ?? id;
    const known = per.filter((value): value is number => value !== null);
    // 10 % slack: on a shared machine a flat line wobbles.
    const flat = known.every((value, i) => i === 0 || value <= (known[i - 1] ?? value) * 1.1);
    const verdict = known.length < 2 ? '' : `${flat ? 'yes' : 'no: grows'}${known.length < per.length ? ' (sizes with no successful run left out)' : ''}`;
    line(`| ${label} | ${per.map((value) => (value === null ? 'failed' : value.toFixed(1))).join(' | ')} | ${verdict} |`);
  }
  line();
  line('## Scaling: peak memory (Node process RSS / whole process tree PSS, MB)');
  line();
  line(`| scenario | ${sizes.map((size) => `N = ${size.n}`).join(' | ')} |`);
  line(`|---|${sizes.map(() => '---:').join('|')}|`);
  for (const id of ['lp-model', 'lp-html-docx', 'lp-pdf', 'lp-cold', 'md-to-pdf', 'floor-pdf-2']) {
    const cells = sizes.map((size) => size.scenarios.find((scenario) => scenario.id === id));
    const first = cells.find((cell) => cell);
    if (!first) continue;
    line(`| ${first.label} | ${cells.map((cell) => (cell ? `${mb(cell.summary.nodeRssKb)} / ${mb(cell.summary.treePssKb)}` : '—')).join(' | ')} |`);
  }
  line();
}
