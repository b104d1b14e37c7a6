/**
 * A model date (ISO 8601, a day's UTC midnight) as readers of the site's language write it
 * ("2 November 2026"), the same in every time zone; an unknown language tag falls back to English.
 */
export function displayDate(date: string, language: string): string {
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  const format = (() => {
    try {
      return new Intl.DateTimeFormat(language, options);
    } catch {
      return new Intl.DateTimeFormat('en', options);
    }
  })();
  return format.format(new Date(date));
}
