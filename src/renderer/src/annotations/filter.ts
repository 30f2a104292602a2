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

/** Each annotation's folded text, made once: annotations are replaced, never changed, on edit. */
const foldedText = new WeakMap<Annotation, string>();

function searchableText(a: Annotation): string {
  let text = foldedText.get(a);
  if (text === undefined) {
    text = searchFold(
      [a.quote.exact, a.note, ...a.tags, a.claim?.type ?? '', a.claim?.speaker ?? ''].join('\n'),
    );
    foldedText.set(a, text);
  }
  return text;
}

/**
 * The filter as one test, its values folded once: across the library's 10,000 annotations a
 * keystroke folds only what it must.
 */
export function annotationMatcher(filter: AnnotationFilter): (a: Annotation) => boolean {
  const tag = filter.tag === null ? null : searchFold(filter.tag);
  const claimType = filter.claimType === null ? null : searchFold(filter.claimType);
  const speaker = filter.speaker === null ? null : searchFold(filter.speaker);
  const words = searchFold(filter.text).split(/\s+/u).filter(Boolean);
  return (a) => {
    if (filter.color !== null && a.color !== filter.color) return false;
    if (tag !== null && !a.tags.some((t) => searchFold(t) === tag)) return false;
    if (claimType !== null && searchFold(a.claim?.type ?? '') !== claimType) return false;
    if (speaker !== null && searchFold(a.claim?.speaker ?? '') !== speaker) return false;
    if (words.length === 0) return true;
    const haystack = searchableText(a);
    return words.every((w) => haystack.includes(w));
  };
}

export function matchesFilter(a: Annotation, filter: AnnotationFilter): boolean {
  return annotationMatcher(filter)(a);
}

/** The annotations that match every part of the filter, in the order given. */
export function filterAnnotations(
  list: readonly Annotation[],
  filter: AnnotationFilter,
): Annotation[] {
  return list.filter(annotationMatcher(filter));
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
