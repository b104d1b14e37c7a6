/** A percent-encoded URL part decoded, or as written when it is not valid encoding ("100%" stays "100%"). */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
