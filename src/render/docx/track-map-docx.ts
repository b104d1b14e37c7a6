import { AlignmentType, ImageRun, LineRuleType, Paragraph, TextRun, type FileChild } from 'docx';
import { cleanText } from './clean-text.js';
import { STYLE } from './styles.js';
import { rasteriseSvg } from './svg-raster.js';

/** The track map as the book shows it: the SVG (with its own stylesheet), its size in CSS pixels and the map in words. */
export interface DocxTrackMap {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly description: string;
}

/** Word's pixels are 1/96 inch; a twip is 1/1440. */
const TWIPS_PER_PX = 15;

/**
 * The track map chapter of ladder.docx: the map as an SVG image, which Word 2016 and later draw
 * sharp, with the PNG fallback that older Word and LibreOffice show (rasterised by resvg, a Rust
 * renderer without a browser, so Word documents still need none), scaled to the text width; the
 * map in words is its alt text and the caption below it. Without resvg (a platform it has no
 * build for) the chapter keeps the words only.
 */
export function trackMapChapter(map: DocxTrackMap, textWidth: number): FileChild[] {
  const heading = new Paragraph({ style: STYLE.heading(1), children: [new TextRun('Track map')] });
  const caption = new Paragraph({ children: [new TextRun({ text: cleanText(`Levels rise from the bottom; arrows are the transitions the level chapters describe; dashed boxes are roles beyond the ladder. ${map.description}`), italics: true })] });
  const png = rasteriseSvg(map.svg)?.png;
  if (!png) return [heading, caption];
  const scale = Math.min(1, textWidth / TWIPS_PER_PX / map.width);
  const image = new ImageRun({
    type: 'svg',
    data: new TextEncoder().encode(map.svg),
    fallback: { type: 'png', data: png },
    transformation: { width: Math.round(map.width * scale), height: Math.round(map.height * scale) },
    altText: { name: 'Track map', title: 'Track map', description: cleanText(map.description) },
  });
  // The document's default line spacing names no rule, which LibreOffice reads as exact: the image
  // would be cut to one line. Auto says "as tall as the content".
  return [heading, new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { line: 240, lineRule: LineRuleType.AUTO, after: 120 }, children: [image] }), caption];
}
