/**
 * Anchoring: finds where an annotation's passage is in a (possibly changed) canonical text.
 * Pure string work, no DOM, after Hypothesis's `match-quote.ts`. Tried in order, cheapest first:
 * the position still holds the exact quote and its context; the exact quote elsewhere, chosen by
 * context and distance; the quote in another Unicode normalization (NFC ↔ NFD); an approximate
 * match with a bounded number of errors, widened to whole characters, and backed by its context
 * unless it differs only a little. Anything else is an orphan: kept and reported, never attached
 * to the wrong words.
 */
import search from 'approx-string-match';
import type { Selectors } from './selectors';
import { positionMatchesQuote } from './selectors';

export type Anchor =
  | {
      readonly status: 'anchored' | 'moved' | 'changed';
      readonly start: number;
      readonly end: number;
    }
  | { readonly status: 'orphan' };

/** How many characters `a` and `b` end with in common. */
export function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** How many characters `a` and `b` start with in common. */
export function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Scores a candidate by how much of its context matches and how close it is to the old place.
 * Context is compared in NFC, or a change of normalization (NFC ↔ NFD) would hide it and leave
 * repeated words to be told apart by distance alone.
 */
function score(text: string, start: number, end: number, selectors: Selectors): number {
  const prefix = selectors.quote.prefix.normalize('NFC');
  const suffix = selectors.quote.suffix.normalize('NFC');
  const from = Math.max(0, start - selectors.quote.prefix.length);
  const before = text.slice(from, start).normalize('NFC');
  const after = text.slice(end, end + selectors.quote.suffix.length).normalize('NFC');
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

/**
 * Share of the quote that may differ in a fuzzy match with no context around it. A quarter of a
 * quote can be a whole clause: "the US accused Russia of planning a false-flag operation", once
 * deleted, is within a quarter of "that Russia was planning a false-flag operation" in the
 * sentence before. Beyond this share, a match must also have most of its context nearby.
 */
const UNSUPPORTED_ERROR_RATE = 0.1;

/** True when `context` is found, with a quarter of errors at most, in `window`. */
function contextNear(window: string, context: string): boolean {
  return search(window, context, Math.floor(context.length / 4)).length > 0;
}

/**
 * True when at least half of the quote's context (by length) is still around `[start, end)`.
 * Context is looked for approximately and with `slack` characters of play, because a fuzzy
 * match's ends are only as exact as its errors allow.
 */
export function contextSupports(
  text: string,
  start: number,
  end: number,
  selectors: Selectors,
  slack: number,
): boolean {
  const { prefix, suffix } = selectors.quote;
  const total = prefix.length + suffix.length;
  if (total === 0) return true;
  const before = text.slice(Math.max(0, start - prefix.length - slack), start + slack);
  const after = text.slice(Math.max(0, end - slack), end + suffix.length + slack);
  let found = 0;
  if (prefix && contextNear(before, prefix)) found += prefix.length;
  if (suffix && contextNear(after, suffix)) found += suffix.length;
  return found * 2 >= total;
}

/** Clusters are looked for within this many code units of a boundary; longer ones are not whole. */
const CLUSTER_WINDOW = 32;
let segmenter: Intl.Segmenter | undefined;
/** Made on first use: building one costs ~30 ms, on every CLI start if done at load. */
const graphemes = (): Intl.Segmenter =>
  (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));

/**
 * True when a cluster surely starts at `index`: the code unit there is below U+0300 (no combining
 * mark, joiner, modifier or surrogate) and is not the LF of a CRLF. Spares the segmenter for
 * almost every offset of Latin text.
 */
function surelyBoundary(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code < 0x300 && !(code === 10 && text.charCodeAt(index - 1) === 13);
}

/** Moves `index` back to the start of the grapheme cluster it falls inside, if any. */
export function clusterStart(text: string, index: number): number {
  if (index <= 0 || index >= text.length || surelyBoundary(text, index)) return index;
  const from = Math.max(0, index - CLUSTER_WINDOW);
  const window = text.slice(from, index + CLUSTER_WINDOW);
  const segment = graphemes()
    .segment(window)
    .containing(index - from);
  return segment ? from + segment.index : index;
}

