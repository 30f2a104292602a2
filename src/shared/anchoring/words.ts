/**
 * Words, for re-anchoring: a quote's words compared with a candidate's (an edited quote keeps most
 * of its words), and an index of where each word of the changed parts of a new text is, so that a
 * quote that left its paragraph is looked for only around its rarest words, not across megabytes.
 */

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** True for text of ASCII only (no code unit above U+007F). */
const isAscii = (text: string): boolean => !/[\u0080-\uffff]/.test(text);

/** A word as compared: NFC, lower case (ASCII needs no normalizing: the common case, spared). */
const key = (word: string): string => (isAscii(word) ? word : word.normalize('NFC')).toLowerCase();

/** The words of `text` as compared (see key), normalized once for the whole text. */
export function wordsOf(text: string): string[] {
  const lower = (isAscii(text) ? text : text.normalize('NFC')).toLowerCase();
  return lower.match(WORD) ?? [];
}

/**
 * Share of `quote`'s words (counted with repeats) that are also in `candidate`; 0 when the
 * candidate has more than twice as many words plus two, which no edit of the quote would.
 */
export function sharedWords(quote: string, candidate: string): number {
  const a = wordsOf(quote);
  const b = wordsOf(candidate);
  if (a.length === 0) return quote === candidate ? 1 : 0;
  if (b.length > a.length * 2 + 2) return 0;
  const left = new Map<string, number>();
  for (const w of b) left.set(w, (left.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of a) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      shared++;
      left.set(w, n - 1);
    }
  }
  return shared / a.length;
}

/** Where each word of some ranges of a text starts. */
export class WordIndex {
  private readonly positions = new Map<string, number[]>();

  constructor(text: string, ranges: ReadonlyArray<readonly [number, number]>) {
    for (const [from, to] of ranges) {
      const slice = text.slice(from, to);
      for (const m of slice.matchAll(WORD)) {
        const k = key(m[0]);
        const list = this.positions.get(k);
        if (list) list.push(from + m.index);
        else this.positions.set(k, [from + m.index]);
      }
    }
  }

  /** Where `word` (already a key, see wordsOf) starts; empty when nowhere. */
  find(word: string): readonly number[] {
    return this.positions.get(word) ?? [];
  }
}

/**
 * The quote's words with their offsets in it, without the first and last when they may be cut
 * (a quote can start or end inside a word), rarest in `index` first, absent ones left out.
 */
export function seedWords(
  quote: string,
  index: WordIndex,
): Array<{ word: string; offset: number; count: number }> {
  const all = [...quote.matchAll(WORD)].map((m) => ({ word: key(m[0]), offset: m.index }));
  const inner = all.length >= 3 ? all.slice(1, -1) : all;
  return inner
    .map((w) => ({ ...w, count: index.find(w.word).length }))
    .filter((w) => w.count > 0)
    .sort((a, b) => a.count - b.count || b.word.length - a.word.length);
}

/** True when `a` becomes `b` by one letter replaced, added or removed. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return i + j >= Math.max(a.length, b.length) - 1;
}

/**
 * Like enough to be the same word edited: equal; sharing a prefix of 4 letters or more and all
 * but two letters of the shorter ("report", "reported"); or, from 5 letters, one typo apart.
 * Looser likeness ("then" for "their") let a match run on over neighbouring words.
 */
function similarWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) >= 5 && oneEditApart(a, b)) return true;
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n >= Math.max(4, Math.min(a.length, b.length) - 2);
}

/** Shorter words at a match's end are kept only next to another word of the quote. */
const ISOLATED_WORD_LENGTH = 6;

/**
 * The first and last word of `words` in a longest common subsequence with `mine` (words alike
 * count as common); null when they share none.
 */
function commonRun(words: readonly string[], mine: readonly string[]): [number, number] | null {
  const n = words.length;
  const m = mine.length;
  // lcs[i][j] (flat): longest common subsequence of words[i..] and mine[j..].
  const lcs = new Uint16Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  const alike = new Uint8Array(n * m);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const same = similarWord(mine[j]!, words[i]!);
      alike[i * m + j] = same ? 1 : 0;
      lcs[at(i, j)] = same
        ? lcs[at(i + 1, j + 1)]! + 1
        : Math.max(lcs[at(i + 1, j)]!, lcs[at(i, j + 1)]!);
    }
  }
  if (lcs[0] === 0) return null;
  const aligned = new Uint8Array(n);
  for (let i = 0, j = 0; i < n && j < m;) {
    if (alike[i * m + j] && lcs[at(i, j)] === lcs[at(i + 1, j + 1)]! + 1) {
      aligned[i] = 1;
      i++;
      j++;
    } else if (lcs[at(i + 1, j)]! >= lcs[at(i, j + 1)]!) i++;
    else j++;
  }
  let first = aligned.indexOf(1);
  let last = aligned.lastIndexOf(1);
  // A short word cut off from the rest by other words ("the countess.” Happy serfs") is as
  // likely a neighbour that happens to be a quote word too: left out.
  const isolated = (i: number, inward: number) =>
    !aligned[i + inward] && words[i]!.length < ISOLATED_WORD_LENGTH;
  while (first < last && isolated(first, 1)) first = aligned.indexOf(1, first + 1);
  while (last > first && isolated(last, -1)) last = aligned.lastIndexOf(1, last - 1);
  return [first, last];
}

/**
 * `[start, end)` of `text` trimmed to the first and last of its words that follow the quote's
 * words in order (their longest common subsequence, words alike counting as common): an
 * approximate match runs on over neighbouring words when part of the quote was deleted, and may
 * take along a word of the quote out of its order ("bright honour. Perhaps who" for "Perhaps
 * who … life bright suddenly"). Null when no word of the span is like the quote's.
 */
export function trimToQuoteWords(
  text: string,
  start: number,
  end: number,
  quote: string,
): { start: number; end: number } | null {
  const mine = wordsOf(quote);
  const span = text.slice(start, end);
  const words = [...span.matchAll(WORD)];
  if (mine.length === 0 || words.length === 0) return { start, end };
  const run = commonRun(
    words.map((m) => key(m[0])),
    mine,
  );
  if (!run) return null;
  const [first, last] = run;
  const from = first === 0 ? start : start + words[first]!.index!;
  let to = end;
  if (last < words.length - 1) {
    const w = words[last]!;
    to = start + w.index! + w[0].length;
    // Keep the punctuation that closes the kept word ("said." and "battle.”").
    while (to < end && /[^\s\p{L}\p{N}]/u.test(text[to]!)) to++;
  }
  return to > from ? { start: from, end: to } : null;
}
