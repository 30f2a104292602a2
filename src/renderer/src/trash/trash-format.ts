/** The Trash in words: when an article was deleted, and what emptying it would erase. */
import type { TrashedArticle } from '../../../shared/contract/trash';
import { plural } from '../../../shared/text/plural';

const when = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** "May 3, 2024, 8:00 AM" in the user's locale and time zone. */
export function formatDeletedAt(deletedAt: string): string {
  const date = new Date(deletedAt);
  return Number.isNaN(date.getTime()) ? deletedAt : when.format(date);
}

/** "2 articles and their 5 annotations", "1 article". */
export function describeErasure(articles: readonly TrashedArticle[]): string {
  const annotations = articles.reduce((sum, a) => sum + a.annotationCount, 0);
  const what = plural(articles.length, 'article', 'articles');
  if (annotations === 0) return what;
  const their = articles.length === 1 ? 'its' : 'their';
  return `${what} and ${their} ${plural(annotations, 'annotation', 'annotations')}`;
}
