import type { BlockContent, Heading, List, ListItem, PhrasingContent, Root } from 'mdast';
import type { DeltaItem, GrownItem, LevelDelta, LevelFacets } from '../../model/types.js';
import { DELTA_FACETS, deltaSummary, notRestated, showsWordDiff } from '../delta-display.js';
import { OVERVIEW_MARK, scopeMarks } from '../scope-marks.js';

/** What these sections read of a level (a DocxLevel has it; no import of docx-task, which imports us). */
interface LadderParts {
  readonly facets: Pick<LevelFacets, 'origin' | 'scope' | 'skills' | 'dayToDay' | 'transitions'>;
  readonly delta: LevelDelta | null;
  /** Label of the level the delta is measured from. */
  readonly deltaFrom: string | null;
  /** This level's label. */
  readonly label: string;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const paragraph = (children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children });
const heading = (depth: 2 | 3, value: string): Heading => ({ type: 'heading', depth, children: [text(value)] });
const bullets = (items: PhrasingContent[][]): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items.map((children): ListItem => ({ type: 'listItem', spread: false, children: [paragraph(children)] })),
});
const overviewLink = (label: string): PhrasingContent => ({ type: 'link', url: 'index.html', children: [text(label)], data: { target: { kind: 'overview', fragment: null } } } as PhrasingContent);

/**
 * When the ladder overview gave some of a level's scope, the whole scope as Markdown blocks for the
 * Word renderer, shown under the level's title: one note when the overview gave all of it, else each
 * entry it added marked "(overview)".
 */
export function filledScopeMdast(level: LadderParts): Root | null {
  const { scope } = level.facets;
  const marks = scopeMarks(scope);
  if (!marks.anyFromLadder) return null;
  const mark: PhrasingContent[] = [text(' '), { type: 'emphasis', children: [text(`(${OVERVIEW_MARK})`)] }];
  const note: PhrasingContent[] = marks.allFromLadder
    ? [text('Scope from the '), overviewLink('ladder overview'), text('.')]
    : [text(`Entries marked (${OVERVIEW_MARK}) come from the `), overviewLink('ladder overview'), text('.')];
  return {
    type: 'root',
    children: [
      bullets(scope.map((entry) => [{ type: 'strong', children: [text(entry.label)] }, ...(marks.marked(entry) ? mark : []), text(': '), ...entry.value.children])),
      paragraph([{ type: 'emphasis', children: note }]),
    ],
  };
}

/**
 * After the body: the other facets the overview fills (skills, time, key shifts), then what changes
 * from the level below, by facet: new, grew (kept words plain, new words bold, dropped words struck
 * through), then what this level does not restate. Every item is listed.
 */
export function ladderSectionsMdast(level: LadderParts): Root {
  const { facets, delta } = level;
  const children: Root['children'] = [];
  const filled: Root['children'] = [];
  if (facets.origin.skills === 'ladder' && facets.skills.length > 0) {
    filled.push(heading(3, 'Skills'), bullets(facets.skills.map((skill) => labelled(skill.category, skill.text.children))));
  }
  if (facets.origin.dayToDay === 'ladder' && facets.dayToDay.length > 0) {
    filled.push(heading(3, 'Time'), bullets(facets.dayToDay.flatMap((period) => period.items.map((item) => labelled(period.period, item.children)))));
  }
  if (facets.origin.shifts === 'ladder') {
    const shifts = facets.transitions.flatMap((transition) => transition.paths.flatMap((path) => path.shifts.map((shift) => labelled(`To ${path.target.name}`, [...shift.from.children, text(' → '), ...shift.to.children]))));
    if (shifts.length > 0) filled.push(heading(3, 'Key shifts'), bullets(shifts));
  }
  if (filled.length > 0) {
    children.push(heading(2, 'From the ladder overview'), paragraph([{ type: 'emphasis', children: [text('This level’s document does not describe these; the '), overviewLink('ladder overview'), text('’s cross-level tables do.')] }]), ...filled);
  }
  if (delta && level.deltaFrom) children.push(...deltaMdast(delta, { lower: level.deltaFrom, upper: level.label }));
  return { type: 'root', children };
}

function deltaMdast(delta: LevelDelta, labels: { readonly lower: string; readonly upper: string }): Root['children'] {
  const out: Root['children'] = [
    heading(2, `What changes from ${labels.lower}`),
    paragraph([text(deltaSummary(delta))]),
  ];
  for (const [facet, name] of DELTA_FACETS) {
    const lists: [string, PhrasingContent[][]][] = [
      ['New', delta.added.filter((item) => item.facet === facet).map(plain)],
      ['Grew', delta.grown.filter((item) => item.facet === facet).map(grown)],
    ];
    if (lists.every(([, items]) => items.length === 0)) continue;
    out.push(heading(3, name));
    for (const [title, items] of lists) if (items.length > 0) out.push(paragraph([{ type: 'strong', children: [text(title)] }]), bullets(items));
  }
  if (delta.removed.length > 0) {
    const { title, note } = notRestated(labels.lower, labels.upper);
    out.push(heading(3, title), paragraph([{ type: 'emphasis', children: [text(note)] }]));
    for (const [facet, name] of DELTA_FACETS) {
      const items = delta.removed.filter((item) => item.facet === facet).map(plain);
      if (items.length > 0) out.push(paragraph([{ type: 'strong', children: [text(name)] }]), bullets(items));
    }
  }
  return out;
}

function labelled(group: string, children: readonly PhrasingContent[]): PhrasingContent[] {
  return group ? [{ type: 'strong', children: [text(group)] }, text(': '), ...children] : [...children];
}

function plain(item: DeltaItem): PhrasingContent[] {
  return labelled(item.group, item.text.children);
}

function grown(item: GrownItem): PhrasingContent[] {
  if (!showsWordDiff(item.changes)) {
    return labelled(item.group, [...item.text.children, text(' '), { type: 'emphasis', children: [text('(was: '), ...item.before.children, text(')')] }]);
  }
  const pieces: PhrasingContent[] = item.changes.map((change) =>
    change.kind === 'same' ? text(change.text) : change.kind === 'added' ? { type: 'strong', children: [text(change.text)] } : { type: 'delete', children: [text(change.text)] },
  );
  return labelled(item.group, pieces);
}
