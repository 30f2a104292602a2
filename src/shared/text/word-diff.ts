/**
 * The words that changed between a passage as it was annotated and as it reads now, as runs of
 * whole words: the same in both, only in the old words, or only in the new. Shared by the
 * sidebar's card (struck and inserted words) and the Markdown export (~~old~~ **new**), so both
 * say the same thing.
 */
import { diffArrays } from 'diff';

export interface WordRun {
  readonly kind: 'same' | 'removed' | 'inserted';
  /** The run's words, in order (whitespace between them is not kept). */
  readonly words: readonly string[];
}

/** The words of a text, split on any whitespace. */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/u).filter((word) => word !== '');
}

/** Runs of whole words from `before` to `after`; a removed run comes before the run replacing it. */
export function wordDiff(before: string, after: string): WordRun[] {
  return diffArrays(wordsOf(before), wordsOf(after)).map((part) => ({
    kind: part.removed ? 'removed' : part.added ? 'inserted' : 'same',
    words: part.value,
  }));
}
