/** The shared word diff: whole words, removed before inserted, whitespace not counted. */
import { describe, expect, it } from 'vitest';
import { wordDiff, wordsOf } from '../../../src/shared/text/word-diff';

describe('wordDiff', () => {
  it('marks the words that changed, the removed run before the run replacing it', () => {
    expect(wordDiff('which Russia denies', 'which Russia has denied')).toEqual([
      { kind: 'same', words: ['which', 'Russia'] },
      { kind: 'removed', words: ['denies'] },
      { kind: 'inserted', words: ['has', 'denied'] },
    ]);
  });

  it('finds nothing changed when only whitespace differs', () => {
    expect(wordDiff('a  b\n c', ' a b c ')).toEqual([{ kind: 'same', words: ['a', 'b', 'c'] }]);
  });

  it('handles an empty side: everything removed, or everything inserted', () => {
    expect(wordDiff('gone words', '')).toEqual([{ kind: 'removed', words: ['gone', 'words'] }]);
    expect(wordDiff('', 'new')).toEqual([{ kind: 'inserted', words: ['new'] }]);
  });

  it('keeps punctuation and marks with their word', () => {
    expect(wordsOf('“false-flag operations”—which café')).toEqual([
      '“false-flag',
      'operations”—which',
      'café',
    ]);
  });
});
