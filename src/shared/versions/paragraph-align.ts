/**
 * Aligning two lists of paragraphs: which runs of the older list were replaced by which runs of
 * the newer, every other paragraph being the same in both. Book-scale texts (10,000 paragraphs,
 * thousands changed) are too many edits for a plain Myers diff, so this is a patience diff:
 * paragraphs found exactly once in each list anchor the alignment (their longest increasing run),
 * and only the gaps between anchors go to jsdiff's `diffArrays`, with a bound on its work.
 */
import { diffArrays } from 'diff';

/** Older paragraphs [fromStart, fromEnd) replaced by newer paragraphs [toStart, toEnd). */
export interface Hunk {
  readonly fromStart: number;
  readonly fromEnd: number;
  readonly toStart: number;
  readonly toEnd: number;
}

/** Beyond this many edits a gap is not diffed further: all of it counts as replaced. */
const MAX_GAP_EDITS = 2000;

/** The hunks that turn `from` into `to`, in order; identical lists give none. */
export function alignParagraphs(from: readonly string[], to: readonly string[]): Hunk[] {
  const hunks: Hunk[] = [];
  alignRange(from, to, 0, from.length, 0, to.length, hunks);
  return hunks;
}

function push(hunks: Hunk[], fromStart: number, fromEnd: number, toStart: number, toEnd: number) {
  if (fromStart === fromEnd && toStart === toEnd) return;
  hunks.push({ fromStart, fromEnd, toStart, toEnd });
}

function alignRange(
  a: readonly string[],
  b: readonly string[],
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  hunks: Hunk[],
): void {
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) {
    aLo++;
    bLo++;
  }
  while (aHi > aLo && bHi > bLo && a[aHi - 1] === b[bHi - 1]) {
    aHi--;
    bHi--;
  }
  if (aLo === aHi || bLo === bHi) return push(hunks, aLo, aHi, bLo, bHi);
  // The usual gap, one paragraph edited in place: nothing in it can match.
  if (aHi - aLo === 1 && bHi - bLo === 1) return push(hunks, aLo, aHi, bLo, bHi);

  const anchors = uniqueAnchors(a, b, aLo, aHi, bLo, bHi);
  if (anchors.length === 0) return diffGap(a, b, aLo, aHi, bLo, bHi, hunks);
  let ai = aLo;
  let bi = bLo;
  for (const [ax, bx] of anchors) {
    alignRange(a, b, ai, ax, bi, bx, hunks);
    ai = ax + 1;
    bi = bx + 1;
  }
  alignRange(a, b, ai, aHi, bi, bHi, hunks);
}

/**
 * Pairs (index in a, index in b) of paragraphs found once in each range, kept in both lists'
 * order: the longest run increasing in b among them sorted by a (patience sorting).
 */
function uniqueAnchors(
  a: readonly string[],
  b: readonly string[],
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
): [number, number][] {
  // For each text: how often in a, its index there, how often in b, its index there.
  const seen = new Map<string, [number, number, number, number]>();
  for (let i = aLo; i < aHi; i++) {
    const entry = seen.get(a[i]!);
    if (entry) entry[0]++;
    else seen.set(a[i]!, [1, i, 0, -1]);
  }
  for (let j = bLo; j < bHi; j++) {
    const entry = seen.get(b[j]!);
    if (!entry) continue;
    entry[2]++;
    entry[3] = j;
  }
  const pairs: [number, number][] = [];
  for (const [countA, i, countB, j] of seen.values()) {
    if (countA === 1 && countB === 1) pairs.push([i, j]);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  return longestIncreasing(pairs);
}

/** The longest subsequence of `pairs` (sorted by their first) increasing in their second. */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = []; // index into pairs of the smallest tail of each length
  const previous = new Array<number>(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const value = pairs[k]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const result: [number, number][] = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k !== -1; k = previous[k]!) {
    result.push(pairs[k]!);
  }
  return result.reverse();
}

/** A gap with no unique paragraph in common: Myers on it, bounded; all of it if too different. */
function diffGap(
  a: readonly string[],
  b: readonly string[],
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  hunks: Hunk[],
): void {
  const inB = new Set(b.slice(bLo, bHi));
  const shared = a.slice(aLo, aHi).some((text) => inB.has(text));
  const changes = shared
    ? diffArrays(a.slice(aLo, aHi), b.slice(bLo, bHi), { maxEditLength: MAX_GAP_EDITS })
    : undefined;
  if (!changes) return push(hunks, aLo, aHi, bLo, bHi);
  let ai = aLo;
  let bi = bLo;
  let start: [number, number] | null = null;
  for (const change of changes) {
    if (!change.added && !change.removed) {
      if (start) push(hunks, start[0], ai, start[1], bi);
      start = null;
      ai += change.count;
      bi += change.count;
      continue;
    }
    start ??= [ai, bi];
    if (change.removed) ai += change.count;
    else bi += change.count;
  }
  if (start) push(hunks, start[0], ai, start[1], bi);
}
