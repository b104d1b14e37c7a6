import { ImageRun } from 'docx';
import type { DocxImage } from './docx-images.js';

/** Word's sizes are pixels at 96 to the inch; a twip is 1/1440 inch. */
export const TWIPS_PER_PIXEL = 15;

export interface ImageRunOptions {
  /** The drawing's id, unique in the document (docx's own counter runs on across documents). */
  readonly id: number;
  readonly alt: string;
  /** Largest width and height in pixels: the image keeps its proportions and never grows. */
  readonly maxWidth: number;
  readonly maxHeight?: number;
}

/** An image at its own size, made smaller to fit (the text width, a header's height). */
export function imageRun(image: DocxImage, { id, alt, maxWidth, maxHeight = Number.POSITIVE_INFINITY }: ImageRunOptions): ImageRun {
  const scale = Math.min(1, maxWidth / image.width, maxHeight / image.height);
  const placed = {
    transformation: { width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)) },
    altText: { id: String(id), name: `Picture ${id}`, description: alt },
  };
  return image.type === 'svg'
    ? new ImageRun({ type: 'svg', data: image.data, fallback: { type: 'png', data: image.fallback }, ...placed })
    : new ImageRun({ type: image.type, data: image.data, ...placed });
}
