/**
 * Finding a quote inside one window of a new text: exactly, in another Unicode normalization,
 * approximately, or bracketed by its context. Every match covers whole grapheme clusters and must
 * be backed by its context or its words; none is ever a guess. Used by `reanchorAll` on the part
 * of the new text that replaced the quote's paragraph, then around seeds found anywhere.
 */
import search from 'approx-string-match';
import {
  clusterEnd,
  clusterStart,
  commonPrefixLength,
  commonSuffixLength,
  contextSupports,
  isClusterBoundary,
} from './anchor';
import type { Selectors } from './selectors';
import { sharedWords, trimToQuoteWords } from './words';

export interface Window {
  readonly start: number;
  readonly end: number;
  /** Where the quote is expected in the new text. */
  readonly expected: number;
  /** True for the part that replaced the quote's paragraph: looser rules hold there. */
  readonly isRegion: boolean;
  /**
   * How much a match at new offset `at` is in the quote's old place, 0–1 (by the words of its
   * paragraph and neighbourhood): a quote copied into another paragraph may bring its context
   * along, but not its place.
   */
  readonly likeness: (at: number) => number;
}

export interface Match {
  readonly start: number;
  readonly end: number;
  readonly score: number;
}

/** A quote this long, found once in its own region, is its own evidence, in its own neighbourhood. */
const SELF_EVIDENT_LENGTH = 24;
/** Errors of a match that lost a clause of its quote, not a word or two (see fuzzyIn). */
const LOST_CLAUSE = 24;
/** Share of a quote that may differ in a match that its context does not back (in its region). */
const UNSUPPORTED_ERROR_RATE = 0.1;
/** Share of a quote's words an edited match must keep. */
const MIN_SHARED_WORDS = 0.5;
/** Likeness (see Window) of a place that is still the quote's own, edited around. */
const OWN_PLACE = 0.6;
/**
 * Weight of likeness in a match's rank, against 10 per side of context: a copy of the quote
 * elsewhere may have brought all its context along, its own place kept only some of it.
 */
const LIKENESS_WEIGHT = 25;
/**
 * Likeness of a place that is surely the quote's own: a match there ends the search. Below it,
 * a later way may still find the quote, edited, in a place more like its own.
 */
const SURELY_OWN_PLACE = 0.8;
/** Context characters used to bracket an edited quote. */
const BRACKET_CONTEXT = 16;
/** Context that must touch a short match word for word, on both sides together. */
const TOUCHING_TOTAL = 24;
/** Context that must touch a short match word for word: more than one word ("planning "). */
const TOUCHING_CONTEXT = 16;

/** How much of the context is right around `[start, end)`, 0–2, compared in NFC. */
function contextScore(text: string, start: number, end: number, selectors: Selectors): number {
  const { prefix, suffix } = selectors.quote;
  const before = text.slice(Math.max(0, start - prefix.length), start).normalize('NFC');
  const after = text.slice(end, end + suffix.length).normalize('NFC');
  const p = prefix.normalize('NFC');
  const s = suffix.normalize('NFC');
  return (
    (p.length ? commonSuffixLength(before, p) / p.length : 1) +
    (s.length ? commonPrefixLength(after, s) / s.length : 1)
  );
}

/**
 * True when at least TOUCHING_CONTEXT characters of context (all of it when shorter) touch the match on one
 * side, word for word; an empty context counts only at the end of the text it stood at. Looser
 * context (a quarter of errors) would let a short quote take a repeated phrase's other place.
 */
function touchingContext(text: string, start: number, end: number, selectors: Selectors): boolean {
  const { prefix, suffix } = selectors.quote;
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  const touchingBefore = commonSuffixLength(before, prefix);
  const touchingAfter = commonPrefixLength(after, suffix);
  const prefixOk =
    prefix.length === 0 ? start === 0 : touchingBefore >= Math.min(TOUCHING_CONTEXT, prefix.length);
  const suffixOk =
    suffix.length === 0
      ? end === text.length
      : touchingAfter >= Math.min(TOUCHING_CONTEXT, suffix.length);
  // Two or three words on one side alone can recur by chance (" countess again " around "the").
  const enough =
    touchingBefore + touchingAfter >= Math.min(TOUCHING_TOTAL, prefix.length + suffix.length) ||
    (prefixOk && suffixOk);
  return (prefixOk || suffixOk) && enough;
}

/** Fewest characters of a context's nearest words compared (see nearestContextTouches). */
const NEAREST_CONTEXT = 8;
const WORD_START = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** The end of `prefix` from its second-last word on, NEAREST_CONTEXT characters at least. */
function nearestOfPrefix(prefix: string): string {
  const starts = [...prefix.matchAll(WORD_START)].map((m) => m.index);
  for (let k = starts.length - 2; k >= 0; k--) {
    if (prefix.length - starts[k]! >= NEAREST_CONTEXT) return prefix.slice(starts[k]);
  }
  return prefix;
}

