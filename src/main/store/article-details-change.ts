/**
 * What a patch to an article's details changes: the article's columns as they will be, or null
 * when the patch changes nothing (a field left out or sent as undefined is left as it is; tags
 * are compared by name key, so a list that only respells a tag changes nothing).
 */
import type { ArticleDetails, ArticleDetailsPatch } from '../../shared/contract/article-details';
import { distinctTagNames } from './article-tags';
import { tagKey } from './tags';

const COLUMN_FIELDS = ['title', 'byline', 'site', 'publishedAt', 'sourceUrl'] as const;

const tagKeys = (names: readonly string[]) =>
  [...new Set(distinctTagNames(names).map(tagKey))].sort().join('\n');

export function articleDetailsChange(
  current: ArticleDetails,
  patch: ArticleDetailsPatch,
): Omit<ArticleDetails, 'tags'> | null {
  const next: Omit<ArticleDetails, 'tags'> = {
    title: patch.title ?? current.title,
    byline: patch.byline === undefined ? current.byline : patch.byline,
    site: patch.site === undefined ? current.site : patch.site,
    publishedAt: patch.publishedAt === undefined ? current.publishedAt : patch.publishedAt,
    sourceUrl: patch.sourceUrl === undefined ? current.sourceUrl : patch.sourceUrl,
  };
  const columnsChange = COLUMN_FIELDS.some((field) => next[field] !== current[field]);
  const tagsChange = patch.tags !== undefined && tagKeys(patch.tags) !== tagKeys(current.tags);
  return columnsChange || tagsChange ? next : null;
}
