import { checklistFormat } from './render/checklist/checklist-format.js';
import { docxFormat } from './render/docx/docx-format.js';
import { htmlFormat } from './render/html/html-format.js';
import { jobDescriptionFormat } from './render/job-description/job-description-format.js';
import type { OutputFormat } from './render/output-format.js';
import { pdfFormat } from './render/pdf/pdf-format.js';
import type { FormatName } from './format-names.js';
import type { Same } from './same-type.js';

/**
 * Every output format, in the order the manifest lists their files. A new format is a folder under
 * render/ exporting one OutputFormat, plus one line here and its name in format-names.ts (the
 * compile fails until the two agree).
 */
const LIST = [htmlFormat, pdfFormat, docxFormat, jobDescriptionFormat, checklistFormat] as const satisfies readonly OutputFormat[];

export const FORMATS: readonly OutputFormat[] = LIST;

export type { FormatName };

// The names written out in format-names.ts (the API's types) are exactly these formats'.
true satisfies Same<(typeof LIST)[number]['name'], FormatName>;

/** The names, for the config's enum, `--only` and the build's stages. */
export const FORMAT_NAMES = LIST.map((format) => format.name) as [FormatName, ...FormatName[]];

/** The formats of these names, in list order. */
export function formatsNamed(names: Iterable<string>, from: readonly OutputFormat[] = FORMATS): OutputFormat[] {
  const wanted = new Set(names);
  return from.filter((format) => wanted.has(format.name));
}
