import { Phrases } from './phrases.js';
import type { Prng } from './prng.js';

/** One generated level: what other documents need to know about it. */
export interface LevelSpec {
  readonly slug: string;
  readonly label: string;
  readonly title: string;
  readonly order: number;
  readonly icon: string;
}

/**
 * A role document in the exact shape of the reference `role-vp.md` (front matter, `#` title, intro
 * with a bold quoted core question, `---` between sections, responsibilities, skills table,
 * day-to-day with a scope list, comparison tables, a transition with two paths, readiness).
 * `next` are the levels the transition leads to; they are real levels of the corpus so links resolve.
 */
export function roleDoc(level: LevelSpec, next: readonly [string, string], prng: Prng): string {
  const say = new Phrases(prng);
  const [a, b] = next;
  const out: string[] = [];
  const line = (text = ''): void => {
    out.push(text);
  };
  const list = (items: readonly string[]): void => {
    for (const item of items) line(`- ${item}`);
  };
  const rule = (): void => {
    line();
    line('---');
    line();
  };

  line('---');
  line(`icon: ${level.icon}`);
  line('expanded: false');
  line(`order: ${level.order}`);
  line(`label: ${level.label}`);
  line('breadcrumb: true');
  line('---');
  line();
  line(`# ${level.title}`);
  line();
  line(`${say.paragraph(2)} Your primary focus is on ${say.shortPhrase().toLowerCase()}. You answer the question: **"${say.question()}"**`);
  rule();

  line('## Core Responsibilities');
  for (const group of say.groupNames(5)) {
    line();
    line(`### ${group}`);
    list(say.bullets(prng.int(4, 5)));
  }
  rule();

  line('## Key Skill Sets');
  line();
  line('| Category | Skills |');
  line('|----------|--------|');
  for (const group of say.groupNames(6)) line(`| **${group}** | ${say.skills(5)} |`);
  rule();

  line('## Typical Day-to-Day Activities');
  for (const period of say.periods(4)) {
    line();
    line(`**${period}**`);
    list(say.bullets(prng.int(3, 5)));
  }
  line();
  line('### Typical Scope');
  line(`- **Direct reports**: ${prng.int(3, 9)} people`);
  line(`- **Org size**: ${prng.int(5, 60)}-${prng.int(61, 600)} engineers`);
  line(`- **Span**: ${say.groupName()} across ${prng.int(1, 12)} teams`);
  rule();

  line(`## Comparison: ${level.label} vs ${a}/${b}`);
  line();
  // As in role-vp.md: the first table names the level by its title, the summary by its label.
  line(`| Dimension | ${level.title} | ${a} | ${b} |`);
  line('|-----------|-----|-----|-----|');
  for (const dimension of say.dimensions(8)) {
    line(`| **${dimension}** | ${say.shortPhrase()} | ${say.shortPhrase()} | ${say.shortPhrase()} |`);
  }
  line();
  line('### Key Differences Summary');
  line();
  line(`| Dimension | ${level.label} | ${a} | ${b} |`);
  line('|-----------|-----|-----|-----|');
  for (const dimension of ['Metaphor', 'Success metric', 'Failure mode']) {
    line(`| ${dimension} | ${say.bullet()} | ${say.bullet()} | ${say.bullet()} |`);
  }
  line();
  line(`**Note**: ${say.paragraph(2)}`);
  rule();

  line(`## Transition to ${a} or ${b}`);
  line();
  line('### Timeline');
  line(`Typically ${prng.int(1, 4)}-${prng.int(5, 9)} years at this level, though paths vary. ${say.sentence()}`);
  for (const target of next) {
    line();
    line(`### Path to ${target}`);
    line();
    line('**Key Shifts Required**');
    line();
    line(`| From (${level.label}) | To (${target}) |`);
    line('|-----------|----------|');
    for (let i = 0; i < 4; i += 1) line(`| ${say.shortPhrase()} | ${say.shortPhrase()} |`);
    line();
    line('**Key Actions**');
    for (let i = 1; i <= 4; i += 1) {
      line();
      line(`**${i}. ${say.bullet()}**`);
      list(say.bullets(3));
      line();
      line(`*Example: ${say.paragraph(2)}*`);
    }
  }
  line();
  line('### Common Pitfalls to Avoid');
  list(say.bullets(5));
  rule();

  line('## Career Progression Indicators');
  for (const target of next) {
    line();
    line(`You're ready for ${target} when you've demonstrated:`);
    list(say.bullets(5));
  }
  return `${out.join('\n')}\n`;
}
