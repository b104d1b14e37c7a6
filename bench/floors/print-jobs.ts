// The input of the same-PDFs floor, made before timing: every document ladderpress hands Chromium in a
// full build (the PDF format's handouts, profiles and book, parts and all, and the checklists' PDFs),
// written as `NNNN.html` with its print options beside it in `NNNN.json`. The HTML comes from the
// measured ladderpress's own planners (its sources, through tsx: dist/ holds one bundle, whose
// internals are not addressable, and this runs untimed), so the floor prints the same documents
// from the same HTML — without what ladderpress does around printing: fitting the profile to one
// page, numbering the book's contents (a second print), joining the book's parts, fixing metadata.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const [root, corpus, outDir] = process.argv.slice(2);
if (!root || !corpus || !outDir) throw new Error('usage: print-jobs <ladderpress root> <corpus> <outDir>');

/** What this script reads of a print job (src/render/pdf/plan-pdfs.ts, PdfJob). */
interface PrintJob {
  readonly path: string;
  readonly html: string;
  readonly setup: { readonly format: string; readonly margin: Record<string, string>; readonly displayHeaderFooter: boolean };
  readonly headerTemplate: string;
  readonly footerTemplate: string;
  readonly parts: readonly { readonly job: PrintJob }[];
}
type Planner = (ladder: unknown, context: object) => Promise<readonly PrintJob[]>;

// Registered for the whole process (not tsImport's scoped loader, whose module URLs carry a query):
// the sources' worker threads find their entry beside a plain `.ts` URL and start it through tsx.
register();
const load = <T>(file: string): Promise<T> => import(pathToFileURL(path.join(root, 'src', file)).href) as Promise<T>;
const { readProject } = await load<{ readProject: (options: object) => Promise<{ settings: { config: object; templatesDir: string; contentDir: string } | null; ladder: unknown; diagnostics: unknown }> }>('api/read-ladder.ts');
const { planPdfs } = await load<{ planPdfs: Planner }>('render/pdf/plan-pdfs.ts');
const { planChecklists } = await load<{ planChecklists: Planner }>('render/checklist/plan-checklists.ts');

const { settings, ladder, diagnostics } = await readProject({ content: corpus });
if (!settings || !ladder) throw new Error(`ladderpress could not read ${corpus}`);
// The fields the two planners read (src/render/render-context.ts); the rest do not change the HTML.
const context = { config: settings.config, templatesDir: settings.templatesDir, contentDir: settings.contentDir, referenceDocx: null, toolVersion: 'floor', diagnostics, partKeys: null, parts: null };
const jobs = [...(await planPdfs(ladder, context)), ...(await planChecklists(ladder, context)).filter((job) => job.path.endsWith('.pdf'))];
const documents = jobs.flatMap((job) => (job.parts.length > 0 ? job.parts.map((part) => part.job) : [job]));
await mkdir(outDir, { recursive: true });
let index = 0;
for (const document of documents) {
  const name = String(index++).padStart(4, '0');
  const options = { format: document.setup.format, margin: document.setup.margin, displayHeaderFooter: document.setup.displayHeaderFooter, headerTemplate: document.headerTemplate || '<span></span>', footerTemplate: document.footerTemplate || '<span></span>' };
  await writeFile(path.join(outDir, `${name}.html`), document.html);
  await writeFile(path.join(outDir, `${name}.json`), JSON.stringify({ path: document.path, options }));
}
console.log(`${documents.length} documents to print, from ${jobs.length} PDFs`);
