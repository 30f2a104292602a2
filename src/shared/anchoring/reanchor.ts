/**
 * Re-anchoring every annotation of an article onto a new version of its text, at once, cheapest
 * first:
 * 1. the old position still holds the quote and its context;
 * 2. the quote's paragraph is still in the new text, word for word (kept or moved): O(1) offset map;
 *    or the quote is in the part both texts end with: the same place, shifted;
 * 3. otherwise, in the part of the new text that replaced its paragraph: the exact quote chosen
 *    by context and distance, then in another Unicode normalization, then bracketed by its
 *    context, then an approximate match with bounded errors, scored by quote, context, distance;
 * 4. otherwise, the same ways in the new paragraph most like its old one (moved and edited);
 * 5. otherwise, anywhere new text came in: around the quote's rarest words only, exact or
 *    approximate, and only when its context backs the match.
 * Anything else is an orphan: an orphan is always better than an anchor on other words. An edited
 * match is then extended over first or last words replaced in place (see edge-words.ts).
 */
import { contextMatchesAt, isClusterBoundary, type Anchor } from './anchor';
import { BlockMap, type Region } from './block-map';
import { extendOverReplacedEdges } from './edge-words';
import { ParagraphPairs } from './paragraph-pairs';
import { describeRange, positionMatchesQuote, type Selectors } from './selectors';
import { matchInWindow, type Match } from './window-match';
import { WordIndex, seedWords, wordsOf } from './words';

export interface ReanchorItem {
  readonly id: string;
  /** Where the annotation was in the older text (its selectors there). */
  readonly selectors: Selectors;
}

export interface Reanchored {
  readonly id: string;
  /**
   * Relative to the older text: `anchored` (the same words at the same offsets), `moved` (the
   * same words elsewhere), `changed` (other words: edited, or another Unicode normalization),
   * or `orphan` (not found).
   */
  readonly anchor: Anchor;
  /** The annotation's selectors described in the newer text; null for an orphan. */
  readonly selectors: Selectors | null;
}

/** Longest part of the new text searched as the replacement of a quote's paragraph(s). */
const REGION_LENGTH = 16_000;
/** Seeds tried per quote, and hits per seed: a word found more often says little. */
const SEED_WORDS = 3;
const SEED_HITS = 8;

/** Characters on each side of a quote whose words tell its place from a copy's. */
const NEIGHBOURHOOD = 400;
/** Fewer words than this around a quote say nothing about its place. */
const MIN_PLACE_WORDS = 3;

/**
 * The words of the text `of` answers, of 4 letters or more ("the" and "and" are everywhere and
 * would make any place look alike), made on first use: most quotes are found without them.
 */
function lazyWordSet(of: () => string): () => Set<string> {
  let words: Set<string> | undefined;
  return () => (words ??= new Set(wordsOf(of()).filter((w) => w.length >= 4)));
}

/** Share of `words` in `among`; 1 when too few words to tell. */
function shareIn(words: Set<string>, among: Set<string>): number {
  if (words.size < MIN_PLACE_WORDS) return 1;
  let found = 0;
  for (const w of words) if (among.has(w)) found++;
  return found / words.size;
}

class Reanchorer {
  private readonly blocks: BlockMap;
  private index: WordIndex | undefined;
  private pairs: ParagraphPairs | undefined;
  /** Words of the new blocks looked at, by block index. */
  private readonly newBlockWords = new Map<number, Set<string>>();

  constructor(
    private readonly oldText: string,
    private readonly text: string,
  ) {
    this.blocks = new BlockMap(oldText, text);
  }

  /**
   * For a quote at `[start, end)` of the old text: how much of its place a match at new offset
   * `at` is in, 0–1: the larger share of the words of its paragraph, and of its neighbourhood
   * (NEIGHBOURHOOD characters each side), still around the match (both without the quote's own
   * words). A copy of the quote elsewhere may bring its context along, not its place. The
   * paragraph tells a quote whose paragraph moved; the neighbourhood, one whose paragraph lost
   * much of its text or that spans paragraphs.
   */
  private likenessFor(start: number, end: number): (at: number) => number {
    const old = this.oldText;
    const [from, to] = this.blocks.oldBlockAt(start);
    const length = end - start;
    const paragraph = lazyWordSet(
      () => `${old.slice(from, Math.max(from, start))} ${old.slice(Math.min(end, to), to)}`,
    );
    const neighbourhood = lazyWordSet(
      () =>
        `${old.slice(Math.max(0, start - NEIGHBOURHOOD), start)} ${old.slice(end, end + NEIGHBOURHOOD)}`,
    );
    return (at) => {
      const [b, bFrom, bTo] = this.blocks.newBlockAt(at);
      let inBlock = this.newBlockWords.get(b);
      if (!inBlock) {
        inBlock = new Set(wordsOf(this.text.slice(bFrom, bTo)));
        this.newBlockWords.set(b, inBlock);
      }
      const byParagraph = shareIn(paragraph(), inBlock);
      if (byParagraph >= 1) return byParagraph;
      const text = this.text;
      const near = new Set(
        wordsOf(
          `${text.slice(Math.max(0, at - NEIGHBOURHOOD), at)} ${text.slice(at + length, at + length + NEIGHBOURHOOD)}`,
        ),
      );
      return Math.max(byParagraph, shareIn(neighbourhood(), near));
    };
  }

  private ending: number | undefined;

