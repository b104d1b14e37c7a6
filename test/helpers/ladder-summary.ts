import type { Competency, DimensionKey, Ladder } from '../../src/model/types.js';

const keyText = (key: DimensionKey): string => (key.kind === 'level' ? key.slug : `${key.from} → ${key.to}`);

/** The ladder-wide parts of a model as plain text: a golden a person can review. */
export function ladderSummary(ladder: Ladder): unknown {
  return {
    dimensions: ladder.dimensions.map((table) => ({
      id: table.id,
      title: table.title,
      kind: table.kind,
      at: `${table.source.file}:${table.source.line}:${table.source.column}`,
      dimensions: table.dimensions.map((dimension) => ({ name: dimension.name, cells: dimension.cells.map((cell) => `${keyText(cell.key)}: ${cell.value.text}`) })),
    })),
    origins: Object.fromEntries(ladder.levels.map((level) => [level.slug, level.facets.origin])),
    scope: Object.fromEntries(ladder.levels.map((level) => [level.slug, level.facets.scope.map((entry) => `${entry.label} (${entry.origin}): ${entry.value.text}`)])),
    competencies: ladder.competencies.map((row) => ({ name: row.name, alignedBy: row.alignedBy, cells: row.cells.map((cell) => `${cell.level} (${cell.from}): ${cell.names.join(' + ') || '—'}`) })),
    deltas: Object.fromEntries(
      ladder.levels.map((level) => [
        level.slug,
        level.delta && {
          from: level.delta.from,
          added: level.delta.added.map((item) => `${item.facet} / ${item.group}: ${item.text.text}`),
          grown: level.delta.grown.map((item) => `${item.facet} / ${item.group} (${item.similarity}): ${item.before.text} ⇒ ${item.text.text}`),
          removed: level.delta.removed.map((item) => `${item.facet} / ${item.group}: ${item.text.text}`),
        },
      ]),
    ),
  };
}

/** Share of competency rows with one filled cell, and filled cells of all, as the matrix shows them. */
export function matrixFill(ladder: Ladder): { rows: number; singleRows: number; filled: number; cells: number } {
  const rows: readonly Competency[] = ladder.competencies;
  return {
    rows: rows.length,
    singleRows: rows.filter((row) => row.cells.length === 1).length,
    filled: rows.reduce((sum, row) => sum + row.cells.length, 0),
    cells: rows.length * ladder.levels.length,
  };
}
