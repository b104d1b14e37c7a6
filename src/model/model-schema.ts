import type { PhrasingContent, Root } from 'mdast';
import { z } from 'zod';

/**
 * The JSON Schema of model.json, as zod. A test proves that it accepts exactly the types of
 * types.ts (both directions) and that schema/model.schema.json is generated from it.
 */

const isNode = (value: unknown): boolean => typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** mdast nodes are described by reference to the mdast spec, not re-specified here. */
const mdastRoot = z
  .custom<Root>((value) => isNode(value) && (value as { type: string }).type === 'root')
  .meta({ description: 'An mdast Root (https://github.com/syntax-tree/mdast) with GFM nodes and source positions.' });
const phrasing = z.custom<PhrasingContent>(isNode).meta({ description: 'An mdast phrasing node.' });

const inline = z.object({ text: z.string(), children: z.array(phrasing) }).meta({ id: 'Inline', description: 'Inline content with its formatting and as plain text.' });
const levelRef = z.object({ name: z.string(), slug: z.string().nullable() }).meta({ id: 'LevelRef' });

const theme = z.object({
  fontBody: z.string(),
  fontHeading: z.string(),
  fontMono: z.string(),
  colorPrimary: z.string(),
  colorAccent: z.string(),
  colorText: z.string(),
  logo: z.string().nullable(),
});

const site = z.object({
  title: z.string(),
  description: z.string(),
  url: z.string().nullable(),
  base: z.string(),
  language: z.string(),
  author: z.string(),
  subject: z.string(),
  keywords: z.array(z.string()),
  paper: z.enum(['A4', 'Letter']),
  theme,
  date: z.string(),
});

const transition = z.object({
  title: z.string(),
  targets: z.array(levelRef),
  timeline: inline.nullable(),
  paths: z.array(
    z.object({
      target: levelRef,
      shifts: z.array(z.object({ from: inline, to: inline })),
      actions: z.array(z.object({ title: z.string(), items: z.array(inline), example: inline.nullable() })),
    }),
  ),
  pitfalls: z.array(inline),
});

const facetOrigin = z.enum(['document', 'ladder', 'none']).meta({ id: 'FacetOrigin', description: "Where a facet's content came from: the level's document, or the ladder's cross-level tables." });

const deltaItemFields = { facet: z.enum(['responsibilities', 'skills', 'scope', 'dayToDay', 'readiness']), group: z.string(), text: inline };
const levelDelta = z
  .object({
    from: z.string(),
    added: z.array(z.object(deltaItemFields)),
    grown: z.array(
      z.object({
        ...deltaItemFields,
        before: inline,
        similarity: z.number(),
        changes: z.array(z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() })),
      }),
    ),
    removed: z.array(z.object(deltaItemFields)).meta({
      description: 'Items of the level compared against that match nothing at this level: not restated here (levels are written on their own), not necessarily dropped.',
    }),
  })
  .meta({ id: 'LevelDelta', description: 'What changes from one level to another: added (new), grown (matched, wording changed), removed (not restated).' });

const sourceRef = z.object({ file: z.string(), line: z.number(), column: z.number() }).meta({ id: 'SourceRef' });
const dimensionKey = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('level'), slug: z.string() }),
  z.object({ kind: z.literal('transition'), from: z.string(), to: z.string() }),
]);
const dimensionTable = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(['scope', 'skills', 'time', 'shifts', 'other']),
    source: sourceRef,
    dimensions: z.array(z.object({ name: z.string(), cells: z.array(z.object({ key: dimensionKey, value: inline, source: sourceRef })) })),
  })
  .meta({ id: 'DimensionTable', description: "A table whose header row or first column names the ladder's levels (or transitions)." });

const competency = z
  .object({
    id: z.string(),
    name: z.string(),
    alignedBy: z.enum(['config', 'ladder', 'name', 'synonym', 'single']),
    cells: z.array(z.object({ level: z.string(), names: z.array(z.string()), texts: z.array(inline), from: z.enum(['level', 'ladder']) })),
  })
  .meta({ id: 'Competency', description: 'Skill categories and responsibility groups of several levels aligned into one row.' });

const levelFacets = z.object({
  coreQuestion: inline.nullable(),
  intro: z.string(),
  responsibilities: z.array(z.object({ name: z.string(), items: z.array(inline) })),
  skills: z.array(z.object({ category: z.string(), text: inline, skills: z.array(z.string()) })),
  dayToDay: z.array(z.object({ period: z.string(), items: z.array(inline) })),
  scope: z.array(z.object({ label: z.string(), value: inline, origin: z.enum(['document', 'ladder']) })),
  comparisons: z.array(z.object({ title: z.string(), header: z.array(inline), rows: z.array(z.array(inline)) })),
  transitions: z.array(transition),
  readiness: z.array(z.object({ target: levelRef, items: z.array(inline) })),
  origin: z.object({ scope: facetOrigin, skills: facetOrigin, dayToDay: facetOrigin, shifts: facetOrigin }),
});

const documentBase = {
  slug: z.string(),
  file: z.string(),
  title: z.string(),
  titleInline: z.array(phrasing),
  frontMatter: z.record(z.string(), z.unknown()),
  body: mdastRoot,
  headings: z.array(z.object({ depth: z.number(), text: z.string(), id: z.string() })),
};

const level = z.object({
  ...documentBase,
  kind: z.literal('level'),
  label: z.string(),
  order: z.number().nullable(),
  icon: z.string().nullable(),
  expanded: z.boolean(),
  breadcrumb: z.boolean(),
  facets: levelFacets,
  articles: z.array(z.string()),
  delta: levelDelta.nullable(),
  track: z.enum(['individual-contributor', 'management']).nullable(),
  updated: z.string().meta({ description: "When the level's file last changed (ISO 8601, a day's UTC midnight): the config's date, else SOURCE_DATE_EPOCH, else the file's newest git commit, else its modification time." }),
});

const namedPoint = z.object({ name: z.string(), text: inline });

const article = z.object({
  ...documentBase,
  kind: z.literal('article'),
  titleSource: z.enum(['front-matter', 'source-url', 'file-name']),
  source: z.object({ url: z.string(), line: z.number() }).nullable(),
  levels: z.array(z.string()),
  levelsSource: z.enum(['front-matter', 'config', 'detected']),
  facets: z.object({
    theme: z.array(inline),
    pillars: z.array(namedPoint),
    findings: z.array(namedPoint),
    conclusion: z.array(inline),
    mentoringQuestion: inline.nullable(),
  }),
});

const overview = z.object({ ...documentBase, kind: z.literal('overview') });

export const ladderSchema = z
  .object({
    version: z.literal(1),
    site,
    levels: z.array(level),
    articles: z.array(article),
    overview: overview.nullable(),
    dimensions: z.array(dimensionTable),
    competencies: z.array(competency),
  })
  .meta({ title: 'ladderpress model', description: 'The career ladder as read by ladderpress: what `ladderpress model` prints and out/model.json holds.' });

/** The JSON Schema document published as schema/model.schema.json. */
export function modelJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ladderSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: (context) => {
      const description = context.zodSchema._zod.def.type === 'custom' ? (context.jsonSchema.description ?? '') : null;
      if (description !== null) {
        Object.assign(context.jsonSchema, { type: 'object', required: ['type'], properties: { type: { type: 'string' } } });
      }
    },
  }) as Record<string, unknown>;
}
