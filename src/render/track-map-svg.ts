import type { Ladder } from '../model/types.js';
import { trackMap, type MapEdge, type TrackMap } from './track-map.js';

/** Beyond this a map is a tall strip nobody reads (and 500 levels would add ~250 kB to the home page): none is drawn. */
const MAX_LEVELS = 40;
const PAD = 16;
const LANE_W = 204;
const LANE_HEADER = 30;
const NODE_W = 172;
const NODE_H = 48;
const ROW_H = 78;
const EXIT_GAP_X = 40;
const EXIT_W = 132;
const EXIT_H = 40;
const EXIT_GAP_Y = 8;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * The track map as inline SVG, drawn at build time: levels bottom to top in ladder order, one lane per
 * track (levels without one span the lanes), transitions as arrows and roles outside the ladder as
 * dashed exits. Colours come from the page's CSS (classes, currentColor), so dark mode and print
 * follow the site (the book's print.css styles the same classes); every level links to its page
 * (`levelHref`), and <title>/<desc> say the same in words. `standalone`: the map as an image file of
 * its own (Word), painted with attributes and linking nowhere.
 */
export function trackMapSvg(ladder: Ladder, levelHref: (slug: string) => string, id = 'track-map', standalone: StandaloneStyle | null = null): string | null {
  if (ladder.levels.length > MAX_LEVELS) return null;
  const map = trackMap(ladder);
  const named = map.lanes.some((lane) => lane.name !== '');
  const rows = ladder.levels.length;
  const top = PAD + (named ? LANE_HEADER : 0);
  const lanesW = map.lanes.length * LANE_W;
  const rowY = (row: number): number => top + (rows - 1 - row) * ROW_H;
  const boxes = new Map<string, Box>();
  for (const { level, row, lane } of map.levels) {
    const x = lane === null ? PAD + (lanesW - NODE_W) / 2 : PAD + lane * LANE_W + (LANE_W - NODE_W) / 2;
    boxes.set(level.slug, { x, y: rowY(row), w: NODE_W, h: NODE_H });
  }
  const exitX = PAD + lanesW + EXIT_GAP_X;
  for (const exit of map.exits) {
    const count = map.exits.filter((other) => other.row === exit.row).length;
    const stack = count * EXIT_H + (count - 1) * EXIT_GAP_Y;
    boxes.set(exit.key, { x: exitX, y: rowY(exit.row) + NODE_H / 2 - stack / 2 + exit.slot * (EXIT_H + EXIT_GAP_Y), w: EXIT_W, h: EXIT_H });
  }
  // Stacked exits may reach above the first row or below the last: grow the canvas to fit them.
  const all = [...boxes.values()];
  const shift = Math.max(0, PAD - Math.min(...all.map((box) => box.y)));
  const width = map.exits.length > 0 ? exitX + EXIT_W + PAD : PAD * 2 + lanesW;
  const height = Math.max(...all.map((box) => box.y + box.h)) + shift + PAD;
  const at = (key: string): Box => {
    const box = boxes.get(key) as Box;
    return { ...box, y: box.y + shift };
  };

  const paint = painter(standalone);
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const parts: string[] = [
    `<svg class="track-map" id="${id}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"${standalone ? ` xmlns="http://www.w3.org/2000/svg" font-family="${escapeXml(standalone.font)}"` : ''}>`,
    `<title id="${titleId}">Track map of the ${escapeXml(ladder.site.title)}</title>`,
    `<desc id="${descId}">${escapeXml(describeMap(ladder, map))}</desc>`,
    '<defs>',
    `<marker id="${id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z"${paint('arrow')}/></marker>`,
    '</defs>',
  ];
  if (named) {
    map.lanes.forEach((lane, index) => {
      const x = PAD + index * LANE_W;
      parts.push(
        `<rect class="track-map-lane"${paint('lane')} x="${x + 4}" y="${PAD + shift}" width="${LANE_W - 8}" height="${height - PAD * 2 - shift}" rx="12"/>`,
        `<text class="track-map-lane-name"${paint('laneName')} x="${x + LANE_W / 2}" y="${PAD + shift + 19}" text-anchor="middle">${escapeXml(lane.name)}</text>`,
      );
    });
  }
  for (const edge of map.edges) {
    const from = at(edge.from);
    const to = at(edge.to);
    const between = map.levels.some(({ level }) => {
      const box = at(level.slug);
      return box.x < to.x + to.w && to.x < box.x + box.w && box.y > Math.min(from.y, to.y) && box.y < Math.max(from.y, to.y);
    });
    parts.push(`<path class="track-map-edge${edge.kind === 'exit' ? ' track-map-edge-exit' : ''}"${paint(edge.kind === 'exit' ? 'exitEdge' : 'edge')} d="${edgePath(edge, from, to, between)}" marker-end="url(#${id}-arrow)"/>`);
  }
  for (const { level, row } of map.levels) {
    const box = at(level.slug);
    const label = fitText(level.label, 14, NODE_W - 16);
    parts.push(
      // An image (standalone) links nowhere: its boxes are plain groups.
      standalone ? '<g class="track-map-level">' : `<a class="track-map-level" href="${escapeXml(levelHref(level.slug))}" aria-label="${escapeXml(linkName(label.text, level.label, level.title, row, rows))}">`,
      `<rect${paint('levelBox')} x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" rx="8"/>`,
      `<text class="track-map-label"${paint('label')} x="${box.x + box.w / 2}" y="${box.y + 21}" text-anchor="middle" font-size="${label.size}">${escapeXml(label.text)}</text>`,
      `<text class="track-map-step"${paint('step')} x="${box.x + box.w / 2}" y="${box.y + 38}" text-anchor="middle">Level ${row + 1}</text>`,
      standalone ? '</g>' : '</a>',
    );
  }
  for (const exit of map.exits) {
    const box = at(exit.key);
    const label = fitText(exit.name, 13, EXIT_W - 12);
    parts.push(
      `<g class="track-map-exit">`,
      `<rect${paint('exitBox')} x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" rx="8"/>`,
      `<text class="track-map-label"${paint('label')} x="${box.x + box.w / 2}" y="${box.y + 17}" text-anchor="middle" font-size="${label.size}">${escapeXml(label.text)}</text>`,
      `<text class="track-map-step"${paint('step')} x="${box.x + box.w / 2}" y="${box.y + 31}" text-anchor="middle">beyond the ladder</text>`,
      '</g>',
    );
  }
  parts.push('</svg>');
  return parts.join('\n');
}

/** `blocked`: a level stands between the two in their lane, so the arrow goes round it. */
function edgePath(edge: MapEdge, from: Box, to: Box, blocked: boolean): string {
  const r = (n: number): number => Math.round(n * 10) / 10;
  if (edge.kind === 'exit') {
    const [x1, y1, x2, y2] = [from.x + from.w, from.y + from.h / 2, to.x, to.y + to.h / 2];
    const mid = (x1 + x2) / 2;
    return `M${r(x1)} ${r(y1)}C${r(mid)} ${r(y1)} ${r(mid)} ${r(y2)} ${r(x2 - 1)} ${r(y2)}`;
  }
  const up = to.y < from.y;
  const fromCx = from.x + from.w / 2;
  const toCx = to.x + to.w / 2;
  if (fromCx === toCx) {
    if (!blocked) {
      return up ? `M${r(fromCx)} ${r(from.y)}L${r(toCx)} ${r(to.y + to.h + 1)}` : `M${r(fromCx)} ${r(from.y + from.h)}L${r(toCx)} ${r(to.y - 1)}`;
    }
    // Skipping levels in one lane: an arc beside the levels in between, right going up, left going down.
    const side = up ? from.x + from.w : from.x;
    const bulge = up ? 34 : -34;
    const [y1, y2] = [from.y + from.h / 2, to.y + to.h / 2];
    return `M${r(side)} ${r(y1)}C${r(side + bulge)} ${r(y1)} ${r(side + bulge)} ${r(y2)} ${r(side + (up ? 1 : -1))} ${r(y2)}`;
  }
  const [y1, y2] = up ? [from.y, to.y + to.h + 1] : [from.y + from.h, to.y - 1];
  const mid = (y1 + y2) / 2;
  return `M${r(fromCx)} ${r(y1)}C${r(fromCx)} ${r(mid)} ${r(toCx)} ${r(mid)} ${r(toCx)} ${r(y2)}`;
}

/** A label that fits a box: the font shrinks to 11 px, then the text is cut (the link's aria-label keeps it whole). */
function fitText(text: string, size: number, width: number): { text: string; size: number } {
  const charWidth = 0.6;
  for (let s = size; s >= 11; s -= 1) if (text.length * s * charWidth <= width) return { text, size: s };
  const fits = Math.floor(width / (11 * charWidth)) - 1;
  return { text: `${text.slice(0, fits).trimEnd()}…`, size: 11 };
}

/** The map in words: its <desc>, and an image's alt text. */
export function trackMapDescription(ladder: Ladder): string {
  return describeMap(ladder, trackMap(ladder));
}

function describeMap(ladder: Ladder, map: TrackMap): string {
  const { levels, edges, lanes } = map;
  const exitName = (key: string): string => map.exits.find((exit) => exit.key === key)?.name ?? key;
  const label = (slug: string): string => ladder.levels.find((level) => level.slug === slug)?.label ?? slug;
  const sentences = [`Levels from entry to most senior: ${levels.map((entry) => entry.level.label).join(', ')}.`];
  if (lanes.some((lane) => lane.name)) {
    lanes.forEach((lane, index) => {
      const own = levels.filter((entry) => entry.lane === index).map((entry) => entry.level.label);
      if (own.length > 0) sentences.push(`${lane.name} track: ${own.join(', ')}.`);
    });
    const shared = levels.filter((entry) => entry.lane === null).map((entry) => entry.level.label);
    if (shared.length > 0) sentences.push(`Shared by every track: ${shared.join(', ')}.`);
  }
  const moves = ladder.levels.flatMap((level) => {
    const targets = edges.filter((edge) => edge.from === level.slug).map((edge) => (edge.kind === 'exit' ? `${exitName(edge.to)} (beyond the ladder)` : label(edge.to)));
    return targets.length > 0 ? [`${level.label} to ${targets.join(' or ')}`] : [];
  });
  if (moves.length > 0) sentences.push(`Transitions: ${moves.join('; ')}.`);
  return sentences.join(' ');
}

/** Starts with what the box shows (label, "Level n"), as speech input needs, then the full title. */
/** The link's name starts with the text the box shows (shortened for a long label), as speech input needs. */
function linkName(shown: string, label: string, title: string, row: number, rows: number): string {
  const whole = shown === label ? '' : ` (${label})`;
  return `${shown}, Level ${row + 1} of ${rows}${whole}${title === label ? '' : `: ${title}`}`;
}

/** Colours for the map as a file of its own (an image in Word), where no page stylesheet styles its classes. */
export interface StandaloneStyle {
  /** `#rrggbb` */
  readonly primary: string;
  readonly text: string;
  /** A CSS font-family list. */
  readonly font: string;
}

type Part = 'arrow' | 'lane' | 'laneName' | 'edge' | 'exitEdge' | 'levelBox' | 'exitBox' | 'label' | 'step';

/**
 * On a page the site's stylesheet colours the map by its classes (light, dark, print). As an image
 * of its own it is painted with presentation attributes in the site's light look: Word's and
 * LibreOffice's SVG readers ignore most CSS, attributes they all read.
 */
function painter(standalone: StandaloneStyle | null): (part: Part) => string {
  if (!standalone) return () => '';
  const { primary, text } = standalone;
  const muted = '#59636e';
  const attributes: Readonly<Record<Part, string>> = {
    arrow: `fill="${muted}"`,
    lane: 'fill="#f6f8fa" stroke="#e5e9ee"',
    laneName: `fill="${muted}" font-size="11" font-weight="700" letter-spacing="0.6"`,
    edge: `fill="none" stroke="${muted}" stroke-width="1.5"`,
    exitEdge: `fill="none" stroke="${muted}" stroke-width="1.5" stroke-dasharray="5 4"`,
    levelBox: `fill="#ffffff" stroke="${primary}" stroke-width="1.5"`,
    exitBox: `fill="none" stroke="${muted}" stroke-dasharray="5 4"`,
    label: `fill="${text}" font-weight="600"`,
    step: `fill="${muted}" font-size="11"`,
  };
  return (part) => ` ${attributes[part]}`;
}

/** Text for SVG markup: the five characters XML reserves, escaped. */
function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
