import { createRequire } from 'node:module';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

const ENTRY = 'pdfjs-dist/legacy/build/pdf.mjs';
/** What pdf.js takes from @napi-rs/canvas to draw pages in Node. */
const CANVAS_CLASSES = ['DOMMatrix', 'ImageData', 'Path2D'] as const;
const MISSING_CANVAS_WARNING = 'Warning: Cannot load "@napi-rs/canvas"';

let loading: Promise<Pdfjs> | undefined;

/**
 * pdf.js, loaded once. ladderpress only reads PDFs with it (outlines, destinations, text) and never
 * draws one, but its Node build makes a DOMMatrix as it loads, taken from @napi-rs/canvas: an
 * optional dependency that `npm install --omit=optional`, or a platform without its binary, leaves
 * out. The import then threw "DOMMatrix is not defined" and `build --verify` ended in an internal
 * error. Without the package, empty stand-ins for the classes it would supply let pdf.js load, and
 * its warning that the package is missing is left out of the build's output.
 */
export function pdfjs(): Promise<Pdfjs> {
  loading ??= load();
  return loading;
}

async function load(): Promise<Pdfjs> {
  if (globalThis.DOMMatrix !== undefined || canvasLoads()) return import(ENTRY);
  const scope = globalThis as Record<string, unknown>;
  for (const name of CANVAS_CLASSES) scope[name] ??= class {};
  const warn = console.warn;
  console.warn = (...args: unknown[]): void => {
    if (!(typeof args[0] === 'string' && args[0].startsWith(MISSING_CANVAS_WARNING))) warn(...args);
  };
  try {
    return await import(ENTRY);
  } finally {
    console.warn = warn;
  }
}

/** Whether pdf.js will find @napi-rs/canvas, looked up from where pdf.js is, as it looks it up. */
function canvasLoads(): boolean {
  try {
    const require = createRequire(import.meta.url);
    createRequire(require.resolve(ENTRY))('@napi-rs/canvas');
    return true;
  } catch {
    return false;
  }
}
