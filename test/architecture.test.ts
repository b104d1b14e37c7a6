import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers/shared-fixtures.js';

interface ImportEdge {
  readonly from: string;
  readonly to: string;
}

/** Every import of src/**, with relative imports resolved to src-relative paths. */
async function imports(): Promise<ImportEdge[]> {
  const src = path.join(PROJECT_ROOT, 'src');
  const files = (await readdir(src, { recursive: true })).filter((file) => file.endsWith('.ts')).map((file) => file.split(path.sep).join('/'));
  const edges: ImportEdge[] = [];
  for (const file of files) {
    const text = await readFile(path.join(src, file), 'utf8');
    for (const match of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const specifier = match[1] ?? match[2] ?? '';
      const to = specifier.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)) : specifier;
      edges.push({ from: file, to });
    }
  }
  return edges;
}

const under = (folder: string) => (file: string) => file.startsWith(`${folder}/`);
const packageName = (specifier: string): string => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? ''));

describe('architecture: content → read → model → render → out', () => {
  it('the model imports nothing from the rest of src/, and no renderer library', async () => {
    const bad = (await imports()).filter((edge) => under('model')(edge.from) && !edge.to.startsWith('model/') && !['mdast', 'zod'].includes(packageName(edge.to)));
    expect(bad).toEqual([]);
  });

  it('only the readers know Markdown syntax (unified, remark)', async () => {
    const parsers = ['unified', 'remark-parse', 'remark-gfm', 'remark-frontmatter'];
    const bad = (await imports()).filter((edge) => parsers.includes(packageName(edge.to)) && !under('read')(edge.from));
    expect(bad).toEqual([]);
  });

  it('puppeteer lives only in the PDF renderer, docx and resvg only in the DOCX renderer', async () => {
    const edges = await imports();
    expect(edges.filter((edge) => packageName(edge.to).startsWith('puppeteer') && !under('render/pdf')(edge.from))).toEqual([]);
    expect(edges.filter((edge) => packageName(edge.to) === 'docx' && !under('render/docx')(edge.from))).toEqual([]);
    // resvg (the PNG copy of an SVG in Word) is required by name, not imported: found as a string.
    const src = path.join(PROJECT_ROOT, 'src');
    const files = (await readdir(src, { recursive: true })).filter((file) => file.endsWith('.ts'));
    const resvg: string[] = [];
    for (const file of files) if ((await readFile(path.join(src, file), 'utf8')).includes("'@resvg/resvg-js'")) resvg.push(file.split(path.sep).join('/'));
    expect(resvg).toEqual(['render/docx/svg-raster.ts']);
  });

  it('renderers read the model, never the readers, and never each other (PDF may use the HTML renderer, job descriptions the DOCX one, checklists the DOCX and PDF ones)', async () => {
    const edges = await imports();
    const renderer = (file: string): string | null => /^render\/(html|pdf|docx|job-description|checklist)\//.exec(file)?.[1] ?? null;
    const bad = edges.filter((edge) => {
      const from = renderer(edge.from);
      if (!from) return false;
      const to = renderer(edge.to);
      if (edge.to.startsWith('read/')) return true;
      return to !== null && to !== from && !(from === 'pdf' && to === 'html') && !(from === 'job-description' && to === 'docx') && !(from === 'checklist' && (to === 'docx' || to === 'pdf'));
    });
    expect(bad).toEqual([]);
  });

  it('the readers never import a renderer', async () => {
    const bad = (await imports()).filter((edge) => under('read')(edge.from) && edge.to.startsWith('render/'));
    expect(bad).toEqual([]);
  });

  it('no module imports itself through others (type-only imports count: they couple the files just the same)', async () => {
    const edges = (await imports()).filter((edge) => edge.to.endsWith('.js'));
    const next = new Map<string, string[]>();
    for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to.replace(/\.js$/, '.ts')]);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const to of next.get(file) ?? []) visit(to, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of [...next.keys()].sort()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('modules keep to their folder\'s rules: formats are listed in one place, settings resolved in one', async () => {
    const edges = await imports();
    // Only the list, the format modules' own renderers and tests name a renderer's format value.
    expect(edges.filter((edge) => /^render\/(html|pdf|docx|[^/]+)\/[a-z-]+-format\.js$/.test(edge.to) && !['formats.ts', 'verify/verify-output.ts'].includes(edge.from)).map((edge) => edge.from)).toEqual([]);
    // The config is loaded by resolve-settings alone (and tested directly).
    expect(edges.filter((edge) => edge.to === 'config/load-config.js' && !['config/resolve-settings.ts', 'dev/dev-session.ts'].includes(edge.from)).map((edge) => edge.from)).toEqual([]);
  });
});