/**
 * Whether `index` lies between two grapheme clusters of `text` (or at either end): not inside an
 * emoji with its modifiers, a ZWJ sequence, or a letter with its combining marks.
 */
export function isClusterBoundary(text: string, index: number): boolean {
  return clusterStart(text, index) === index;
}

/** Moves `index` forward to the end of the grapheme cluster it falls inside, if any. */
export function clusterEnd(text: string, index: number): number {
  const start = clusterStart(text, index);
  if (start === index) return index;
  const segment = graphemes()
    .segment(text.slice(start, start + CLUSTER_WINDOW))
    .containing(0);
  return segment ? start + segment.segment.length : index;
}

/**
 * Finds the quote in `text` when the two differ only in Unicode normalization (NFC and NFD "é"),
 * comparing both in NFC cluster by cluster, so that a match always covers whole characters.
 */
function matchNormalized(
  text: string,
  selectors: Selectors,
): { start: number; end: number } | null {
  const exact = selectors.quote.exact.normalize('NFC');
  if (exact === selectors.quote.exact && text.normalize('NFC') === text) return null;
  let nfc = '';
  // Where each NFC cluster starts in `text`, by its offset in `nfc`; -1 inside a cluster.
  const toText: number[] = [];
  for (const { segment, index } of graphemes().segment(text)) {
    const normalized = segment.normalize('NFC');
    toText.push(index, ...new Array<number>(normalized.length - 1).fill(-1));
    nfc += normalized;
  }
  toText.push(text.length);
  let best: { start: number; end: number; score: number } | null = null;
  for (let at = nfc.indexOf(exact); at !== -1; at = nfc.indexOf(exact, at + 1)) {
    const start = toText[at] ?? -1;
    const end = toText[at + exact.length] ?? -1;
    if (start < 0 || end < 0) continue;
    const s = score(text, start, end, selectors);
    if (!best || s > best.score) best = { start, end, score: s };
  }
  return best;
}

/** True when the text around the position is still the quote's context. */
export function contextMatchesAt(text: string, selectors: Selectors): boolean {
  const { prefix, suffix } = selectors.quote;
  const { start, end } = selectors.position;
  return (
    start >= prefix.length &&
    text.slice(start - prefix.length, start) === prefix &&
    text.slice(end, end + suffix.length) === suffix
  );
}

/** Finds where `selectors` point in `text`. */
export function anchor(text: string, selectors: Selectors): Anchor {
  const { exact } = selectors.quote;
  if (exact.length === 0) return { status: 'orphan' };
  const { position } = selectors;
  // The same words at the same place, but with other words around them, may be another occurrence
  // of a repeated phrase that has shifted there: let context choose among all occurrences then.
  if (positionMatchesQuote(text, selectors) && contextMatchesAt(text, selectors)) {
    return { status: 'anchored', start: position.start, end: position.end };
  }

  let best: { start: number; score: number } | null = null;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const s = score(text, at, at + exact.length, selectors);
    if (!best || s > best.score) best = { start: at, score: s };
  }
  if (best) {
    const status = best.start === position.start ? 'anchored' : 'moved';
    return { status, start: best.start, end: best.start + exact.length };
  }

  const normalized = matchNormalized(text, selectors);
  if (normalized) return { status: 'changed', start: normalized.start, end: normalized.end };

  const maxErrors = maxErrorsFor(exact);
  if (maxErrors === 0) return { status: 'orphan' };
  let fuzzy: { start: number; end: number; score: number } | null = null;
  for (const match of search(text, exact, maxErrors)) {
    // Whole characters only: an NFC "é" matched in NFD text must take its combining accent along.
    const start = clusterStart(text, match.start);
    const end = clusterEnd(text, match.end);
    const supported =
      match.errors <= exact.length * UNSUPPORTED_ERROR_RATE ||
      contextSupports(text, start, end, selectors, match.errors);
    if (!supported) continue;
    const s = score(text, start, end, selectors) - (match.errors / exact.length) * 20;
    if (!fuzzy || s > fuzzy.score) fuzzy = { start, end, score: s };
  }
  if (fuzzy && fuzzy.end > fuzzy.start) {
    return { status: 'changed', start: fuzzy.start, end: fuzzy.end };
  }
  return { status: 'orphan' };
}
