/**
 * Block map: which paragraphs of an older text are still in a newer one, and where. Canonical
 * texts join their blocks with BLOCK_SEPARATOR; a block that occurs exactly once in each text is
 * the same block (kept in place or moved), so any offset inside it maps in O(1). Blocks that are
 * only in another Unicode normalization are paired too, as landmarks, but not mapped offset by
 * offset. Everything between two landmarks is a changed region, searched on its own.
 */
import { BLOCK_SEPARATOR } from '../document/canonical-text';

interface Blocks {
  readonly starts: number[];
  readonly ends: number[];
  readonly strings: string[];
}

function splitBlocks(text: string): Blocks {
  const strings = text.split(BLOCK_SEPARATOR);
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const s of strings) {
    starts.push(at);
    ends.push(at + s.length);
    at += s.length + BLOCK_SEPARATOR.length;
  }
  return { starts, ends, strings };
}

/** Index of the block holding `offset` (the one before it when `offset` is on a separator). */
function blockAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Pairs the blocks whose key occurs exactly once in each list, skipping already paired ones. */
function pairUnique(
  oldKeys: readonly string[],
  newKeys: readonly string[],
  oldToNew: Int32Array,
  newPaired: Uint8Array,
): void {
  const inNew = new Map<string, number>();
  for (let i = 0; i < newKeys.length; i++) {
    if (newPaired[i]) continue;
    const k = newKeys[i]!;
    inNew.set(k, inNew.has(k) ? -1 : i);
  }
  const inOld = new Map<string, number>();
  for (let i = 0; i < oldKeys.length; i++) {
    if (oldToNew[i]! >= 0) continue;
    const k = oldKeys[i]!;
    inOld.set(k, inOld.has(k) ? -1 : i);
  }
  for (const [k, o] of inOld) {
    if (o < 0 || k.length === 0) continue;
    const n = inNew.get(k);
    if (n === undefined || n < 0) continue;
    oldToNew[o] = n;
    newPaired[n] = 1;
  }
}

/**
 * Unpairs the landmarks that are out of order (`pairs[old]` = new block or -1), keeping the
 * longest run of them in the same order in both texts: a moved paragraph is no landmark for the
 * paragraphs it left, or the part that replaced them would be looked for where it went.
 */
