import type { Track } from '../model/types.js';

/** The names a front matter `track:` may use, written loosely (case, spaces, hyphens and underscores ignored). */
const NAMES: Readonly<Record<string, Track>> = {
  ic: 'individual-contributor',
  individualcontributor: 'individual-contributor',
  contributor: 'individual-contributor',
  technical: 'individual-contributor',
  management: 'management',
  manager: 'management',
  managers: 'management',
  people: 'management',
  peoplemanagement: 'management',
};

/** Front matter `track:` as a Track; undefined when it names none (the caller warns). */
export function trackFromFrontMatter(value: string): Track | undefined {
  return NAMES[value.toLowerCase().replace(/[\s_-]+/g, '')];
}
