import path from 'node:path';
import type { Diagnostics } from './diagnostics.js';
import type { Ladder } from './model/types.js';
import type { OutputFormat } from './render/output-format.js';

/** Who makes an output file: a level or article (by its slug and source), or the ladder as a whole. */
interface Claim {
  readonly slug: string | null;
  readonly file: string | null;
  readonly what: string;
}

/**
 * Reports, before anything is rendered, two parts of the ladder whose files would have the same name
 * in `formats` — a level "x-job-description" and level x's job description — as an error at the
 * level to rename. The names come from each format's file list, so a new format is checked too.
 */
export function checkOutputNames(ladder: Ladder, formats: readonly OutputFormat[], contentDir: string, diagnostics: Diagnostics): void {
  const claims = new Map<string, Claim>();
  const clashes = new Map<string, { readonly offender: Claim; readonly other: Claim; readonly paths: string[] }>();
  const claim = (file: string, by: Claim): void => {
    const first = claims.get(file);
    if (!first) {
      claims.set(file, by);
      return;
    }
    // Two parts of one slug are already a duplicate-slug error of the reader.
    if (first.slug === by.slug) return;
    // The longer name is the one a suffix ("-profile", "-job-description") reaches: rename that one.
    const [offender, other] = (by.slug?.length ?? -1) >= (first.slug?.length ?? -1) ? [by, first] : [first, by];
    const key = `${offender.file}\n${other.file}`;
    const clash = clashes.get(key) ?? { offender, other, paths: [] };
    clash.paths.push(file);
    clashes.set(key, clash);
  };
  for (const format of formats) {
    for (const file of format.ladder) claim(file.path, { slug: null, file: null, what: `the whole ladder's ${format.name}` });
    for (const level of ladder.levels) for (const file of format.level) claim(file.path(level.slug), { slug: level.slug, file: level.file, what: `${format.name} of level "${level.slug}"` });
    for (const article of ladder.articles) for (const file of format.article) claim(file.path(article.slug), { slug: article.slug, file: article.file, what: `${format.name} of article "${article.slug}"` });
  }
  for (const { offender, other, paths } of clashes.values()) {
    const names = paths.map((file) => `"${file}"`).join(', ');
    // Claims of one slug never clash, so the longer slug is a level's or article's: it has a file.
    const source = offender.file as string;
    const shown = path.relative(process.cwd(), path.join(contentDir, source)) || source;
    diagnostics.report('output-name-collision', shown, null, `${names} would be written twice: as the ${offender.what} and as the ${other.what}`);
  }
}
