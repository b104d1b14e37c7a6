import type { Diagnostics } from '../diagnostics.js';

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Turns a file's bytes into the text every reader sees: strict UTF-8 (a bad byte is an error with
 * its position, not U+FFFD in a published page), no BOM, LF line endings, no control characters.
 * Returns null when the file cannot be read as text.
 */
export function decodeText(bytes: Uint8Array, file: string, diagnostics: Diagnostics): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    diagnostics.report('invalid-utf8', file, at, `File is not valid UTF-8 (byte 0x${at.byte.toString(16).padStart(2, '0')})`);
    return null;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  const control = CONTROL_CHARACTERS.exec(text);
  if (control) {
    diagnostics.report('control-characters', file, pointAt(text, control.index), `Control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} removed`);
    text = text.replace(CONTROL_CHARACTERS, '');
  }
  return text;
}

/** 1-based line and column of a character offset. */
export function pointAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number; byte: number } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    try {
      decoder.decode(bytes.subarray(i, i + length));
      if (length === 1 && lead >= 0x80) throw new Error('stray continuation byte');
    } catch {
      return { line, column, byte: lead };
    }
    if (lead === 0x0a) {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
    i += length;
  }
  return { line, column, byte: 0 };
}