/** The start of `suffix` up to the end of its second word, NEAREST_CONTEXT characters at least. */
function nearestOfSuffix(suffix: string): string {
  const ends = [...suffix.matchAll(WORD_START)].map((m) => m.index + m[0].length);
  for (let k = 1; k < ends.length; k++) {
    if (ends[k]! >= NEAREST_CONTEXT) return suffix.slice(0, ends[k]);
  }
  return suffix;
}

/**
 * True when the context's nearest words on at least one side (two words, NEAREST_CONTEXT
 * characters at least) are right at `[start, end)`, within `slack` characters, compared in NFC;
 * an empty context counts at the end of the text only. A copy of a quote pasted into other words
 * has neither: an orphan is better, however long the quote and alike its neighbourhood.
 */
function nearestContextTouches(
  text: string,
  start: number,
  end: number,
  selectors: Selectors,
  slack: number,
  sides: 'either' | 'both' = 'either',
): boolean {
  const prefix = nearestOfPrefix(selectors.quote.prefix.normalize('NFC'));
  const suffix = nearestOfSuffix(selectors.quote.suffix.normalize('NFC'));
  // Twice the length: the text may be in NFD, longer than its NFC.
  const before = () => {
    if (prefix.length === 0) return start === 0;
    const near = text
      .slice(Math.max(0, start - prefix.length * 2 - slack), start + slack)
      .normalize('NFC');
    return slack === 0 ? near.endsWith(prefix) : near.includes(prefix);
  };
  const after = () => {
    if (suffix.length === 0) return end === text.length;
    const near = text
      .slice(Math.max(0, end - slack), end + suffix.length * 2 + slack)
      .normalize('NFC');
    return slack === 0 ? near.startsWith(suffix) : near.includes(suffix);
  };
  if (sides === 'both') {
    return (
      (before() || startsSentence(text, start, selectors, true)) &&
      (after() || endsSentence(text, end, selectors, true))
    );
  }
  return (
    before() ||
    after() ||
    (startsSentence(text, start, selectors) && endsSentence(text, end, selectors))
  );
}

