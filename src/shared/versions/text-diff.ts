/**
 * The differences between two versions' canonical texts, paragraph by paragraph (text blocks,
 * joined by BLOCK_SEPARATOR), with removed and inserted words marked. Paragraphs are aligned
 * first (paragraph-align.ts); within each replaced run, an older and a newer paragraph that share
 * most of their words are paired as one "changed" paragraph with a word diff, and the others are
 * "removed" or "inserted" whole. A moved paragraph is removed in one place and inserted in another.
 */
import type { DiffPart, ParagraphChange } from '../contract/versions';
import { BLOCK_SEPARATOR } from '../document/canonical-text';
import { alignParagraphs, type Hunk } from './paragraph-align';
import { countWords, wordParts } from './word-parts';

export interface TextDiff {
  readonly changes: ParagraphChange[];
  readonly wordsRemoved: number;
  readonly wordsInserted: number;
}

/** Share of words two paragraphs must have in common to be shown as one changed paragraph. */
const SIMILAR = 0.4;
/** Runs with more pairs than this are paired by position rather than by the best alignment. */
const MAX_PAIRING_CELLS = 10_000;

interface Paragraphs {
  readonly texts: string[];
  /** Canonical offset of each paragraph's first character, then the text's length. */
  readonly starts: number[];
}

function paragraphsOf(text: string): Paragraphs {
  const texts = text.split(BLOCK_SEPARATOR);
  const starts: number[] = [];
  let offset = 0;
  for (const paragraph of texts) {
    starts.push(offset);
    offset += paragraph.length + BLOCK_SEPARATOR.length;
  }
  starts.push(text.length);
  return { texts, starts };
}

export function diffTexts(from: string, to: string): TextDiff {
  if (from === to) return { changes: [], wordsRemoved: 0, wordsInserted: 0 };
  const older = paragraphsOf(from);
  const newer = paragraphsOf(to);
  const changes: ParagraphChange[] = [];
  for (const hunk of alignParagraphs(older.texts, newer.texts)) {
    changesOf(hunk, older, newer, changes);
  }
  let wordsRemoved = 0;
  let wordsInserted = 0;
  for (const change of changes) {
    for (const part of change.parts) {
      if (part.kind === 'removed') wordsRemoved += countWords(part.text);
      else if (part.kind === 'inserted') wordsInserted += countWords(part.text);
    }
  }
  return { changes, wordsRemoved, wordsInserted };
}

/** One hunk as changes, in order: paired paragraphs changed, the rest removed or inserted. */
function changesOf(hunk: Hunk, older: Paragraphs, newer: Paragraphs, out: ParagraphChange[]) {
  const removed = older.texts.slice(hunk.fromStart, hunk.fromEnd);
  const inserted = newer.texts.slice(hunk.toStart, hunk.toEnd);
  let i = 0;
  let j = 0;
  const add = (kind: ParagraphChange['kind'], parts: DiffPart[]) => {
    if (parts.every((part) => part.text === '')) return; // an empty paragraph shows nothing
    out.push({
      kind,
      parts,
      fromOffset: older.starts[hunk.fromStart + i]!,
      toOffset: newer.starts[hunk.toStart + j]!,
    });
  };
  // The usual hunk, one paragraph edited in place: its word diff says whether it is the same
  // paragraph changed (enough text kept) or another one in its place.
  if (removed.length === 1 && inserted.length === 1) {
    const parts = wordParts(removed[0]!, inserted[0]!);
    let kept = 0;
    for (const part of parts) if (part.kind === 'same') kept += part.text.length;
    if ((2 * kept) / (removed[0]!.length + inserted[0]!.length) >= SIMILAR) {
      return add('changed', parts);
    }
  }
  for (const [ri, ij] of pairsOf(removed, inserted)) {
    for (; i < ri; i++) add('removed', [{ kind: 'removed', text: removed[i]! }]);
    for (; j < ij; j++) add('inserted', [{ kind: 'inserted', text: inserted[j]! }]);
    add('changed', wordParts(removed[i]!, inserted[j]!));
    i++;
    j++;
  }
  for (; i < removed.length; i++) add('removed', [{ kind: 'removed', text: removed[i]! }]);
  for (; j < inserted.length; j++) add('inserted', [{ kind: 'inserted', text: inserted[j]! }]);
}

/** Words of a paragraph, as a set, for similarity. */
function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Dice similarity of two paragraphs' word sets (1 when both have no words and are equal). */
function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const word of small) if (large.has(word)) common++;
  return (2 * common) / (a.size + b.size);
}

/**
 * Which removed paragraph pairs with which inserted one, both increasing: the order-keeping
 * pairing with the most similarity, among pairs similar enough (by position when the run is huge).
 */
function pairsOf(removed: readonly string[], inserted: readonly string[]): [number, number][] {
  const n = removed.length;
  const m = inserted.length;
  if (n === 0 || m === 0) return [];
  const a = removed.map(wordSet);
  const b = inserted.map(wordSet);
  if (n * m > MAX_PAIRING_CELLS) {
    const pairs: [number, number][] = [];
    for (let k = 0; k < Math.min(n, m); k++) {
      if (similarity(a[k]!, b[k]!) >= SIMILAR) pairs.push([k, k]);
    }
    return pairs;
  }
  // score[i][j]: best total similarity pairing removed[i..] with inserted[j..].
  const width = m + 1;
  const score = new Float64Array((n + 1) * width);
  const sim = new Float64Array(n * m);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = similarity(a[i]!, b[j]!);
      sim[i * m + j] = s;
      const skip = Math.max(score[(i + 1) * width + j]!, score[i * width + j + 1]!);
      const take = s >= SIMILAR ? s + score[(i + 1) * width + j + 1]! : -1;
      score[i * width + j] = Math.max(skip, take);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = sim[i * m + j]!;
    if (s >= SIMILAR && score[i * width + j] === s + score[(i + 1) * width + j + 1]!) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (score[i * width + j] === score[(i + 1) * width + j]) i++;
    else j++;
  }
  return pairs;
}
