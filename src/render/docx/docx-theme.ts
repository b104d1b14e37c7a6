import type { Theme } from '../../model/types.js';

/** The theme as Word wants it: one font name per role, colours as RRGGBB. */
export interface DocxTheme {
  readonly fontBody: string;
  readonly fontHeading: string;
  readonly fontMono: string;
  readonly primary: string;
  readonly accent: string;
  readonly text: string;
}

const GENERIC_FAMILIES = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'math', 'emoji', 'fangsong']);

/**
 * The config's theme uses CSS font stacks. Word takes one family per run, shows a missing one as
 * missing and types new text in it, so the document's font is the first family the config itself
 * chose (a brand font it names), skipping the operating systems' UI fonts a web stack lists for
 * screens ("Segoe UI", Roboto…), else Calibri, Office's own.
 */
export function docxTheme(theme: Theme): DocxTheme {
  return {
    fontBody: officeFamily(theme.fontBody),
    fontHeading: officeFamily(theme.fontHeading),
    fontMono: monoFamily(theme.fontMono),
    primary: hexColor(theme.colorPrimary, '1F4E79'),
    accent: hexColor(theme.colorAccent, 'C2410C'),
    text: hexColor(theme.colorText, '1F2328'),
  };
}

/** Monospaced faces every Word (or Mac) has; fontconfig also knows them as monospace. */
const COMMON_MONO = ['consolas', 'courier new', 'cascadia mono', 'cascadia code', 'lucida console', 'menlo', 'monaco'];
/** The platforms' own UI fonts, as system font stacks list them: right on screen, absent from Word. */
const SYSTEM_UI_FONTS = ['blinkmacsystemfont', 'segoe ui', 'roboto', 'helvetica neue', 'ubuntu', 'cantarell', 'oxygen', 'noto sans', 'dejavu sans', 'liberation sans', 'fira sans', 'droid sans'];

/** The family Word documents use for a stack (see docxTheme). */
export function officeFamily(stack: string): string {
  return namedFamilies(stack).find((name) => !SYSTEM_UI_FONTS.includes(name.toLowerCase())) ?? 'Calibri';
}

/** Faces Word users have, as the stand-in for a brand font they may not have installed. */
const COMMON_TEXT = ['arial', 'calibri', 'aptos', 'helvetica', 'segoe ui', 'verdana', 'tahoma', 'georgia', 'times new roman', 'cambria', 'garamond'];

/**
 * Code must stay monospaced wherever the file is opened, and readers fall back to a proportional
 * face for a mono font they lack (LibreOffice ignores fontTable hints): the stack's first common
 * monospaced face wins, else its first family.
 */
function monoFamily(stack: string): string {
  return namedFamilies(stack).find((name) => COMMON_MONO.includes(name.toLowerCase())) ?? firstFamily(stack, 'Consolas');
}

export function firstFamily(stack: string, fallback: string): string {
  for (const part of stack.split(',')) {
    const name = part.trim().replace(/^["']|["']$/g, '').trim();
    if (name && !GENERIC_FAMILIES.has(name.toLowerCase()) && !name.startsWith('ui-') && !name.startsWith('-')) return name;
  }
  return fallback;
}

/** "#1f4e79" or "#abc" → "1F4E79"; anything else (names, rgb()) → the fallback. */
export function hexColor(css: string, fallback: string): string {
  const value = css.trim().replace(/^#/, '');
  if (/^[0-9a-f]{6}$/i.test(value)) return value.toUpperCase();
  if (/^[0-9a-f]{3}$/i.test(value)) return [...value].map((c) => c + c).join('').toUpperCase();
  return fallback;
}

/**
 * fontTable.xml entries for the theme's fonts: when a reader lacks "Inter" or "JetBrains Mono",
 * Word and LibreOffice substitute from the family, pitch and alternative name given here (the
 * stack's next font), so code stays monospaced and text stays sans-serif.
 */
export function fontTableEntries(theme: Theme): string {
  const entries = new Map<string, string>();
  for (const stack of [theme.fontBody, theme.fontHeading, theme.fontMono]) {
    const families = namedFamilies(stack);
    const name = stack === theme.fontMono ? monoFamily(stack) : officeFamily(stack);
    if (!name || entries.has(name)) continue;
    const generic = stack.toLowerCase();
    const mono = stack === theme.fontMono || generic.includes('monospace');
    const family = mono ? 'modern' : /(^|,)\s*serif\s*(,|$)/.test(generic) ? 'roman' : 'swiss';
    const alt = families.find((family) => family !== name && [...COMMON_TEXT, ...COMMON_MONO].includes(family.toLowerCase())) ?? families.find((family) => family !== name);
    entries.set(
      name,
      `<w:font w:name="${xmlAttribute(name)}">${alt ? `<w:altName w:val="${xmlAttribute(alt)}"/>` : ''}<w:family w:val="${family}"/><w:pitch w:val="${mono ? 'fixed' : 'variable'}"/></w:font>`,
    );
  }
  return [...entries.values()].join('');
}

function namedFamilies(stack: string): string[] {
  const names: string[] = [];
  for (const part of stack.split(',')) {
    const name = firstFamily(part, '');
    if (name) names.push(name);
  }
  return names;
}

function xmlAttribute(value: string): string {
  return value.replace(/[\u0000-\u001f]/g, '').replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
