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

/**
 * The SVG drawn by resvg, a Rust renderer without a browser (Word documents still need none), or null
 * when resvg has no build for this platform or cannot read the SVG. It loads nothing the SVG links to:
 * only the SVG's own bytes are drawn.
 */
export function rasteriseSvg(svg: string | Uint8Array): RasterisedSvg | null {
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
    const drawn = new resvg.Resvg(svg, { fitTo: { mode: 'zoom', value: PNG_SCALE }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } });
    const width = drawn.width;
    const height = drawn.height;
    if (!(width > 0 && height > 0)) return null;
    return { png: drawn.render().asPng(), width, height };
  } catch {
    return null;
  }
}
