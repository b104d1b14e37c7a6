import type { Prng } from './prng.js';

// Word pools for varied but plausible ladder prose. Wording varies so no two documents (and few
// lines) repeat, which keeps caches, compressors and parsers honest.

const VERBS = [
  'Own', 'Shape', 'Drive', 'Lead', 'Review', 'Plan', 'Design', 'Improve', 'Measure', 'Coach', 'Define', 'Grow',
  'Simplify', 'Protect', 'Balance', 'Sponsor', 'Champion', 'Align', 'Document', 'Prioritise', 'Negotiate', 'Mentor',
  'Audit', 'Fund', 'Stabilise', 'Retire', 'Launch', 'Steer', 'Calibrate', 'Clarify',
];
const OBJECTS = [
  'the service roadmap', 'team health metrics', 'the hiring pipeline', 'incident reviews', 'the on-call rotation',
  'architecture decisions', 'quarterly goals', 'the platform budget', 'delivery forecasts', 'cross-team dependencies',
  'the testing strategy', 'release processes', 'career conversations', 'design documents', 'the operating plan',
  'vendor contracts', 'security posture', 'data quality standards', 'observability tooling', 'the interview loop',
  'technical debt', 'customer escalations', 'capacity planning', 'migration plans', 'engineering principles',
  'performance reviews', 'the product backlog', 'service-level objectives', 'knowledge sharing', 'onboarding guides',
];
const QUALIFIERS = [
  'with clear owners', 'across several teams', 'before each planning cycle', 'in partnership with Product',
  'with measurable outcomes', 'without slowing delivery', 'for the next two quarters', 'at the organisation level',
  'using written proposals', 'so others can follow', 'with finance and legal', 'as the company grows',
  'through regular retrospectives', 'for new and existing services', 'with explicit trade-offs', 'in small steps',
  'under real deadlines', 'with the wider leadership group', 'based on customer evidence', 'for distributed teams',
];
const NOUNS = [
  'Strategy', 'Delivery', 'People', 'Quality', 'Architecture', 'Operations', 'Hiring', 'Culture', 'Partnership',
  'Finance', 'Reliability', 'Security', 'Planning', 'Communication', 'Mentoring', 'Execution', 'Product', 'Data',
];
const ADJECTIVES = [
  'Strategic', 'Organisational', 'Technical', 'Operational', 'External', 'Business', 'Cross-team', 'Platform',
  'Customer', 'Financial', 'Functional', 'Regional',
];
const SKILLS = [
  'vision setting', 'roadmapping', 'budgeting', 'stakeholder management', 'system design', 'code review',
  'incident command', 'hiring', 'coaching', 'written communication', 'public speaking', 'negotiation',
  'risk management', 'prioritisation', 'org design', 'change management', 'data literacy', 'estimation',
  'facilitation', 'conflict resolution', 'product sense', 'succession planning', 'security thinking', 'forecasting',
];
export const ROLE_WORDS = [
  'Platform', 'Product', 'Data', 'Infrastructure', 'Mobile', 'Payments', 'Growth', 'Security', 'Reliability',
  'Frontend', 'Search', 'Identity', 'Analytics', 'Developer Experience', 'Marketplace', 'Billing',
];
export const ROLE_KINDS = ['Engineer', 'Lead', 'Manager', 'Architect', 'Director', 'Principal', 'Head'];
export const ICONS = ['person', 'people', 'organization', 'globe', 'milestone', 'code', 'rocket', 'briefcase'];
const PERIODS = ['Morning', 'Recurring Meetings', 'Strategic Work', 'Ad-hoc', 'Afternoon', 'Weekly', 'Deep Work'];
const DIMENSIONS = [
  'Primary focus', 'Scope', 'Reports to', 'External focus', 'Board interaction', 'Budget responsibility',
  'Hiring focus', 'Time horizon', 'Decision rights', 'Main risk',
];

export class Phrases {
  constructor(private readonly prng: Prng) {}

  bullet(): string {
    const { prng } = this;
    return `${prng.pick(VERBS)} ${prng.pick(OBJECTS)} ${prng.pick(QUALIFIERS)}`;
  }

  bullets(count: number): string[] {
    return Array.from({ length: count }, () => this.bullet());
  }

  sentence(): string {
    const { prng } = this;
    const subject = prng.pick(['You', 'The role', 'This level', 'A person at this level', 'Your group']);
    const verb = prng.pick(VERBS).toLowerCase();
    const verbS = subject === 'You' ? verb : verb.endsWith('s') ? `${verb}es` : `${verb}s`;
    return `${subject} ${verbS} ${prng.pick(OBJECTS)} ${prng.pick(QUALIFIERS)}.`;
  }

  paragraph(sentences: number): string {
    return Array.from({ length: sentences }, () => this.sentence()).join(' ');
  }

  groupName(): string {
    return `${this.prng.pick(ADJECTIVES)} ${this.prng.pick(NOUNS)}`;
  }

  groupNames(count: number): string[] {
    const names = new Set<string>();
    while (names.size < count) names.add(this.groupName());
    return [...names];
  }

  skills(count: number): string {
    return this.prng.sample(SKILLS, count).join(', ');
  }

  noun(): string {
    return this.prng.pick(NOUNS);
  }

  periods(count: number): string[] {
    return this.prng.sample(PERIODS, count);
  }

  dimensions(count: number): string[] {
    return this.prng.sample(DIMENSIONS, count);
  }

  shortPhrase(): string {
    return `${this.prng.pick(NOUNS)} ${this.prng.pick(['focus', 'ownership', 'leadership', 'outcomes', 'execution', 'budget'])}`;
  }

  question(): string {
    const { prng } = this;
    return `How does ${prng.pick(OBJECTS)} help the business ${prng.pick(['win', 'grow', 'learn faster', 'serve customers', 'stay reliable'])}?`;
  }
}
