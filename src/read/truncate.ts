/** Shortens text quoted in a diagnostic to 60 characters, so one long URL cannot flood the report. */
export function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
