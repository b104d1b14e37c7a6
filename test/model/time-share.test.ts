import { describe, expect, it } from 'vitest';
import { parseTimeShare } from '../../src/model/time-share.js';

describe('parseTimeShare', () => {
  it.each([
    ['70–80%', { low: 70, high: 80 }],
    ['70-90%', { low: 70, high: 90 }],
    ['70 — 90 %', { low: 70, high: 90 }],
    ['70% - 90%', { low: 70, high: 90 }],
    ['10 to 20%', { low: 10, high: 20 }],
    ['0%', { low: 0, high: 0 }],
    ['100%', { low: 100, high: 100 }],
    ['~10%', { low: 10, high: 10 }],
    ['about 5%', { low: 5, high: 5 }],
    ['12.5%', { low: 12.5, high: 12.5 }],
    ['12,5%', { low: 12.5, high: 12.5 }],
    ['<5%', { low: 0, high: 5 }],
    ['up to 10%', { low: 0, high: 10 }],
    ['  35–45%  ', { low: 35, high: 45 }],
  ])('reads %j', (text, share) => {
    expect(parseTimeShare(text)).toEqual(share);
  });

  it.each(['varies', 'most of the week', '5', '5–10', '110%', '90–70%', '', 'half (50%)', '5% or more', '-5%'])('reads no share in %j', (text) => {
    expect(parseTimeShare(text)).toBeNull();
  });
});
