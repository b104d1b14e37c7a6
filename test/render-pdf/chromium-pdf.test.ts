import { describe, expect, it } from 'vitest';
import { refOf, refsIn, renumber } from '../../src/render/pdf/chromium-pdf.js';

/** The join reads Chromium's objects as text: what a reader wrote (titles, alt text) must never pass for structure. */
describe('reading a Chromium PDF object’s text', () => {
  const outlineItem = '<</Title (Step 3 0 R: \\(see /Parent 9 0 R\\) and \\\\) \n/Dest [3 0 R /XYZ 51 700 0]\n/Alt <2F50 6172 656E 74>\n/Parent 12 0 R>>';

  it('renumbers references and leaves strings as they are', () => {
    expect(renumber(outlineItem, (n) => n + 100)).toBe('<</Title (Step 3 0 R: \\(see /Parent 9 0 R\\) and \\\\) \n/Dest [103 0 R /XYZ 51 700 0]\n/Alt <2F50 6172 656E 74>\n/Parent 112 0 R>>');
  });

  it('finds a key’s reference and a text’s references outside strings', () => {
    expect(refOf(outlineItem, 'Parent')).toBe(12);
    expect(refsIn(outlineItem)).toEqual([3, 12]);
    expect(refOf('<</Kids [(x) 4 0 R]>>', 'Pages')).toBeNull();
  });
});
