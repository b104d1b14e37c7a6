import { readLadderOrThrow } from './helpers/read-content.js';
import { deltaItems } from '../src/model/level-delta.js';
import { contentWords, dice } from '../src/model/sentence-similarity.js';
const ladder = await readLadderOrThrow('content');
for (let k = 1; k < ladder.levels.length; k++) {
  const lower = ladder.levels[k-1]!, upper = ladder.levels[k]!;
  const A = deltaItems(lower), B = deltaItems(upper);
  const all = [...A, ...B].map((i) => contentWords(i.text.text));
  const df = new Map<string, number>();
  for (const s of all) for (const w of s) df.set(w, (df.get(w) ?? 0) + 1);
  const N = all.length;
  const wt = (w: string) => Math.log(1 + N / (df.get(w) ?? 1));
  const wdice = (a: Set<string>, b: Set<string>) => { let sh = 0, sa = 0, sb = 0; for (const w of a) { sa += wt(w); if (b.has(w)) sh += wt(w); } for (const w of b) sb += wt(w); return sa + sb === 0 ? 1 : 2 * sh / (sa + sb); };
  console.log(`\n== ${lower.slug} -> ${upper.slug}`);
  const rows: string[] = [];
  for (const a of A) for (const b of B) {
    if (a.facet !== b.facet || a.facet === 'scope' || a.facet === 'skills') continue;
    const wa = contentWords(a.text.text), wb = contentWords(b.text.text);
    const d = dice(wa, wb), w = wdice(wa, wb);
    if ((d >= 0.2 && d < 0.4) || (w >= 0.3 && d < 0.4)) rows.push(`${d.toFixed(2)} ${w.toFixed(2)} | ${a.text.text}  ~  ${b.text.text}`);
  }
  rows.sort((x, y) => Number(y.split(' ')[1]) - Number(x.split(' ')[1]));
  console.log(rows.slice(0, 25).join('\n'));
}
