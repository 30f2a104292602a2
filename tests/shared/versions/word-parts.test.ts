/**
 * wordParts: one paragraph's words as runs of the same, removed and inserted text, which read
 * back as the older and the newer paragraph; countWords counts letter-and-digit runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiffPart } from '../../../src/shared/contract/versions';
import { countWords, wordParts } from '../../../src/shared/versions/word-parts';

const older = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.kind !== 'inserted')
    .map((p) => p.text)
    .join('');
const newer = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.kind !== 'removed')
    .map((p) => p.text)
    .join('');

describe('wordParts', () => {
  it('joins changed words separated by spaces alone into one removed and one inserted run', () => {
    expect(wordParts('which Russia denies.', 'which Russia has denied.')).toEqual([
      { kind: 'same', text: 'which Russia ' },
      { kind: 'removed', text: 'denies' },
      { kind: 'inserted', text: 'has denied' },
      { kind: 'same', text: '.' },
    ]);
    expect(wordParts('They were said to be.', 'They are thought to be.')).toEqual([
      { kind: 'same', text: 'They ' },
      { kind: 'removed', text: 'were said' },
      { kind: 'inserted', text: 'are thought' },
      { kind: 'same', text: ' to be.' },
    ]);
  });

  it('keeps a word both texts share between two changes', () => {
    expect(wordParts('They said it was over.', 'They say it is not over.')).toEqual([
      { kind: 'same', text: 'They ' },
      { kind: 'removed', text: 'said' },
      { kind: 'inserted', text: 'say' },
      { kind: 'same', text: ' it ' },
      { kind: 'removed', text: 'was' },
      { kind: 'inserted', text: 'is not' },
      { kind: 'same', text: ' over.' },
    ]);
  });

  it('never splits a word: a changed letter replaces the whole word', () => {
    expect(wordParts('The goverment said no.', 'The government said no.')).toEqual([
      { kind: 'same', text: 'The ' },
      { kind: 'removed', text: 'goverment' },
      { kind: 'inserted', text: 'government' },
      { kind: 'same', text: ' said no.' },
    ]);
  });

  it('shows a change of spacing alone', () => {
    const parts = wordParts('Two  spaces here.', 'Two spaces here.');
    const changed = parts.filter((p) => p.kind !== 'same');
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((p) => /^\s+$/.test(p.text))).toBe(true);
    expect(older(parts)).toBe('Two  spaces here.');
    expect(newer(parts)).toBe('Two spaces here.');
  });

  it('shows a paragraph rewritten through and through as removed, then inserted', () => {
    const from = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
    const to = Array.from({ length: 200 }, (_, i) => `v${i}`).join(' ');
    expect(wordParts(from, to)).toEqual([
      { kind: 'removed', text: from },
      { kind: 'inserted', text: to },
    ]);
  });

  it('always reads back as the two texts, with no two neighbouring runs of one kind', () => {
    const word = fc.constantFrom(
      'a',
      'bb',
      'Ünï',
      'café',
      'cafe\u0301',
      '👍🏽',
      'שלום',
      '42',
      ',',
      '.',
    );
    const text = fc
      .array(fc.tuple(word, fc.constantFrom(' ', '  ', '\n', '')), { maxLength: 30 })
      .map((pairs) => pairs.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(text, text, (from, to) => {
        const parts = wordParts(from, to);
        expect(older(parts)).toBe(from);
        expect(newer(parts)).toBe(to);
        for (let i = 1; i < parts.length; i++) {
          expect(parts[i]!.kind === 'same' && parts[i - 1]!.kind === 'same').toBe(false);
          expect(parts[i]!.kind === parts[i - 1]!.kind).toBe(false);
        }
        expect(parts.every((p) => p.text !== '')).toBe(true);
      }),
    );
  });
});

describe('countWords', () => {
  it('counts runs of letters and digits, in any script', () => {
    expect(countWords('has denied')).toBe(2);
    expect(countWords(' — 42, “Ünïcode” שלום!')).toBe(3);
    expect(countWords('  ')).toBe(0);
  });
});
