/**
 * Anchoring: finds where an annotation's passage is in a (possibly changed) canonical text.
 * Pure string work, no DOM, after Hypothesis's `match-quote.ts`. Tried in order, cheapest first:
 * the position still holds the exact quote; the exact quote elsewhere, chosen by context and
 * distance; an approximate match with a bounded number of errors. Anything else is an orphan:
 * kept and reported, never attached to the wrong words.
 */
import search from 'approx-string-match';
import type { Selectors } from './selectors';
import { positionMatchesQuote } from './selectors';

export type Anchor =
  | { readonly status: 'anchored' | 'moved' | 'changed'; readonly start: number; readonly end: number }
  | { readonly status: 'orphan' };

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Scores a candidate by how much of its context matches and how close it is to the old place. */
function score(text: string, start: number, end: number, selectors: Selectors): number {
  const { prefix, suffix } = selectors.quote;
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  const context =
    (prefix.length ? commonSuffixLength(before, prefix) / prefix.length : 1) +
    (suffix.length ? commonPrefixLength(after, suffix) / suffix.length : 1);
  const distance = Math.abs(start - selectors.position.start) / Math.max(1, text.length);
  return context * 10 - distance;
}

/**
 * Errors allowed in a fuzzy match: a quarter of the quote, at most 64. Fewer would orphan quotes
 * that survived an edit of a word or two; more would let short quotes match unrelated words.
 */
function maxErrorsFor(quote: string): number {
  return Math.min(64, Math.floor(quote.length / 4));
}

/** Finds where `selectors` point in `text`. */
export function anchor(text: string, selectors: Selectors): Anchor {
  const { exact } = selectors.quote;
  if (exact.length === 0) return { status: 'orphan' };
  if (positionMatchesQuote(text, selectors)) {
    return { status: 'anchored', start: selectors.position.start, end: selectors.position.end };
  }

  let best: { start: number; score: number } | null = null;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const s = score(text, at, at + exact.length, selectors);
    if (!best || s > best.score) best = { start: at, score: s };
  }
  if (best) return { status: 'moved', start: best.start, end: best.start + exact.length };

  const maxErrors = maxErrorsFor(exact);
  if (maxErrors === 0) return { status: 'orphan' };
  let fuzzy: { start: number; end: number; score: number } | null = null;
  for (const match of search(text, exact, maxErrors)) {
    const s = score(text, match.start, match.end, selectors) - (match.errors / exact.length) * 20;
    if (!fuzzy || s > fuzzy.score) fuzzy = { start: match.start, end: match.end, score: s };
  }
  if (fuzzy && fuzzy.end > fuzzy.start) {
    return { status: 'changed', start: fuzzy.start, end: fuzzy.end };
  }
  return { status: 'orphan' };
}
