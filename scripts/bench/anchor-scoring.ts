/**
 * The anchoring benchmark's scoring: each engine's answer for an annotation, against the truth
 * the revision generator kept.
 */
import type { Span, Truth } from './anchor-revisions';

export type Outcome = 'correct' | 'partial' | 'wrong' | 'orphaned';

export const SCORING_RULES = [
  'correct: the same words: exactly their new place; edited words: an anchor overlapping them',
  '  whose start and end each lie within one word of theirs (the text between holds at most one',
  '  word); words gone (deleted): an orphan; a quote split by a paragraph move: an orphan, or an',
  '  anchor so placed on one of its pieces.',
  'partial: overlaps the words but misses by more than that.',
  'wrong: anchored on other words (nothing of the truth), or anchored when the words are gone.',
  'orphaned: no anchor while the words are there.',
].join('\n');

/** How many words the text between two offsets holds. */
function wordsBetween(text: string, a: number, b: number): number {
  const between = text.slice(Math.min(a, b), Math.max(a, b));
  return between.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

function close(text: string, found: Span, truth: Span): boolean {
  return (
    overlaps(found, truth) &&
    wordsBetween(text, found.start, truth.start) <= 1 &&
    wordsBetween(text, found.end, truth.end) <= 1
  );
}

/** Scores one engine's `found` anchor (null: orphan) in the revised `text` against `truth`. */
export function score(text: string, truth: Truth, found: Span | null): Outcome {
  if (truth.kind === 'deleted') return found ? 'wrong' : 'correct';
  if (truth.kind === 'split') {
    if (!found) return 'correct';
    if (truth.fragments.some((f) => close(text, found, f))) return 'correct';
    return truth.fragments.some((f) => overlaps(found, f)) ? 'partial' : 'wrong';
  }
  if (!found) return 'orphaned';
  if (truth.kind === 'same') {
    if (found.start === truth.start && found.end === truth.end) return 'correct';
  } else if (close(text, found, truth)) return 'correct';
  return overlaps(found, truth) ? 'partial' : 'wrong';
}

export type Tally = Record<Outcome, number>;

export const emptyTally = (): Tally => ({ correct: 0, partial: 0, wrong: 0, orphaned: 0 });
