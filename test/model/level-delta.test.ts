import { describe, expect, it } from 'vitest';
import { levelDelta } from '../../src/model/level-delta.js';
import { contentWords, dice } from '../../src/model/sentence-similarity.js';
import { wordChanges } from '../../src/model/word-changes.js';
import { inline, makeLevel } from '../helpers/make-level.js';

const responsibilities = (...items: string[]) => [{ name: 'Work', items: items.map(inline) }];

describe('levelDelta', () => {
  it('matches reworded items (near misses) as grown, with the word changes', () => {
    const lower = makeLevel('engineer', { responsibilities: responsibilities('Review teammates’ pull requests with care', 'Write tests for every change') });
    const upper = makeLevel('senior', { responsibilities: responsibilities('Reviews pull requests across the whole team with care', 'Write tests for every change') });
    const delta = levelDelta(lower, upper);
    expect(delta.from).toBe('engineer');
    expect(delta.added).toEqual([]);
    expect(delta.removed).toEqual([]);
    expect(delta.grown).toHaveLength(1);
    const [grown] = delta.grown;
    expect(grown?.before.text).toBe('Review teammates’ pull requests with care');
    expect(grown?.similarity).toBeGreaterThanOrEqual(0.4);
    expect(grown?.changes.filter((change) => change.kind === 'added').map((change) => change.text.trim())).toEqual(['Reviews', 'across the whole team']);
    // The unchanged pieces and the added ones give the upper text back exactly.
    expect(grown?.changes.filter((change) => change.kind !== 'removed').map((change) => change.text).join('')).toBe(grown?.text.text);
  });

  it('keeps unrelated items apart: new at the upper level, no longer expected from the lower', () => {
    const lower = makeLevel('engineer', { responsibilities: responsibilities('Fix the small problems you trip over') });
    const upper = makeLevel('manager', { responsibilities: responsibilities('Hold weekly one-on-ones with every engineer') });
    const delta = levelDelta(lower, upper);
    expect(delta.grown).toEqual([]);
    expect(delta.added.map((item) => item.text.text)).toEqual(['Hold weekly one-on-ones with every engineer']);
    expect(delta.removed.map((item) => item.text.text)).toEqual(['Fix the small problems you trip over']);
  });

  it('near miss that is still a different expectation stays apart (shared words are not enough)', () => {
    const lower = makeLevel('a', { responsibilities: responsibilities('Plan the sprint with the team') });
    const upper = makeLevel('b', { responsibilities: responsibilities('Plan the budget for the organisation') });
    expect(levelDelta(lower, upper).grown).toEqual([]);
  });

  it('matches skills and scope by their row names, synonyms included, and leaves identical items out', () => {
    const lower = makeLevel('a', {
      skills: [{ category: 'Mentoring', text: inline('Pairing, review'), skills: ['Pairing', 'review'] }],
      scope: [{ label: 'Team size', value: inline('5–9 engineers'), origin: 'document' }, { label: 'Reports to', value: inline('A director'), origin: 'ladder' }],
    });
    const upper = makeLevel('b', {
      skills: [{ category: 'Coaching Leaders', text: inline('Developing managers'), skills: ['Developing managers'] }],
      scope: [{ label: 'Team size', value: inline('25–80 engineers'), origin: 'document' }, { label: 'Reports to', value: inline('A director'), origin: 'ladder' }],
    });
    const delta = levelDelta(lower, upper);
    expect(delta.grown.map((item) => `${item.facet}: ${item.before.text} → ${item.text.text}`)).toEqual(['skills: Pairing, review → Developing managers', 'scope: 5–9 engineers → 25–80 engineers']);
    expect(delta.added).toEqual([]);
    expect(delta.removed).toEqual([]);
  });

  it('our content\'s near misses: a reworded expectation grew, a sentence sharing only its setting did not', () => {
    const lower = makeLevel('manager', {
      responsibilities: [
        { name: 'People Development', items: [inline('Run fair performance reviews and advocate for your people in calibration')] },
        { name: 'Learning the Craft', items: [inline('Read postmortems and design documents from neighbouring teams')] },
      ],
    });
    const upper = makeLevel('director', {
      responsibilities: [
        { name: 'Leading Managers', items: [inline('Calibrate performance and promotions fairly across teams')] },
        { name: 'Collaboration Across Teams', items: [inline('Negotiate interfaces and timelines with neighbouring teams')] },
      ],
    });
    const delta = levelDelta(lower, upper);
    expect(delta.grown.map((item) => `${item.before.text} ⇒ ${item.text.text}`)).toEqual(['Run fair performance reviews and advocate for your people in calibration ⇒ Calibrate performance and promotions fairly across teams']);
    expect(delta.added.map((item) => item.text.text)).toEqual(['Negotiate interfaces and timelines with neighbouring teams']);
    expect(delta.removed.map((item) => item.text.text)).toEqual(['Read postmortems and design documents from neighbouring teams']);
  });

  it('is symmetric in what it finds: swapping the levels swaps added and removed', () => {
    const a = makeLevel('a', { responsibilities: responsibilities('Ship small changes every week', 'Join the on-call rotation') });
    const b = makeLevel('b', { responsibilities: responsibilities('Ship small changes every day', 'Set the engineering strategy') });
    const up = levelDelta(a, b);
    const down = levelDelta(b, a);
    expect(up.added.map((item) => item.text.text)).toEqual(down.removed.map((item) => item.text.text));
    expect(up.grown).toHaveLength(1);
    expect(down.grown).toHaveLength(1);
  });
});

describe('sentence similarity', () => {
  it('meets near-miss wording through light stemming', () => {
    expect(dice(contentWords('Reviewing designs'), contentWords('reviews a design'))).toBe(1);
    expect(dice(contentWords('Set priorities'), contentWords('sets the priority'))).toBe(1);
    expect(dice(contentWords('Hire engineers'), contentWords('Write code'))).toBe(0);
    // -ing, -ation, a doubled consonant and a silent e: the forms a level rewords into.
    expect(dice(contentWords('Hiring engineers'), contentWords('hire an engineer'))).toBe(1);
    expect(dice(contentWords('Planning roadmaps'), contentWords('plan the roadmap'))).toBe(1);
    expect(dice(contentWords('Calibration'), contentWords('calibrate'))).toBe(1);
    expect(dice(contentWords('Managing managers'), contentWords('manage a manager'))).toBe(1);
  });
});

describe('wordChanges', () => {
  it('marks added and removed words, keeping the texts recoverable', () => {
    const changes = wordChanges('Leading engineers in one team', 'Leading managers across teams');
    expect(changes.filter((c) => c.kind !== 'removed').map((c) => c.text).join('')).toBe('Leading managers across teams');
    expect(changes.filter((c) => c.kind !== 'added').map((c) => c.text).join('')).toBe('Leading engineers in one team');
    expect(changes[0]).toEqual({ kind: 'same', text: 'Leading ' });
  });
});