  /** Length of the longest text both texts end with (a quote there is where it was, shifted). */
  private sameEnding(): number {
    if (this.ending === undefined) {
      const a = this.oldText;
      const b = this.text;
      let n = 0;
      while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
      this.ending = n;
    }
    return this.ending;
  }

  /** Where the quote of `selectors` is in the new text, or null. */
  place(selectors: Selectors): { start: number; end: number } | null {
    const { text } = this;
    const { exact } = selectors.quote;
    const { start, end } = selectors.position;
    if (exact.length === 0) return null;
    if (positionMatchesQuote(text, selectors) && contextMatchesAt(text, selectors)) {
      return { start, end };
    }
    if (0 <= start && start < end) {
      const at = this.blocks.mapped(start, end);
      if (at !== null && text.startsWith(exact, at)) return { start: at, end: at + exact.length };
      // A quote across paragraphs: its first or its last paragraph may still be there whole,
      // moved with the rest of the quote.
      const from = this.blocks.mapped(start, start);
      if (from !== null && text.startsWith(exact, from)) {
        return { start: from, end: from + exact.length };
      }
      const to = this.blocks.mapped(end, end);
      if (to !== null && to >= exact.length && text.startsWith(exact, to - exact.length)) {
        return { start: to - exact.length, end: to };
      }
      // In the part both texts end with, character for character: the same place, shifted.
      if (start >= this.oldText.length - this.sameEnding()) {
        const shift = text.length - this.oldText.length;
        if (text.startsWith(exact, start + shift) && isClusterBoundary(text, start + shift)) {
          return { start: start + shift, end: end + shift };
        }
      }
    }
    const region = this.blocks.region(
      Math.max(0, start),
      Math.max(0, start, end),
      Math.max(REGION_LENGTH, exact.length * 4),
    );
    const likeness = this.likenessFor(Math.max(0, start), Math.max(0, start, end));
    // Its paragraph is still there in another normalization, perhaps moved: looked in first.
    const block = 0 <= start && start < end ? this.blocks.normalizedBlock(start, end) : null;
    if (block) {
      const found = matchInWindow(text, selectors, { ...block, isRegion: true, likeness });
      if (found) return found;
    }
    const local = matchInWindow(text, selectors, { ...region, isRegion: true, likeness });
    if (local) return local;
    const paired = this.pairedWindow(selectors, region);
    if (paired) {
      const found = matchInWindow(text, selectors, { ...paired, isRegion: true, likeness });
      if (found) return found;
    }
    return this.placeAnywhere(selectors, region.expected, likeness);
  }

  /**
   * The new paragraph that is the quote's old paragraph moved and edited (see ParagraphPairs),
   * run on over the next ones as far as the quote may reach; null when none, or when it lies in
   * the region already searched.
   */
  private pairedWindow(selectors: Selectors, region: Region): Region | null {
    const { start, end } = selectors.position;
    if (!(0 <= start && start < end)) return null;
    const old = this.blocks.oldBlock(start);
    if (old.kept) return null;
    this.pairs ??= new ParagraphPairs(this.oldText, this.text, this.blocks.newBlocksUnpaired());
    const pair = this.pairs.pairOf(old.index, old.start, old.end);
    if (!pair) return null;
    const [from, to] = pair;
    if (from >= region.start && to <= region.end) return null;
    const expected = from + Math.min(start - old.start, to - from);
    const length = selectors.quote.exact.length;
    return {
      start: from,
      end: Math.min(this.text.length, Math.max(to, expected + length + (length >> 1) + 32)),
      expected,
    };
  }

  /** Around the quote's rarest words in the new text's changed blocks. */
  private placeAnywhere(
    selectors: Selectors,
    expected: number,
    likeness: (at: number) => number,
  ): Match | null {
    const { exact } = selectors.quote;
    this.index ??= new WordIndex(this.text, this.blocks.newBlocksChanged());
    const slack = Math.min(64, Math.floor(exact.length / 4)) + 16;
    const tried = new Set<number>();
    let best: Match | null = null;
    for (const seed of seedWords(exact, this.index).slice(0, SEED_WORDS)) {
      if (seed.count > SEED_HITS) break;
      for (const hit of this.index.find(seed.word)) {
        const start = Math.max(0, hit - seed.offset - slack);
        if (tried.has(start)) continue;
        tried.add(start);
        const end = Math.min(this.text.length, hit - seed.offset + exact.length + slack);
        const found = matchInWindow(this.text, selectors, {
          start,
          end,
          expected,
          isRegion: false,
          likeness,
        });
        if (found && (!best || found.score > best.score)) best = found;
      }
    }
    return best;
  }
}

/** Places every item of `oldText` in `newText`; answers one result per item, in their order. */
export function reanchorAll(
  oldText: string,
  newText: string,
  items: readonly ReanchorItem[],
): Reanchored[] {
  const reanchorer = new Reanchorer(oldText, newText);
  return items.map(({ id, selectors }) => {
    const placed = reanchorer.place(selectors);
    if (!placed) return { id, anchor: { status: 'orphan' }, selectors: null };
    const found =
      newText.slice(placed.start, placed.end) === selectors.quote.exact
        ? placed
        : extendOverReplacedEdges(newText, placed.start, placed.end, selectors.quote);
    const described = describeRange(newText, found.start, found.end);
    const status =
      described.quote.exact !== selectors.quote.exact
        ? 'changed'
        : found.start === selectors.position.start
          ? 'anchored'
          : 'moved';
    return { id, anchor: { status, start: found.start, end: found.end }, selectors: described };
  });
}