/** Sentence punctuation, then closing quotes or brackets, then space: what a sentence ends with. */
const SENTENCE_END = /[.!?…:;][”"’)\]]*\s*$/u;
const SENTENCE_STOP = /^[.!?…:;]/u;
/** A sentence or paragraph ending inside a quote (where a part of it may have been deleted). */
const SENTENCE_INSIDE = /[.!?…:;][”"’)\]]*\s|\n/u;

/**
 * True when the quote started a sentence (or paragraph, or the text) in the old text, and the
 * match at `start` does in the new one: a whole sentence may have new neighbours on both sides.
 */
function startsSentence(
  text: string,
  start: number,
  selectors: Selectors,
  orInside = false,
): boolean {
  const at = (text: string) => {
    // Opening quotes and brackets may stand before a sentence's first word.
    const before = text.replace(/[“"‘([]+$/u, '');
    return before.trim() === '' || SENTENCE_END.test(before) || /\n\s*$/.test(before);
  };
  const started =
    at(selectors.quote.prefix) || (orInside && SENTENCE_INSIDE.test(selectors.quote.exact));
  return started && at(text.slice(Math.max(0, start - 8), start));
}

/** True when the quote ended a sentence in the old text, and the match ending at `end` does in the new one. */
function endsSentence(text: string, end: number, selectors: Selectors, orInside = false): boolean {
  const { exact, suffix } = selectors.quote;
  const ended =
    (orInside && SENTENCE_INSIDE.test(exact)) ||
    SENTENCE_END.test(exact) ||
    SENTENCE_STOP.test(suffix) ||
    suffix.trim() === '' ||
    /^\s*\n/.test(suffix);
  const after = text.slice(end, end + 8);
  const ends =
    SENTENCE_END.test(text.slice(Math.max(0, end - 8), end)) ||
    SENTENCE_STOP.test(after) ||
    after.trim() === '' ||
    /^\s*\n/.test(after);
  return ended && ends;
}

function rank(text: string, start: number, end: number, selectors: Selectors, w: Window): number {
  const distance = Math.abs(start - w.expected) / Math.max(1, w.end - w.start);
  return (
    contextScore(text, start, end, selectors) * 10 + w.likeness(start) * LIKENESS_WEIGHT - distance
  );
}

const better = (a: Match | null, b: Match | null): Match | null =>
  !a ? b : !b ? a : b.score > a.score ? b : a;

/**
 * The best of the quote's occurrences in the window (`length` long where they were looked for),
 * each needing its context touching it, unless it is the only one, long, and plainly in the
 * quote's own place.
 */
function bestOccurrence(
  text: string,
  occurrences: readonly { readonly start: number; readonly end: number }[],
  length: number,
  selectors: Selectors,
  w: Window,
): Match | null {
  let best: Match | null = null;
  for (const { start, end } of occurrences) {
    if (start < 0 || end < 0) continue;
    if (!isClusterBoundary(text, start) || !isClusterBoundary(text, end)) continue;
    const evident =
      w.isRegion &&
      occurrences.length === 1 &&
      length >= SELF_EVIDENT_LENGTH &&
      w.likeness(start) >= SURELY_OWN_PLACE &&
      nearestContextTouches(text, start, end, selectors, 0);
    if (!evident && !touchingContext(text, start, end, selectors)) continue;
    best = better(best, { start, end, score: rank(text, start, end, selectors, w) });
  }
  return best;
}

function exactIn(text: string, selectors: Selectors, w: Window): Match | null {
  const { exact } = selectors.quote;
  // Searched in a slice: indexOf on the whole text would run on to its end when not in the window.
  const window = text.slice(w.start, w.end);
  const occurrences: { start: number; end: number }[] = [];
  for (let i = window.indexOf(exact); i !== -1; i = window.indexOf(exact, i + 1)) {
    occurrences.push({ start: w.start + i, end: w.start + i + exact.length });
  }
  return bestOccurrence(text, occurrences, exact.length, selectors, w);
}

/**
 * The window in NFC, built from runs of a character and its combining marks (which compose only
 * among themselves), with where each run starts in the text.
 */
function nfcWithOffsets(text: string, from: number, to: number): { nfc: string; at: number[] } {
  let nfc = '';
  const at: number[] = [];
  for (const m of text.slice(from, to).matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
    const n = m[0].normalize('NFC');
    at.push(from + m.index, ...new Array<number>(n.length - 1).fill(-1));
    nfc += n;
  }
  at.push(to);
  return { nfc, at };
}

function normalizedIn(text: string, selectors: Selectors, w: Window): Match | null {
  const exact = selectors.quote.exact.normalize('NFC');
  const window = text.slice(w.start, w.end);
  if (!window.normalize('NFC').includes(exact)) return null;
  const { nfc, at } = nfcWithOffsets(text, w.start, w.end);
  // Where each occurrence in NFC is in the text; -1 for one that starts or ends inside a run.
  const occurrences: { start: number; end: number }[] = [];
  for (let i = nfc.indexOf(exact); i !== -1; i = nfc.indexOf(exact, i + 1)) {
    occurrences.push({ start: at[i] ?? -1, end: at[i + exact.length] ?? -1 });
  }
  return bestOccurrence(text, occurrences, exact.length, selectors, w);
}

function fuzzyIn(text: string, selectors: Selectors, w: Window): Match | null {
  const { exact } = selectors.quote;
  const maxErrors = Math.min(64, Math.floor(exact.length / 4));
  if (maxErrors === 0) return null;
  let best: Match | null = null;
  for (const m of search(text.slice(w.start, w.end), exact, maxErrors)) {
    const trimmed = trimToQuoteWords(text, w.start + m.start, w.start + m.end, exact);
    if (!trimmed) continue;
    const start = clusterStart(text, trimmed.start);
    const end = clusterEnd(text, trimmed.end);
    if (end <= start) continue;
    if (sharedWords(exact, text.slice(start, end)) < MIN_SHARED_WORDS) continue;
    const long = exact.length >= SELF_EVIDENT_LENGTH;
    const supported =
      (w.isRegion &&
        long &&
        m.errors <= exact.length * UNSUPPORTED_ERROR_RATE &&
        w.likeness(start) >= OWN_PLACE &&
        nearestContextTouches(text, start, end, selectors, Math.min(24, m.errors + 2))) ||
      ((long || touchingContext(text, start, end, selectors)) &&
        contextSupports(text, start, end, selectors, m.errors));
    if (!supported) continue;
    // A clause of the quote gone, and its context on one side only: as likely a copy of the part that
    // is left, pasted elsewhere with its context on that side, as the quote itself edited.
    if (
      m.errors > exact.length * UNSUPPORTED_ERROR_RATE &&
      m.errors >= LOST_CLAUSE &&
      !nearestContextTouches(text, start, end, selectors, Math.min(64, m.errors + 2), 'both')
    ) {
      continue;
    }
    const score = rank(text, start, end, selectors, w) - (m.errors / exact.length) * 20;
    best = better(best, { start, end, score });
  }
  return best;
}

/** Longest text taken as inserted into a quote, between its first and its last words. */
const MAX_INSERTION = 400;

/**
 * True when `span` is `exact` with text inserted inside it, in one paragraph: it starts with the
 * quote's first part and ends with the rest, each holding a word ("B. About" + "Was her…. " + "About" for "B. About").
 */
function insertedInto(exact: string, span: string): boolean {
  if (span.length <= exact.length) return false;
  const head = commonPrefixLength(span, exact);
  const tail = commonSuffixLength(span, exact);
  if (head + tail < exact.length) return false;
  const split = Math.min(head, exact.length - 1);
  // A paragraph that came between the quote's two parts is a move that split it, not an edit.
  if (span.slice(split, span.length - (exact.length - split)).includes('\n')) return false;
  return /[\p{L}\p{N}]/u.test(exact.slice(0, split)) && /[\p{L}\p{N}]/u.test(exact.slice(split));
}

/**
 * The span between the end of the quote's prefix and the start of its suffix, both found word for
 * word: the quote as edited, however much, if it is not much longer and keeps half its words;
 * or the quote whole with text inserted inside it (see insertedInto).
 */
function bracketedIn(text: string, selectors: Selectors, w: Window): Match | null {
  const { exact, prefix, suffix } = selectors.quote;
  const before = prefix.slice(-BRACKET_CONTEXT);
  const after = suffix.slice(0, BRACKET_CONTEXT);
  // Too little context to bracket anything: it would be found everywhere.
  if (before.length < 8 && !(before.length === prefix.length && prefix.length < 32)) return null;
  if (after.length < 8 && !(after.length === suffix.length && suffix.length < 32)) return null;
  const maxSpan = exact.length * 2 + 32;
  const reach = Math.max(maxSpan, exact.length + MAX_INSERTION);
  const window = text.slice(w.start, w.end);
  let best: Match | null = null;
  let from = 0;
  for (;;) {
    const p = before ? window.indexOf(before, from) : from;
    if (p === -1) break;
    const start = w.start + p + before.length;
    const s = after
      ? window
          .slice(0, p + before.length + reach + after.length)
          .indexOf(after, p + before.length + 1)
      : Math.min(w.end - w.start, p + before.length + exact.length);
    const whole = s === -1 ? '' : text.slice(start, w.start + s);
    const trimmed =
      s === -1 || whole.length > maxSpan ? null : trimToQuoteWords(text, start, w.start + s, exact);
    if (
      s !== -1 &&
      insertedInto(exact, whole) &&
      isClusterBoundary(text, start) &&
      isClusterBoundary(text, w.start + s)
    ) {
      best = better(best, {
        start,
        end: w.start + s,
        score: rank(text, start, w.start + s, selectors, w),
      });
    } else if (trimmed) {
      const end = trimmed.end;
      const span = text.slice(trimmed.start, end);
      if (
        trimmed.start === start &&
        span.trim().length > 0 &&
        isClusterBoundary(text, start) &&
        isClusterBoundary(text, end) &&
        sharedWords(exact, span) >= MIN_SHARED_WORDS &&
        sharedWords(span, exact) >= MIN_SHARED_WORDS
      ) {
        best = better(best, { start, end, score: rank(text, start, end, selectors, w) });
      }
    }
    if (!before) break;
    from = p + 1;
  }
  return best;
}

/**
 * The quote in window `w` of `text`, cheapest way first; null when not there for sure. A match
 * in a place that is not clearly the quote's own (a copy of the quote elsewhere, with its
 * context) is taken only when no later way finds it in a place more like its own, edited,
 * and never where less than half its old neighbourhood is (an orphan is better than a copy).
 */
export function matchInWindow(text: string, selectors: Selectors, w: Window): Match | null {
  const ways = [exactIn, normalizedIn, w.isRegion ? bracketedIn : null, fuzzyIn];
  let best: Match | null = null;
  let bestLikeness = -1;
  for (const way of ways) {
    const found = way?.(text, selectors, w) ?? null;
    if (!found) continue;
    const likeness = w.likeness(found.start);
    if (likeness >= SURELY_OWN_PLACE) {
      // The very words with only part of their context may be a copy pasted elsewhere, the quote
      // itself edited in its place between its context: the better backed of the two.
      if (
        w.isRegion &&
        (way === exactIn || way === normalizedIn) &&
        contextScore(text, found.start, found.end, selectors) < 2
      ) {
        const bracketed = bracketedIn(text, selectors, w);
        if (
          bracketed &&
          bracketed.score > found.score &&
          (bracketed.end <= found.start || found.end <= bracketed.start) &&
          w.likeness(bracketed.start) >= SURELY_OWN_PLACE
        ) {
          return bracketed;
        }
      }
      return found;
    }
    if (likeness >= OWN_PLACE && likeness > bestLikeness) {
      best = found;
      bestLikeness = likeness;
    }
  }
  return best;
}
