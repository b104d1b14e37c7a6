/**
 * The built-in synonym list for aligning competencies: families of word stems that ladders use for
 * the same ability ("Coaching", "Mentoring", "People Leadership"). Deliberately small; a ladder that
 * needs more says so in the config (`competencies`).
 */
const FAMILIES: readonly (readonly [string, readonly string[]])[] = [
  ['organisation', ['organi', 'org']],
  ['technical', ['technic', 'technolog', 'programm', 'coding', 'code', 'system', 'architect', 'testing', 'tool', 'debug', 'craft', 'engineering excellence']],
  ['people', ['people', 'coach', 'mentor', 'talent', 'hiring', 'recruit', 'conflict', 'team building']],
  ['communication', ['communicat', 'collaborat', 'stakeholder', 'influenc', 'writing', 'presenting']],
  ['strategy', ['strateg', 'vision', 'roadmap']],
  ['business', ['business', 'financ', 'budget', 'commercial', 'acumen', 'econom']],
  ['delivery', ['deliver', 'execution', 'executing', 'operation', 'reliab', 'project']],
];

/** The family of a name, decided by its first word that belongs to one ("Organisational Leadership" → organisation); null when none does. */
export function competencyFamily(name: string): string | null {
  const words = name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  for (let index = 0; index < words.length; index += 1) {
    const rest = words.slice(index).join(' ');
    for (const [family, stems] of FAMILIES) {
      if (stems.some((stem) => (stem === 'org' ? words[index] === 'org' : rest.startsWith(stem)))) return family;
    }
  }
  return null;
}
