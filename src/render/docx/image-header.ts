/** What Word needs to place a raster image: its format and size in pixels, read from the file's header. */
export interface ImageHeader {
  readonly type: 'png' | 'jpg' | 'gif';
  readonly width: number;
  readonly height: number;
}

/**
 * The format and pixel size of a PNG, JPEG or GIF, or null for anything else (or a damaged file).
 * These three are what Word shows without a fallback and their headers are fixed fields, so a few
 * lines read them; a dependency (image-size) would add dozens of formats Word cannot show anyway.
 */
export function imageHeader(data: Uint8Array): ImageHeader | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const sized = (type: ImageHeader['type'], width: number, height: number): ImageHeader | null => (width > 0 && height > 0 ? { type, width, height } : null);
  // PNG: signature, then the IHDR chunk: width and height as big-endian 32-bit numbers.
  if (data.length >= 24 && startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) && ascii(data, 12, 4) === 'IHDR') return sized('png', view.getUint32(16), view.getUint32(20));
  // GIF87a / GIF89a: the logical screen size, little-endian 16-bit.
  if (data.length >= 10 && (ascii(data, 0, 6) === 'GIF87a' || ascii(data, 0, 6) === 'GIF89a')) return sized('gif', view.getUint16(6, true), view.getUint16(8, true));
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) return jpegSize(data, view);
  return null;
}

/** JPEG: walk the segments to the first start-of-frame, which holds height then width. */
function jpegSize(data: Uint8Array, view: DataView): ImageHeader | null {
  let at = 2;
  while (at + 9 < data.length) {
    if (data[at] !== 0xff) return null;
    const marker = data[at + 1] as number;
    // Fill bytes and markers without a length (RSTn, TEM).
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = view.getUint16(at + 5);
      const width = view.getUint16(at + 7);
      return width > 0 && height > 0 ? { type: 'jpg', width, height } : null;
    }
    at += 2 + view.getUint16(at + 2);
  }
  return null;
}

function startsWith(data: Uint8Array, bytes: readonly number[]): boolean {
  return bytes.every((byte, i) => data[i] === byte);
}

function ascii(data: Uint8Array, from: number, length: number): string {
  return String.fromCharCode(...data.subarray(from, from + length));
}