function keepInOrder(pairs: Int32Array): void {
  const olds: number[] = [];
  for (let i = 0; i < pairs.length; i++) if (pairs[i]! >= 0) olds.push(i);
  // Longest increasing subsequence of pairs[olds[k]], by patience sorting.
  const tails: number[] = []; // tails[len-1]: index k ending the best run of that length
  const previous = new Int32Array(olds.length).fill(-1);
  for (let k = 0; k < olds.length; k++) {
    const value = pairs[olds[k]!]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[olds[tails[mid]!]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const kept = new Uint8Array(olds.length);
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) kept[k] = 1;
  olds.forEach((o, k) => {
    if (!kept[k]) pairs[o] = -1;
  });
}

export interface Region {
  readonly start: number;
  readonly end: number;
  /** Where the old offset `from` is expected to be in the new text. */
  readonly expected: number;
}

export class BlockMap {
  private readonly old: Blocks;
  private readonly new: Blocks;
  /** Old block → new block with the very same string, or -1. */
  private readonly sameBlock: Int32Array;
  /** Old block → new block with the same string or the same string in NFC, moved or not, or -1. */
  private readonly nfcBlock: Int32Array;
  /** Old block → new block with the same string or the same string in NFC, in order, or -1. */
  private readonly landmark: Int32Array;
  /** Per old block: the nearest landmark block at or before it, and at or after it (-1: none). */
  private readonly landmarkBefore: Int32Array;
  private readonly landmarkAfter: Int32Array;
  private readonly newLength: number;
  private readonly oldLength: number;

  constructor(oldText: string, newText: string) {
    this.old = splitBlocks(oldText);
    this.new = splitBlocks(newText);
    this.oldLength = oldText.length;
    this.newLength = newText.length;
    const oldCount = this.old.strings.length;
    const newPaired = new Uint8Array(this.new.strings.length);
    this.sameBlock = new Int32Array(oldCount).fill(-1);
    pairUnique(this.old.strings, this.new.strings, this.sameBlock, newPaired);
    this.landmark = Int32Array.from(this.sameBlock);
    const nfc = (s: string) => s.normalize('NFC');
    if (this.landmark.some((n) => n < 0)) {
      pairUnique(
        this.old.strings.map((s, i) => (this.landmark[i]! < 0 ? nfc(s) : '')),
        this.new.strings.map((s, i) => (newPaired[i] ? '' : nfc(s))),
        this.landmark,
        newPaired,
      );
    }
    this.nfcBlock = Int32Array.from(this.landmark);
    keepInOrder(this.landmark);
    this.landmarkBefore = new Int32Array(oldCount);
    this.landmarkAfter = new Int32Array(oldCount);
    let last = -1;
    for (let i = 0; i < oldCount; i++) {
      if (this.landmark[i]! >= 0) last = i;
      this.landmarkBefore[i] = last;
    }
    last = -1;
    for (let i = oldCount - 1; i >= 0; i--) {
      if (this.landmark[i]! >= 0) last = i;
      this.landmarkAfter[i] = last;
    }
  }

  /**
   * `[start, end)` of the new block that is the old block holding `[start, end)` of the old text
   * in another Unicode normalization (kept in place or moved), with where `start` is expected
   * there; null when the range is not in one such block.
   */
  normalizedBlock(start: number, end: number): Region | null {
    const b = blockAt(this.old.starts, start);
    const n = this.nfcBlock[b]!;
    if (end > this.old.ends[b]! || n < 0 || this.sameBlock[b]! >= 0) return null;
    const from = this.new.starts[n]!;
    return { start: from, end: this.new.ends[n]!, expected: from + (start - this.old.starts[b]!) };
  }

  /** `[start, end)` of the old block holding old offset `at`. */
  oldBlockAt(at: number): readonly [number, number] {
    const b = blockAt(this.old.starts, at);
    return [this.old.starts[b]!, this.old.ends[b]!];
  }

  /** Index and `[start, end)` of the new block holding new offset `at`. */
  newBlockAt(at: number): readonly [number, number, number] {
    const b = blockAt(this.new.starts, at);
    return [b, this.new.starts[b]!, this.new.ends[b]!];
  }

  /**
   * The old block holding old offset `at`: its index and `[start, end)`, and whether it is still
   * in the new text (word for word or in another normalization, kept in place or moved).
   */
  oldBlock(at: number): { index: number; start: number; end: number; kept: boolean } {
    const b = blockAt(this.old.starts, at);
    return {
      index: b,
      start: this.old.starts[b]!,
      end: this.old.ends[b]!,
      kept: this.nfcBlock[b]! >= 0,
    };
  }

  /** `[start, end)` of every new block that is not an old block, word for word or in NFC. */
  newBlocksUnpaired(): Array<readonly [number, number]> {
    const paired = new Uint8Array(this.new.strings.length);
    for (const n of this.nfcBlock) if (n >= 0) paired[n] = 1;
    const out: Array<readonly [number, number]> = [];
    for (let i = 0; i < paired.length; i++) {
      if (!paired[i]) out.push([this.new.starts[i]!, this.new.ends[i]!]);
    }
    return out;
  }

  /** `[start, end)` of every new block that is not an old block word for word. */
  newBlocksChanged(): Array<readonly [number, number]> {
    const paired = new Uint8Array(this.new.strings.length);
    for (const n of this.sameBlock) if (n >= 0) paired[n] = 1;
    const out: Array<readonly [number, number]> = [];
    for (let i = 0; i < paired.length; i++) {
      if (!paired[i]) out.push([this.new.starts[i]!, this.new.ends[i]!]);
    }
    return out;
  }

  /**
   * Where `[start, end)` of the old text is in the new text when it lies in one block that is
   * still there, word for word (kept or moved); null otherwise.
   */
  mapped(start: number, end: number): number | null {
    const b = blockAt(this.old.starts, start);
    if (end > this.old.ends[b]!) return null;
    const n = this.sameBlock[b]!;
    if (n < 0) return null;
    return this.new.starts[n]! + (start - this.old.starts[b]!);
  }

  /**
   * The part of the new text that replaced `[start, end)` of the old one: from the end of the
   * nearest landmark block before it to the start of the nearest one after it, in the new text.
   * When landmarks cross (a paragraph moved over), or the region is too long to search, a window
   * of `maxLength` around the expected place instead.
   */
  region(start: number, end: number, maxLength: number): Region {
    const first = blockAt(this.old.starts, start);
    const last = blockAt(this.old.starts, Math.max(start, end - 1));
    const p = first > 0 ? this.landmarkBefore[first - 1]! : -1;
    const n = last + 1 < this.landmarkAfter.length ? this.landmarkAfter[last + 1]! : -1;
    const oldFrom = p >= 0 ? this.old.ends[p]! : 0;
    const oldTo = n >= 0 ? this.old.starts[n]! : this.oldLength;
    const newFrom = p >= 0 ? this.new.ends[this.landmark[p]!]! : 0;
    let newTo = n >= 0 ? this.new.starts[this.landmark[n]!]! : this.newLength;
    if (newTo < newFrom) newTo = Math.min(this.newLength, newFrom + (oldTo - oldFrom) + maxLength);
    const ratio = oldTo > oldFrom ? (newTo - newFrom) / (oldTo - oldFrom) : 1;
    const expected = Math.round(newFrom + (start - oldFrom) * ratio);
    if (newTo - newFrom <= maxLength) return { start: newFrom, end: newTo, expected };
    const half = Math.floor(maxLength / 2);
    const from = Math.max(newFrom, Math.min(expected - half, newTo - maxLength));
    return { start: from, end: Math.min(newTo, from + maxLength), expected };
  }
}
