import { describe, expect, it } from 'vitest';
import { levelMatcher } from '../../src/read/level-matcher.js';

const match = levelMatcher([
  { slug: 'ic', names: ['Individual Contributor', 'ic'] },
  { slug: 'senior-engineer', names: ['Senior Software Engineer', 'Senior Engineer'] },
  { slug: 'engineer', names: ['Software Engineer', 'Engineer'] },
  { slug: 'manager', names: ['Engineering Manager'] },
  { slug: 'director', names: ['Director of Engineering', 'Director'] },
  { slug: 'vp', names: ['VP of Engineering'] },
]);

describe('levelMatcher', () => {
  it('names levels by title, label, slug and short forms, case- and punctuation-insensitively', () => {
    for (const [text, slug] of [
      ['Individual Contributor', 'ic'], ['IC', 'ic'], ['I.C.', 'ic'], ['Individual Contributor (IC)', 'ic'],
      ['senior engineer', 'senior-engineer'], ['Sr. Engineer', 'senior-engineer'], ['Senior Software Engineer', 'senior-engineer'],
      ['Engineer', 'engineer'], ['**Software Engineer**', 'engineer'],
      ['Manager', 'manager'], ['Mgr.', 'manager'], ['EM', 'manager'],
      ['Dir', 'director'], ['VP', 'vp'], ['VP Engineering', 'vp'],
    ] as const) {
      expect(match(text), text).toEqual({ kind: 'level', slug });
    }
  });

  it('reads transitions written with arrows or "to"', () => {
    for (const text of ['IC → Manager', 'IC -> Manager', 'IC to Manager', 'Individual Contributor ⇒ Engineering Manager']) {
      expect(match(text), text).toEqual({ kind: 'transition', from: 'ic', to: 'manager' });
    }
  });

  it('names nothing for other words, and for a short form two levels share', () => {
    expect(match('CTO')).toBeNull();
    expect(match('Team size')).toBeNull();
    expect(match('Reports to')).toBeNull();
    expect(match('IC → IC')).toBeNull();
  });
});
