import { Phrases } from './phrases.js';
import type { Prng } from './prng.js';
import type { LevelSpec } from './role-doc.js';

/**
 * An article summary in the exact shape of the reference `article-vp-of-engineering.txt`: plain
 * text, section labels on their own lines, `Name: text` bullets, a Source line and the scraped
 * boilerplate after it. It names `level` several times so the reader relates it to that level.
 */
export function articleDoc(level: LevelSpec, slug: string, prng: Prng): string {
  const say = new Phrases(prng);
  const pillars = say.groupNames(4);
  const findings = say.groupNames(4);
  return [
    'Central Theme',
    `The article explores what a ${level.label} really does day to day. ${say.paragraph(3)} It argues that the ${level.label} role is defined by context more than by a job description.`,
    'Key Pillars of Accountability',
    'The author identifies four enduring responsibilities that define the role regardless of specific daily tasks:',
    ...pillars.map((name) => `- ${name}: ${say.paragraph(1)}`),
    'Key Findings and Arguments',
    ...findings.map((name) => `- ${name}: ${say.paragraph(2)} The author calls this “the heart of the ${level.label} job”.`),
    'Conclusion',
    `Ultimately, the answer is “it depends.” ${say.paragraph(3)}`,
    'Mentoring question',
    `Reflecting on the author’s argument, ${say.question().replace(/^How/, 'how')} What is one step you can take this month as a ${level.label}?`,
    `Source: https://example.com/articles/${slug}`,
    'Leave a Reply',
    'You must be logged in to post a comment.',
    '',
  ].join('\n');
}
