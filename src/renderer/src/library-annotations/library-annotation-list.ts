/**
 * The library-wide annotation list without the browser: the sidebar's filter (text, colour, tag,
 * claim type, speaker — the same `matchesFilter`) plus the article, the three orders, and the
 * choices each filter offers.
 */
import {
  HIGHLIGHT_COLORS,
  type Annotation,
  type HighlightColor,
} from '../../../shared/contract/entities';
import type { LibraryAnnotation } from '../../../shared/contract/library-annotations';
import {
  annotationMatcher,
  distinctValues,
  EMPTY_FILTER,
  isFilterEmpty,
} from '../annotations/filter';
import type { AnnotationFilter } from '../annotations/filter';
import type { FilterOption } from '../components/FilterSelect';

export interface LibraryAnnotationFilter extends AnnotationFilter {
  /** Only this article's annotations; null for every article. */
  readonly articleId: string | null;
}

export const EMPTY_LIBRARY_ANNOTATION_FILTER: LibraryAnnotationFilter = {
  ...EMPTY_FILTER,
  articleId: null,
};

export function isLibraryFilterEmpty(filter: LibraryAnnotationFilter): boolean {
  return filter.articleId === null && isFilterEmpty(filter);
}

export function filterLibraryAnnotations(
  list: readonly LibraryAnnotation[],
  filter: LibraryAnnotationFilter,
): readonly LibraryAnnotation[] {
  if (isLibraryFilterEmpty(filter)) return list;
  const matches = annotationMatcher(filter);
  return list.filter(
    (entry) =>
      (filter.articleId === null || entry.article.id === filter.articleId) &&
      matches(entry.annotation),
  );
}

/**
 * Newest and oldest go by when the annotation was made (`createdAt`), not edited; "by article"
 * takes the articles by title, each one's annotations in document order.
 */
export const LIBRARY_ANNOTATION_ORDERS = ['newest', 'oldest', 'article'] as const;
export type LibraryAnnotationOrder = (typeof LIBRARY_ANNOTATION_ORDERS)[number];

export const ORDER_LABELS: Record<LibraryAnnotationOrder, string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  article: 'By article',
};

function byCreated(a: LibraryAnnotation, b: LibraryAnnotation): number {
  const x = a.annotation;
  const y = b.annotation;
  return x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : x.id < y.id ? -1 : 1;
}

const titleOrder = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function inDocument(a: Annotation, b: Annotation): number {
  return (
    a.position.start - b.position.start ||
    a.position.end - b.position.end ||
    (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0)
  );
}

export function sortLibraryAnnotations(
  list: readonly LibraryAnnotation[],
  order: LibraryAnnotationOrder,
): readonly LibraryAnnotation[] {
  switch (order) {
    case 'newest':
      return [...list].sort((a, b) => byCreated(b, a));
    case 'oldest':
      return [...list].sort(byCreated);
    case 'article':
      return [...list].sort(
        (a, b) =>
          titleOrder.compare(a.article.title, b.article.title) ||
          (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0) ||
          inDocument(a.annotation, b.annotation),
      );
  }
}

export interface LibraryFilterChoices {
  readonly colors: readonly HighlightColor[];
  readonly tags: readonly FilterOption[];
  readonly types: readonly FilterOption[];
  readonly speakers: readonly FilterOption[];
  /** The articles that have annotations, by title. */
  readonly articles: readonly FilterOption[];
}

function asOptions(values: Iterable<string>): FilterOption[] {
  return distinctValues(values).map((value) => ({ value, label: value }));
}

export function libraryFilterChoices(list: readonly LibraryAnnotation[]): LibraryFilterChoices {
  const colors = new Set<HighlightColor>();
  const tags: string[] = [];
  const types: string[] = [];
  const speakers: string[] = [];
  const articles = new Map<string, string>();
  for (const { annotation, article } of list) {
    colors.add(annotation.color);
    tags.push(...annotation.tags);
    if (annotation.claim) {
      types.push(annotation.claim.type);
      if (annotation.claim.speaker) speakers.push(annotation.claim.speaker);
    }
    if (!articles.has(article.id)) articles.set(article.id, article.title || 'Untitled article');
  }
  return {
    colors: HIGHLIGHT_COLORS.filter((c) => colors.has(c)),
    tags: asOptions(tags),
    types: asOptions(types),
    speakers: asOptions(speakers),
    articles: [...articles]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => titleOrder.compare(a.label, b.label)),
  };
}
