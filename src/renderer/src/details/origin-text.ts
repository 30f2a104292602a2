/** Where an article came from and when, in words, for the Article details dialog. */
import type { ArticleSummary } from '../../../shared/contract/entities';

const moment = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "2 December 2026, 14:03" (in the user's locale and time zone); anything unparseable as is. */
export function formatMoment(timestamp: string): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? timestamp : moment.format(date);
}

/** "Imported from the file report.html", "Added from https://…", "Pasted", "The sample article". */
export function describeOrigin(
  article: Pick<ArticleSummary, 'origin' | 'sourceFileName' | 'sourceUrl' | 'canonicalUrl'>,
): string {
  switch (article.origin) {
    case 'file':
      return article.sourceFileName
        ? `Imported from the file ${article.sourceFileName}`
        : 'Imported from a file';
    case 'address': {
      const address = article.sourceUrl ?? article.canonicalUrl;
      return address ? `Added from ${address}` : 'Added from a web address';
    }
    case 'paste':
      return 'Pasted';
    case 'sample':
      return 'The sample article';
  }
}

/** "Added 2 December 2026, 14:03". */
export function describeAdded(addedAt: string): string {
  return `Added ${formatMoment(addedAt)}`;
}

/** "Last opened 3 December 2026, 09:12", or "Not opened yet". */
export function describeLastOpened(lastOpenedAt: string | null): string {
  return lastOpenedAt ? `Last opened ${formatMoment(lastOpenedAt)}` : 'Not opened yet';
}
