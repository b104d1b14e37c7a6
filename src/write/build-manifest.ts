import { FORMATS } from '../formats.js';
import type { Ladder } from '../model/types.js';
import type { OutputFile } from '../render/render-context.js';
import type { PublishedFile } from './published-file.js';

/** One file in the manifest: what a CI job or an intranet needs to fetch and verify it. */
export interface ManifestFile {
  readonly path: string;
  /** The kind its format gives it, e.g. html: the page; pdf: the handout; profile: the one-page PDF; docx: the Word document. */
  readonly kind: string;
  readonly bytes: number;
  readonly sha256: string;
}

/**
 * `out/manifest.json`: per level and article the files published for it, the books, and a flat list
 * of every file. Deterministic (the site's date, never the clock), so it only changes with the output.
 */
export function buildManifest(ladder: Ladder, toolVersion: string, files: readonly PublishedFile[]): OutputFile {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const pick = (wanted: readonly { readonly kind: string; readonly path: string }[]): ManifestFile[] =>
    wanted.flatMap(({ kind, path }) => {
      const file = byPath.get(path);
      return file ? [{ path, kind, bytes: file.bytes, sha256: file.sha256 }] : [];
    });
  // Every format's names, not only this build's: files kept from an earlier build are listed too.
  const partFiles = (part: 'level' | 'article', slug: string) => pick(FORMATS.flatMap((format) => format[part].map((file) => ({ kind: file.kind, path: file.path(slug) }))));
  const manifest = {
    generator: `ladderpress ${toolVersion}`,
    title: ladder.site.title,
    date: ladder.site.date,
    url: ladder.site.url,
    levels: ladder.levels.map((level) => ({ slug: level.slug, title: level.title, files: partFiles('level', level.slug) })),
    articles: ladder.articles.map((article) => ({ slug: article.slug, title: article.title, files: partFiles('article', article.slug) })),
    books: pick(FORMATS.flatMap((format) => format.ladder)),
    files: files.map((file) => ({ path: file.path, bytes: file.bytes, sha256: file.sha256 })),
  };
  return { path: 'manifest.json', data: `${JSON.stringify(manifest, null, 2)}\n` };
}
