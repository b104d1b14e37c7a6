import { readFile } from 'node:fs/promises';
import { pdfjs } from '../render/pdf/pdfjs.js';

/** What the checks need from a PDF: its page count, outline titles (flattened) and text. */
export interface PdfFacts {
  readonly pages: number;
  readonly outline: readonly string[];
  readonly text: string;
}

interface OutlineNode {
  readonly title: string;
  readonly items: readonly OutlineNode[];
}

/** Reads a PDF with pdf.js (no poppler needed): fonts and scripts are never evaluated. */
export async function readPdf(file: string, withText: boolean): Promise<PdfFacts> {
  const data = new Uint8Array(await readFile(file));
  const { getDocument } = await pdfjs();
  const task = getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: true, verbosity: 0 });
  const pdf = await task.promise;
  try {
    const outline: string[] = [];
    const flatten = (nodes: readonly OutlineNode[] | null): void => {
      for (const node of nodes ?? []) {
        outline.push(node.title);
        flatten(node.items);
      }
    };
    flatten((await pdf.getOutline()) as OutlineNode[] | null);
    const text: string[] = [];
    for (let number = 1; withText && number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      for (const item of content.items) if ('str' in item) text.push(item.str, item.hasEOL ? '\n' : '');
      page.cleanup();
    }
    return { pages: pdf.numPages, outline, text: text.join('') };
  } finally {
    await task.destroy();
  }
}
