import { createRequire } from 'node:module';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** What pdf.js takes from @napi-rs/canvas besides DOMMatrix, to draw pages: never used here. */
const DRAWING_CLASSES = ['ImageData', 'Path2D'] as const;
const MISSING_CANVAS_WARNING = 'Warning: Cannot load "@napi-rs/canvas"';

let loading: Promise<Pdfjs> | undefined;

/**
 * pdf.js, loaded once. ladderpress only reads PDFs with it (outlines, destinations, text) and never
 * draws one. It is bundled, worker included, so installing ladderpress installs neither pdfjs-dist
 * (41 MB) nor its optional @napi-rs/canvas (32 MB), which it needs only to draw, but its Node
 * build makes a DOMMatrix as it loads, taken from that package. Without the package (always, once
 * installed; also `npm install --omit=optional`, or a platform without its binary) the import threw
 * "DOMMatrix is not defined". Stand-ins let pdf.js load: a DOMMatrix from @thednp/dommatrix, empty
 * classes for the two it only draws with. Its warning that the package is missing is left out of
 * the build's output.
 */
export function pdfjs(): Promise<Pdfjs> {
  loading ??= load();
  return loading;
}

async function load(): Promise<Pdfjs> {
  const scope = globalThis as Record<string, unknown>;
  // pdf.js's worker, run in this thread as pdf.js does in Node: without it here, pdf.js would
  // import ./pdf.worker.mjs from beside its own file, which the bundle does not have.
  // @ts-expect-error: pdf.js ships no types for its worker module.
  scope['pdfjsWorker'] ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  if (globalThis.DOMMatrix !== undefined || canvasLoads()) return import('pdfjs-dist/legacy/build/pdf.mjs');
  // A real one: reading a Type 3 font's bitmap glyphs (text extraction does) multiplies with it.
  scope['DOMMatrix'] = (await import('@thednp/dommatrix')).default;
  for (const name of DRAWING_CLASSES) scope[name] ??= class {};
  const warn = console.warn;
  console.warn = (...args: unknown[]): void => {
    if (!(typeof args[0] === 'string' && args[0].startsWith(MISSING_CANVAS_WARNING))) warn(...args);
  };
  try {
    return await import('pdfjs-dist/legacy/build/pdf.mjs');
  } finally {
    console.warn = warn;
  }
}

/** Whether pdf.js will find @napi-rs/canvas: it looks from where its code is, which is here once bundled. */
function canvasLoads(): boolean {
  try {
    createRequire(import.meta.url)('@napi-rs/canvas');
    return true;
  } catch {
    return false;
  }
}
