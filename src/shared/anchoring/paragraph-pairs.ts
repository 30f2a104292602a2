/**
 * Paragraphs both moved and edited: neither in the new text word for word (no landmark) nor in
 * the part that replaced them, and, in a text of common words, without a rare word to seed a
 * search. Each changed old paragraph is paired with the changed new paragraph that shares the
 * most of its shingles (three words in a row; a fixed sample of them, each found in one new
 * paragraph only), clearly more than any other. An index of the new paragraphs' shingles, made
 * once, on first need, answers each old paragraph in time linear in its words.
 */

/** One shingle in SAMPLE is indexed and compared (chosen by its hash). */
const SAMPLE = 4;
/** Fewest (sampled) shingles shared, and share of the old paragraph's, for a pair. */
const MIN_SHARED = 3;
const MIN_SHARE = 0.3;
/** The best new paragraph must share this many times more shingles than the next best. */
const CLEAR_LEAD = 2;

/**
 * True for a code unit that is part of a word: ASCII letters and digits, and anything from
 * U+00C0 on but general punctuation (quotes, dashes) and a few symbols. Cruder than words.ts's
 * Unicode classes, and many times faster over megabytes; the same in both texts, which is all a
 * signature needs.
 */
function isWordUnit(c: number): boolean {
  if (c < 0xc0) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x206f) && c !== 0x3000;
}

/**
 * 31-bit hashes of a fixed sample of the shingles (three words in a row, ASCII letters folded
 * to lower case) of `text` from `from` to `to`, scanned without making strings.
 */
function shingles(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  let a = 0;
  let b = 0;
  let words = 0;
  let h = 0;
  let inWord = false;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 32;
    if (isWordUnit(c)) {
      if (!inWord) {
        h = 0x811c9dc5;
        inWord = true;
      }
      h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), 0x01000193);
    } else if (inWord) {
      inWord = false;
      if (++words >= 3) {
        const s = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ h) & 0x7fffffff;
        // The same sample in both texts: a quarter of the index to build.
        if (s % SAMPLE === 0) out.push(s);
      }
      a = b;
      b = h;
    }
  }
  return out;
}

export class ParagraphPairs {
  /** Shingle → index (into `blocks`) of the one new paragraph holding it, or -1: several. */
  private readonly index = new Map<number, number>();
  private readonly pairs = new Map<number, readonly [number, number] | null>();

  constructor(
    private readonly oldText: string,
    text: string,
    /** `[start, end)` of the new text's changed paragraphs. */
    private readonly blocks: ReadonlyArray<readonly [number, number]>,
  ) {
    blocks.forEach(([from, to], b) => {
      for (const h of shingles(text, from, to)) {
        const known = this.index.get(h);
        if (known === undefined) this.index.set(h, b);
        else if (known !== b) this.index.set(h, -1);
      }
    });
  }

  /**
   * `[start, end)` of the new paragraph that is old paragraph `[start, end)` (index `key`) moved
   * and edited, or null when none is clearly it.
   */
  pairOf(key: number, start: number, end: number): readonly [number, number] | null {
    const known = this.pairs.get(key);
    if (known !== undefined) return known;
    const mine = new Set(shingles(this.oldText, start, end));
    const votes = new Map<number, number>();
    for (const h of mine) {
      const b = this.index.get(h);
      if (b !== undefined && b >= 0) votes.set(b, (votes.get(b) ?? 0) + 1);
    }
    let best = -1;
    let first = 0;
    let second = 0;
    for (const [b, n] of votes) {
      if (n > first) {
        second = first;
        first = n;
        best = b;
      } else if (n > second) second = n;
    }
    const pair =
      best >= 0 &&
      first >= MIN_SHARED &&
      first >= mine.size * MIN_SHARE &&
      first >= second * CLEAR_LEAD
        ? this.blocks[best]!
        : null;
    this.pairs.set(key, pair);
    return pair;
  }
}
