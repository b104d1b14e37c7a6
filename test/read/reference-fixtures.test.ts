import { describe, expect, it } from 'vitest';
import type { Ladder, Level } from '../../src/model/types.js';
import { readContent } from '../helpers/read-content.js';
import { hasSharedFixtures, sharedFixtureContent } from '../helpers/shared-fixtures.js';

describe.skipIf(!hasSharedFixtures)('the user\'s reference inputs (../shared/fixtures)', () => {
  let ladder: Ladder;
  let vp: Level;

  it('read without errors or warnings', async () => {
    const { ladder: read, diagnostics } = await readContent(await sharedFixtureContent());
    expect(diagnostics.all).toEqual([]);
    ladder = read as Ladder;
    vp = ladder.levels[0] as Level;
  });

  it('role-vp.md: front matter and title', () => {
    expect(vp).toMatchObject({ slug: 'vp', label: 'VP', order: 2001, icon: 'globe', breadcrumb: true, expanded: false, title: 'VP of Engineering' });
    expect(vp.facets.coreQuestion?.text).toBe('How does engineering drive business success?');
  });

  it('role-vp.md: responsibilities, skills, day-to-day and scope', () => {
    const { responsibilities, skills, dayToDay, scope } = vp.facets;
    expect(responsibilities.map((group) => group.name)).toEqual(['Strategic Leadership', 'Organizational Leadership', 'Business Partnership', 'External Presence', 'Execution Oversight']);
    expect(responsibilities.map((group) => group.items.length)).toEqual([4, 4, 4, 4, 4]);
    expect(responsibilities[3]?.items[1]?.text).toBe('Build the employer brand to attract top talent');
    expect(skills.map((row) => row.category)).toEqual(['Executive Leadership', 'Business Acumen', 'People Leadership', 'Communication', 'Strategic Thinking', 'Organizational']);
    expect(skills[1]?.skills).toEqual(['P&L management', 'budgeting', 'market dynamics', 'competitive analysis', 'ROI thinking']);
    expect(dayToDay.map((period) => period.period)).toEqual(['Morning', 'Recurring Meetings', 'Strategic Work', 'Ad-hoc']);
    expect(dayToDay.map((period) => period.items.length)).toEqual([3, 5, 5, 4]);
    expect(scope.map((entry) => [entry.label, entry.value.text])).toEqual([
      ['Direct reports', '4-8 Directors/Senior Directors'],
      ['Org size', '100-500+ engineers'],
      ['Span', 'Entire engineering function or major division'],
    ]);
  });

  it('role-vp.md: comparisons keep every cell', () => {
    const [main, summary] = vp.facets.comparisons;
    expect(vp.facets.comparisons).toHaveLength(2);
    expect(main?.title).toBe('Comparison: VP vs CTO/CEO');
    expect(main?.header.map((cell) => cell.text)).toEqual(['Dimension', 'VP of Engineering', 'CTO', 'CEO']);
    expect(main?.rows).toHaveLength(8);
    expect(summary?.title).toBe('Key Differences Summary');
    expect(summary?.rows.map((row) => row[0]?.text)).toEqual(['Metaphor', 'Success metric', 'Failure mode']);
  });

  it('role-vp.md: transitions to CTO and CEO with shifts, actions, examples and pitfalls', () => {
    const [transition] = vp.facets.transitions;
    expect(vp.facets.transitions).toHaveLength(1);
    expect(transition?.title).toBe('Transition to CTO or CEO');
    expect(transition?.targets.map((target) => target.name)).toEqual(['CTO', 'CEO']);
    expect(transition?.timeline?.text).toMatch(/^Typically 5-10\+ years as a VP/);
    const [cto, ceo] = transition?.paths ?? [];
    expect(cto?.target).toEqual({ name: 'CTO', slug: null });
    expect(cto?.shifts).toHaveLength(4);
    expect(cto?.shifts[0]?.from.text).toBe('Engineering execution focus');
    expect(cto?.shifts[0]?.to.text).toBe('Technology vision focus');
    expect(cto?.actions.map((action) => action.title)).toEqual(['Develop Deep Product Intuition', 'Build External Technology Presence', 'Drive Technology Differentiation', 'Expand Business Acumen']);
    expect(cto?.actions.map((action) => action.items.length)).toEqual([3, 3, 3, 3]);
    // The source gives no example for "Expand Business Acumen": the facet stays empty, nothing is invented.
    expect(cto?.actions.map((action) => action.example !== null)).toEqual([true, true, true, false]);
    expect(cto?.actions[0]?.example?.text).toMatch(/^Lead a product discovery initiative\./);
    expect(ceo?.shifts.map((shift) => shift.to.text)).toEqual(['Company leadership', 'Business outcomes', 'Managing C-suite', 'Full P&L']);
    expect(ceo?.actions).toHaveLength(4);
    expect(ceo?.actions.every((action) => action.example !== null)).toBe(true);
    expect(transition?.pitfalls).toHaveLength(5);
    expect(transition?.pitfalls[0]?.text).toBe('Staying too focused on engineering vs. full business');
  });

  it('role-vp.md: readiness for CTO and CEO', () => {
    expect(vp.facets.readiness.map((entry) => [entry.target.name, entry.items.length])).toEqual([
      ['CTO', 5],
      ['CEO', 5],
    ]);
  });

  it('role-vp.md: inline formatting is kept beside the plain text', () => {
    const note = vp.body.children.find((node) => node.type === 'paragraph' && node.children[0]?.type === 'strong');
    expect(note?.position?.start.line).toBeGreaterThan(1);
    const comparisonCell = vp.facets.comparisons[0]?.rows[0]?.[0];
    expect(comparisonCell?.text).toBe('Primary focus');
    expect(comparisonCell?.children[0]?.type).toBe('strong');
  });

  it('article-vp-of-engineering.txt: title, sections, source, and no scraped boilerplate', () => {
    const [article] = ladder.articles;
    expect(article?.title).toBe('So What Does a VP of Engineering Do?');
    expect(article?.titleSource).toBe('source-url');
    expect(article?.source).toEqual({ url: 'https://medium.com/@rethinkyourunderstanding/so-what-does-a-vp-of-engineering-do-3e5628ed532d', line: 18 });
    const facets = article?.facets;
    expect(facets?.theme).toHaveLength(1);
    expect(facets?.theme[0]?.text).toMatch(/^The article explores the multifaceted/);
    expect(facets?.pillars.map((pillar) => pillar.name)).toEqual(['Enterprise-Level Quality', 'People Engagement', 'Retention and Development', 'Skills and Capabilities']);
    expect(facets?.pillars[1]?.text.text).toBe('cultivating psychological safety, autonomy, and trust to keep delivery moving.');
    expect(facets?.findings.map((finding) => finding.name)).toEqual(['VP of Engineering vs. CTO', 'From T-Shaped to V-Shaped Skills', 'Business Alignment', 'Global Management']);
    expect(facets?.conclusion[0]?.text).toMatch(/^Ultimately, the answer to what a VP of Engineering does is “it depends\.”/);
    expect(facets?.mentoringQuestion?.text).toMatch(/^Reflecting on the author’s transition from ‘T-shaped’ to ‘V-shaped’ skills/);
    const json = JSON.stringify(article);
    expect(json).not.toContain('Leave a Reply');
    expect(json).not.toContain('You must be logged in');
  });

  it('article-vp-of-engineering.txt: relates to the VP level, and VP lists it back', () => {
    expect(ladder.articles[0]?.levels).toEqual(['vp']);
    expect(ladder.articles[0]?.levelsSource).toBe('detected');
    expect(vp.articles).toEqual(['article-vp-of-engineering']);
  });
});
