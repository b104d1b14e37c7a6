import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isReadableFileInside, readInside } from '../../inside-folder.js';
import { imageHeader, type ImageHeader } from './image-header.js';
import { rasteriseSvg } from './svg-raster.js';

/**
 * The content images a Word document embeds, as the plan found them: by path in the content folder,
 * the SHA-256 of the bytes (part of the document's cache key, so a changed image makes it again).
 * The bytes themselves are read where the document is made (a worker thread), not sent to it.
 */
export interface DocxImageSet {
  readonly contentDir: string;
  readonly hashes: Readonly<Record<string, string>>;
}

/** An image ready for an ImageRun: a raster Word shows as is, or an SVG with the PNG older Word and LibreOffice show. */
export type DocxImage = (ImageHeader & { readonly data: Uint8Array }) | { readonly type: 'svg'; readonly width: number; readonly height: number; readonly data: Uint8Array; readonly fallback: Uint8Array };

/** Plan side: the images some parts refer to (and the logo) that Word can show, with their hashes. */
export type ImagePlanner = (parts: readonly unknown[], logo: string | null) => DocxImageSet;

/**
 * One plan's image planner: each image is read and hashed once however many documents show it (the
 * logo is in every one; a level's images are in its document, the book and the book's chapter).
 */
export function imagePlanner(contentDir: string): ImagePlanner {
  const known = new Map<string, string | null>();
  return (parts, logo) => {
    const paths = new Set<string>();
    for (const part of parts) collectAssets(part, paths);
    if (logo !== null) paths.add(logo);
    const hashes: Record<string, string> = {};
    for (const file of [...paths].sort()) {
      if (!known.has(file)) known.set(file, hashOf(contentDir, file));
      const hash = known.get(file);
      if (hash) hashes[file] = hash;
    }
    return { contentDir, hashes };
  };
}

/**
 * Render side: each image's bytes, read inside the content folder only. An image whose bytes no longer
 * match the plan changed during the build: failing is right, as the document would be cached under
 * the old image's key.
 */
export async function loadImages(set: DocxImageSet): Promise<ReadonlyMap<string, DocxImage>> {
  const images = new Map<string, DocxImage>();
  for (const [file, hash] of Object.entries(set.hashes)) {
    const data = new Uint8Array(await readInside(set.contentDir, path.resolve(set.contentDir, file)));
    if (sha256(data) !== hash) throw new Error(`${file} changed while the Word documents were being made; build again`);
    const header = imageHeader(data);
    if (header) {
      images.set(file, { ...header, data });
      continue;
    }
    const drawn = rasteriseSvg(data);
    if (drawn) images.set(file, { type: 'svg', width: drawn.width, height: drawn.height, data, fallback: drawn.png });
  }
  return images;
}

/**
 * null: not a readable file inside the folder, or not an image Word can show: a PNG, JPEG or GIF, or an
 * SVG (drawn to a PNG fallback where the document is made; one resvg cannot read keeps its alt text).
 */
function hashOf(contentDir: string, file: string): string | null {
  const absolute = path.resolve(contentDir, file);
  if (!isReadableFileInside(contentDir, absolute)) return null;
  try {
    const data = readFileSync(absolute);
    return imageHeader(data) || looksLikeSvg(file, data) ? sha256(data) : null;
  } catch {
    return null;
  }
}

/** An `.svg` file whose text has an `<svg` element: worth drawing (resvg has the last word). */
function looksLikeSvg(file: string, data: Uint8Array): boolean {
  return path.extname(file).toLowerCase() === '.svg' && Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes('<svg');
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Each body's local images: a level's body is walked once, for its own document and for the book. */
const bodyAssets = new WeakMap<object, readonly string[]>();

/**
 * Paths of the local images (`image` nodes the reader resolved to an asset) anywhere below `value`.
 * A Markdown node's images are in its children; the walk skips positions and data, which are most of
 * a model's objects (the book of 500 levels holds 60 MB of them).
 */
function collectAssets(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectAssets(item, into);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const node = value as { type?: unknown; data?: { target?: { kind?: unknown; path?: unknown } }; children?: unknown };
  if (typeof node.type !== 'string') {
    for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) collectAssets(child, into);
    return;
  }
  const target = node.data?.target;
  if (node.type === 'image' && target?.kind === 'asset' && typeof target.path === 'string') into.add(target.path);
  if (!Array.isArray(node.children)) return;
  if (node.type !== 'root') {
    collectAssets(node.children, into);
    return;
  }
  let found = bodyAssets.get(value);
  if (!found) {
    const own = new Set<string>();
    collectAssets(node.children, own);
    bodyAssets.set(value, (found = [...own]));
  }
  for (const file of found) into.add(file);
}
