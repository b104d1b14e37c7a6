import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

/** What we use of @resvg/resvg-js (typed here: it is loaded on first use, only when an SVG is shown). */
interface ResvgModule {
  readonly Resvg: new (svg: string | Uint8Array, options: object) => { readonly width: number; readonly height: number; render(): { asPng(): Uint8Array } };
}

/** The PNG is drawn at twice the SVG's size, so it stays sharp when printed. */
const PNG_SCALE = 2;

/** An SVG as Word shows it: the PNG fallback older Word and LibreOffice draw, and the SVG's own size in CSS pixels. */
export interface RasterisedSvg {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

let resvg: ResvgModule | null | undefined;

/** Drawings by the SVG's hash: a logo is drawn once, not once for each document of the build. */
const drawn = new Map<string, RasterisedSvg | null>();
/** Kept drawings: a build has a logo and a few SVG images; `dev` runs on through their edits. */
const KEPT_DRAWINGS = 32;

/**
 * The SVG drawn by resvg, a Rust renderer without a browser (Word documents still need none), or null
 * when resvg has no build for this platform or cannot read the SVG. It loads nothing the SVG links to:
 * only the SVG's own bytes are drawn.
 */
export function rasteriseSvg(svg: string | Uint8Array): RasterisedSvg | null {
  const key = createHash('sha256').update(svg).digest('hex');
  if (drawn.has(key)) return drawn.get(key) ?? null;
  const result = draw(svg);
  if (drawn.size >= KEPT_DRAWINGS) drawn.delete(drawn.keys().next().value ?? '');
  drawn.set(key, result);
  return result;
}

function draw(svg: string | Uint8Array): RasterisedSvg | null {
  if (resvg === undefined) {
    try {
      // A native addon, published as CommonJS: required, so NODE_PATH and a global install also find it.
      resvg = createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule;
    } catch {
      resvg = null;
    }
  }
  if (!resvg) return null;
  try {
    // Finding the system's fonts takes resvg 25–50 ms each time: an SVG without text needs none.
    const font = hasText(svg) ? { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } : { loadSystemFonts: false };
    const image = new resvg.Resvg(svg, { fitTo: { mode: 'zoom', value: PNG_SCALE }, font });
    const width = image.width;
    const height = image.height;
    if (!(width > 0 && height > 0)) return null;
    return { png: image.render().asPng(), width, height };
  } catch {
    return null;
  }
}

/** Whether the SVG draws text (`<text>`, which `<tspan>` and `<textPath>` sit in). */
function hasText(svg: string | Uint8Array): boolean {
  // Gzipped (.svgz): no telling without inflating it, so fonts are found as before.
  if (typeof svg !== 'string' && svg[0] === 0x1f && svg[1] === 0x8b) return true;
  const source = typeof svg === 'string' ? svg : Buffer.from(svg.buffer, svg.byteOffset, svg.byteLength).toString('utf8');
  return /<(?:[\w-]+:)?text\b/i.test(source);
}
