import { AlignmentType, LevelFormat, type ILevelsOptions, type INumberingOptions } from 'docx';

/** Word lists have nine levels; deeper Markdown nesting stays at the last one. */
export const MAX_LIST_LEVEL = 8;

export const BULLET_REFERENCE = 'ladder-bullet';

const BULLETS = ['•', '◦', '▪'] as const;
const ORDERED: readonly { format: (typeof LevelFormat)[keyof typeof LevelFormat]; suffix: string }[] = [
  { format: LevelFormat.DECIMAL, suffix: '.' },
  { format: LevelFormat.LOWER_LETTER, suffix: '.' },
  { format: LevelFormat.LOWER_ROMAN, suffix: '.' },
];

/** Where the text of a list item at `level` starts, in twips; continuation paragraphs use it too. */
export function listIndent(level: number): number {
  return 360 * (Math.min(level, MAX_LIST_LEVEL) + 1) + 180;
}

function indent(level: number): NonNullable<ILevelsOptions['style']> {
  return { paragraph: { indent: { left: listIndent(level), hanging: 360 } } };
}

function bulletLevels(): ILevelsOptions[] {
  return Array.from({ length: MAX_LIST_LEVEL + 1 }, (_, level) => ({
    level,
    format: LevelFormat.BULLET,
    text: BULLETS[level % BULLETS.length] ?? '•',
    alignment: AlignmentType.LEFT,
    style: indent(level),
  }));
}

/** Ordered levels; `start` applies at `startLevel` (Markdown's "3." starts a list at 3). */
function orderedLevels(startLevel: number, start: number): ILevelsOptions[] {
  return Array.from({ length: MAX_LIST_LEVEL + 1 }, (_, level) => {
    const kind = ORDERED[level % ORDERED.length] ?? ORDERED[0]!;
    return {
      level,
      format: kind.format,
      text: `%${level + 1}${kind.suffix}`,
      alignment: AlignmentType.LEFT,
      start: level === startLevel ? start : 1,
      style: indent(level),
    };
  });
}

/** The reference of the ordered definition that starts at `start` on `level`. */
export function orderedReference(level: number, start: number): string {
  return start === 1 ? 'ladder-ordered' : `ladder-ordered-${level}-${start}`;
}

/**
 * The numbering part: the bullet definition, the plain ordered one, and one per distinct
 * (level, start) the document's ordered lists need. Each list is its own instance, so numbering
 * restarts for every list.
 */
export function documentNumbering(starts: ReadonlyMap<string, { level: number; start: number }>): INumberingOptions {
  const config = [
    { reference: BULLET_REFERENCE, levels: bulletLevels() },
    { reference: orderedReference(0, 1), levels: orderedLevels(0, 1) },
  ];
  for (const [reference, { level, start }] of [...starts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    config.push({ reference, levels: orderedLevels(level, start) });
  }
  return { config };
}
