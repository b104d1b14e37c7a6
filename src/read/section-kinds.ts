/**
 * How role-document sections are recognised. Real ladders name their sections differently from
 * level to level, so each kind is a set of synonyms, matched in this order (first wins).
 */
export const SECTION_KINDS = [
  ['dayToDay', /day[- ]to[- ]day|typical (day|week)|a day in|a week in/i],
  ['scope', /\bscope\b/i],
  ['readiness', /progression|\bready\b|readiness|indicator|signals|promotion criteria/i],
  ['transition', /transition|path to|moving (up )?to|growing into|next level|road to|becoming/i],
  ['comparison', /compar|differ|\bvs\.?\b|versus/i],
  ['skills', /skill|competenc/i],
  ['responsibilities', /responsib|what you own|accountabilit|expectations/i],
] as const satisfies readonly (readonly [string, RegExp])[];

export type SectionKind = (typeof SECTION_KINDS)[number][0];

export function sectionKind(title: string): SectionKind | null {
  return SECTION_KINDS.find(([, pattern]) => pattern.test(title))?.[0] ?? null;
}

export const TIMELINE = /^timeline\b/i;
export const KEY_SHIFTS = /shift/i;
export const KEY_ACTIONS = /action|how to get there|steps|what to do/i;
export const PITFALLS = /pitfall|mistake|avoid|traps|anti-?patterns/i;
export const PATH = /^(path|transition|moving|route|road|growing)\b.*\b(to|into)\b/i;
export const NUMBERED = /^\s*(\d+)[.)]\s+/;
export const EXAMPLE = /^\s*(e\.g\.|example)\s*:\s*/i;
export const READY_FOR = /\bready for (?:the )?(.+?)(?: role| level)?(?: when\b.*|:)?\s*:?\s*$/i;
