/**
 * Narrowing the library by tag (the article's own or its annotations'), speaker, claim type,
 * site and "has orphans". Pure, so it is tested without a browser. Values are matched the way a
 * typed search is (`searchFold`: case and accents ignored), and the choices offered are read from
 * the summaries themselves, so they follow every reply that changes an article.
 */
import type { ArticleSummary } from '../../../shared/contract/entities';
import { searchFold } from '../../../shared/text/fold';
import { plural } from '../../../shared/text/plural';
import { distinctValues } from '../annotations/filter';

export interface LibraryFilter {
  readonly tag: string | null;
  readonly speaker: string | null;
  readonly claimType: string | null;
  readonly site: string | null;
  /** Only articles with an annotation whose passage is no longer found. */
  readonly hasOrphans: boolean;
}

export const EMPTY_LIBRARY_FILTER: LibraryFilter = {
  tag: null,
  speaker: null,
  claimType: null,
  site: null,
  hasOrphans: false,
};

/** The facets a select chooses from (the checkbox has no choices). */
export type LibraryFacet = 'tag' | 'speaker' | 'claimType' | 'site';

export type LibraryFilterChoices = Readonly<Record<LibraryFacet, readonly string[]>>;

export function isLibraryFilterEmpty(filter: LibraryFilter): boolean {
  return (
    filter.tag === null &&
    filter.speaker === null &&
    filter.claimType === null &&
    filter.site === null &&
    !filter.hasOrphans
  );
}

function siteOf(article: ArticleSummary): string | null {
  return article.site?.trim() || null;
}

/** True when one of `values` is `wanted` (already folded), case and accents aside. */
function includesFolded(values: readonly string[], wanted: string): boolean {
  return values.some((value) => searchFold(value) === wanted);
}

/** A test for one article, with the filter's values folded once rather than per article. */
export function libraryFilterTest(filter: LibraryFilter): (article: ArticleSummary) => boolean {
  const fold = (value: string | null) => (value === null ? null : searchFold(value));
  const tag = fold(filter.tag);
  const speaker = fold(filter.speaker);
  const claimType = fold(filter.claimType);
  const site = fold(filter.site);
  return (article) => {
    if (filter.hasOrphans && article.orphanCount === 0) return false;
    if (site !== null && searchFold(siteOf(article) ?? '') !== site) return false;
    if (
      tag !== null &&
      !includesFolded(article.tags, tag) &&
      !includesFolded(article.facets.annotationTags, tag)
    ) {
      return false;
    }
    if (speaker !== null && !includesFolded(article.facets.speakers, speaker)) return false;
    if (claimType !== null && !includesFolded(article.facets.claimTypes, claimType)) return false;
    return true;
  };
}

/** The articles that match every part of the filter, in the order given (the same list if none). */
export function filterArticles(
  articles: readonly ArticleSummary[],
  filter: LibraryFilter,
): readonly ArticleSummary[] {
  if (isLibraryFilterEmpty(filter)) return articles;
  return articles.filter(libraryFilterTest(filter));
}

/**
 * What each select offers: the distinct values across the library, sorted, one spelling kept per
 * folded value. Exact repeats are dropped first, so folding runs once per distinct spelling, not
 * once per article (5,000 articles share a few hundred tags).
 */
export function libraryFilterChoices(articles: readonly ArticleSummary[]): LibraryFilterChoices {
  const tags = new Set<string>();
  const speakers = new Set<string>();
  const claimTypes = new Set<string>();
  const sites = new Set<string>();
  for (const article of articles) {
    for (const tag of article.tags) tags.add(tag);
    for (const tag of article.facets.annotationTags) tags.add(tag);
    for (const speaker of article.facets.speakers) speakers.add(speaker);
    for (const type of article.facets.claimTypes) claimTypes.add(type);
    const site = siteOf(article);
    if (site) sites.add(site);
  }
  return {
    tag: distinctValues(tags),
    speaker: distinctValues(speakers),
    claimType: distinctValues(claimTypes),
    site: distinctValues(sites),
  };
}

/** "340 articles", or "12 of 340 articles" while a filter narrows the list. */
export function describeLibraryCount(shown: number, total: number, filtered: boolean): string {
  const all = plural(total, 'article', 'articles');
  return filtered ? `${shown} of ${all}` : all;
}
