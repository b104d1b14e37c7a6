import type { Ladder } from '../model/types.js';
import type { OutputFile } from '../render/render-context.js';
import type { PublishedFile } from './publish-out.js';

/** One file in the manifest: what a CI job or an intranet needs to fetch and verify it. */
export interface ManifestFile {
  readonly path: string;
  /** html: the page; pdf: the handout; profile: the one-page PDF; docx: the Word document. */
  readonly kind: 'html' | 'pdf' | 'profile' | 'docx';
  readonly bytes: number;
  readonly sha256: string;
}

/**
 * `out/manifest.json`: per level and article the files published for it, the books, and a flat list
 * of every file. Deterministic (the site's date, never the clock), so it only changes with the output.
 */
export function buildManifest(ladder: Ladder, toolVersion: string, files: readonly PublishedFile[]): OutputFile {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const pick = (paths: readonly string[]): ManifestFile[] =>
    paths.flatMap((p) => {
      const file = byPath.get(p);
      return file ? [{ path: p, kind: kindOf(p), bytes: file.bytes, sha256: file.sha256 }] : [];
    });
  // The published names (see sitePaths in render/html/site-urls.ts).
  const manifest = {
    generator: `ladderpress ${toolVersion}`,
    title: ladder.site.title,
    date: ladder.site.date,
    url: ladder.site.url,
    levels: ladder.levels.map((level) => ({
      slug: level.slug,
      title: level.title,
      files: pick([`${level.slug}.html`, `${level.slug}.pdf`, `${level.slug}-profile.pdf`, `${level.slug}.docx`]),
    })),
    articles: ladder.articles.map((article) => ({ slug: article.slug, title: article.title, files: pick([`articles/${article.slug}.html`]) })),
    books: pick(['ladder.pdf', 'ladder.docx']),
    files: files.map((file) => ({ path: file.path, bytes: file.bytes, sha256: file.sha256 })),
  };
  return { path: 'manifest.json', data: `${JSON.stringify(manifest, null, 2)}\n` };
}

function kindOf(file: string): ManifestFile['kind'] {
  if (file.endsWith('-profile.pdf')) return 'profile';
  if (file.endsWith('.pdf')) return 'pdf';
  if (file.endsWith('.docx')) return 'docx';
  return 'html';
}
