/**
 * Narrowing the sidebar's annotations by text, colour, tag, claim type and speaker. Pure, so it
 * is tested without a browser; the sidebar keeps the filter in its state.
 */
import type { Annotation, HighlightColor } from '../../../shared/contract/entities';
import { searchFold } from '../../../shared/text/fold';

export interface AnnotationFilter {
  /** Words that must all appear in the quote, note, tags, claim type or speaker. */
  readonly text: string;
  readonly color: HighlightColor | null;
  readonly tag: string | null;
  readonly claimType: string | null;
  readonly speaker: string | null;
}

export const EMPTY_FILTER: AnnotationFilter = {
  text: '',
  color: null,
  tag: null,
  claimType: null,
  speaker: null,
};

export function isFilterEmpty(filter: AnnotationFilter): boolean {
  return (
    filter.text.trim() === '' &&
    filter.color === null &&
    filter.tag === null &&
    filter.claimType === null &&
    filter.speaker === null
  );
}

function searchableText(a: Annotation): string {
  return searchFold(
    [a.quote.exact, a.note, ...a.tags, a.claim?.type ?? '', a.claim?.speaker ?? ''].join('\n'),
  );
}

export function matchesFilter(a: Annotation, filter: AnnotationFilter): boolean {
  if (filter.color !== null && a.color !== filter.color) return false;
  if (filter.tag !== null) {
    const tag = searchFold(filter.tag);
    if (!a.tags.some((t) => searchFold(t) === tag)) return false;
  }
  if (
    filter.claimType !== null &&
    searchFold(a.claim?.type ?? '') !== searchFold(filter.claimType)
  ) {
    return false;
  }
  if (
    filter.speaker !== null &&
    searchFold(a.claim?.speaker ?? '') !== searchFold(filter.speaker)
  ) {
    return false;
  }
  const words = searchFold(filter.text).split(/\s+/u).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = searchableText(a);
  return words.every((w) => haystack.includes(w));
}

/** The annotations that match every part of the filter, in the order given. */
export function filterAnnotations(
  list: readonly Annotation[],
  filter: AnnotationFilter,
): Annotation[] {
  return list.filter((a) => matchesFilter(a, filter));
}

/** The distinct values a filter can choose from, sorted, first spelling kept. */
export function distinctValues(values: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const value of values) {
    const key = searchFold(value);
    if (value.trim() && !seen.has(key)) seen.set(key, value);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}
