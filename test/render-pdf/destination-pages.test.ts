import { describe, expect, it } from 'vitest';
import { chromiumDestinationPages } from '../../src/render/pdf/destination-pages.js';

/** A PDF in the shape Chromium prints: plain objects, a two-level page tree, a /Dests dictionary. */
function chromiumShapedPdf(dests: string): Uint8Array {
  const objects = [
    '1 0 obj\n<</Type /Page\n/Parent 9 0 R>>\nendobj',
    '2 0 obj\n<</Type /Page\n/Parent 9 0 R>>\nendobj',
    '3 0 obj\n<</Type /Page\n/Parent 10 0 R>>\nendobj',
    '9 0 obj\n<</Type /Pages\n/Count 2\n/Kids [1 0 R 2 0 R]\n/Parent 11 0 R>>\nendobj',
    '10 0 obj\n<</Type /Pages\n/Count 1\n/Kids [3 0 R]\n/Parent 11 0 R>>\nendobj',
    '11 0 obj\n<</Type /Pages\n/Count 3\n/Kids [9 0 R 10 0 R]>>\nendobj',
    `12 0 obj\n<<${dests}>>\nendobj`,
    '13 0 obj\n<</Type /Catalog\n/Pages 11 0 R\n/Dests 12 0 R\n/Lang (en)>>\nendobj',
  ];
  return new TextEncoder().encode(`%PDF-1.7\n%\u00e2\u00e3\n${objects.join('\n')}\ntrailer\n<</Root 13 0 R>>\n%%EOF`);
}

describe('chromiumDestinationPages', () => {
  it('gives each named destination its page, in the page tree’s order', () => {
    const pdf = chromiumShapedPdf('/index [1 0 R /XYZ 0 841.91998 0]\n/vp [3 0 R /XYZ 0 841.91998 0]\n/caf#C3#A9 [2 0 R /XYZ 0 400 0]');
    expect(chromiumDestinationPages(pdf)).toEqual({ index: 1, vp: 3, café: 2 });
  });

  it('leaves PDFs of another shape to pdf.js (null)', () => {
    expect(chromiumDestinationPages(chromiumShapedPdf('/vp [99 0 R /XYZ 0 0 0]'))).toBeNull();
    expect(chromiumDestinationPages(new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<</Type /ObjStm>>\nendobj'))).toBeNull();
    expect(chromiumDestinationPages(new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<</Type /Catalog\n/Pages 2 0 R>>\nendobj'))).toBeNull();
  });
});
