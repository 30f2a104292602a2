/** Display formatting shared by the library and the reader. */

const longDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' });

/** "2022-02-11" → "February 11, 2022" (in the user's locale); anything unparseable as it is. */
export function formatPublished(value: string | null): string | null {
  if (!value) return null;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : longDate.format(date);
}

/** "By Simon C. · February 11, 2022", leaving out what is missing. */
export function describeSource(
  byline: string | null,
  publishedAt: string | null,
  site: string | null = null,
): string {
  return [byline && `By ${byline}`, site, formatPublished(publishedAt)].filter(Boolean).join(' · ');
}

/** The host of a web address, without "www.", for a short source label. */
export function hostOf(address: string): string {
  try {
    return new URL(address).hostname.replace(/^www\./, '');
  } catch {
    return address;
  }
}
