/** Selectors: describing a range of canonical text with a quote (exact + context) and a position. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONTEXT_LENGTH,
  describeRange,
  positionMatchesQuote,
} from '../../../src/shared/anchoring/selectors';

const TEXT =
  'Western intelligence reports have said that Russia planned to run “false-flag operations” ' +
  'to create a pretense for invasion or to make Ukraine more favorable to it—which Russia denies.';

describe('describeRange', () => {
  it('keeps the exact words, CONTEXT_LENGTH characters of context each side, and the position', () => {
    const start = TEXT.indexOf('“false-flag');
    const end = TEXT.indexOf('” ') + 1;
    const selectors = describeRange(TEXT, start, end);
    expect(selectors.quote.exact).toBe('“false-flag operations”');
    expect(selectors.quote.prefix).toBe(TEXT.slice(start - CONTEXT_LENGTH, start));
    expect(selectors.quote.prefix).toHaveLength(CONTEXT_LENGTH);
    expect(selectors.quote.prefix.endsWith('planned to run ')).toBe(true);
    expect(selectors.quote.suffix).toBe(TEXT.slice(end, end + CONTEXT_LENGTH));
    expect(selectors.quote.suffix).toHaveLength(CONTEXT_LENGTH);
    expect(selectors.quote.suffix.startsWith(' to create a pretense')).toBe(true);
    expect(selectors.position).toEqual({ start, end });
  });

  it('has a short or empty context at the edges of the text', () => {
    const atStart = describeRange(TEXT, 0, 7);
    expect(atStart.quote).toEqual({
      exact: 'Western',
      prefix: '',
      suffix: TEXT.slice(7, 7 + CONTEXT_LENGTH),
    });
    const atEnd = describeRange(TEXT, TEXT.length - 7, TEXT.length);
    expect(atEnd.quote.exact).toBe('denies.');
    expect(atEnd.quote.suffix).toBe('');
    const near = describeRange('ab cd', 3, 5);
    expect(near.quote).toEqual({ exact: 'cd', prefix: 'ab ', suffix: '' });
  });

  it('describes a whole text', () => {
    const selectors = describeRange('abc', 0, 3);
    expect(selectors).toEqual({
      quote: { exact: 'abc', prefix: '', suffix: '' },
      position: { start: 0, end: 3 },
    });
  });

  it.each([
    ['an empty range', 5, 5],
    ['a reversed range', 6, 5],
    ['a negative start', -1, 4],
    ['an end past the text', 0, TEXT.length + 1],
    ['NaN bounds', Number.NaN, 4],
  ])('throws a RangeError for %s', (_name, start, end) => {
    expect(() => describeRange(TEXT, start, end)).toThrow(RangeError);
  });

  it('throws a RangeError for any range of an empty text', () => {
    expect(() => describeRange('', 0, 0)).toThrow(RangeError);
    expect(() => describeRange('', 0, 1)).toThrow(/outside a text of length 0/);
  });

  it('always describes a range so that the position matches the quote (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }).chain((text) =>
          fc
            .tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length }))
            .filter(([a, b]) => a !== b)
            .map(([a, b]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) })),
        ),
        ({ text, start, end }) => {
          const selectors = describeRange(text, start, end);
          expect(selectors.quote.prefix + selectors.quote.exact + selectors.quote.suffix).toBe(
            text.slice(Math.max(0, start - CONTEXT_LENGTH), end + CONTEXT_LENGTH),
          );
          expect(selectors.quote.prefix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
          expect(selectors.quote.suffix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
          expect(positionMatchesQuote(text, selectors)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('positionMatchesQuote', () => {
  const selectors = describeRange(TEXT, 44, 50); // "Russia"

  it('is true while the position still holds the exact words', () => {
    expect(selectors.quote.exact).toBe('Russia');
    expect(positionMatchesQuote(TEXT, selectors)).toBe(true);
  });

  it('is false once the words at the position differ', () => {
    expect(positionMatchesQuote('X' + TEXT, selectors)).toBe(false);
    expect(positionMatchesQuote(TEXT.replace('Russia', 'Россия'), selectors)).toBe(false);
  });

  it('is false when the position falls outside the text or is empty or reversed', () => {
    expect(positionMatchesQuote(TEXT.slice(0, 48), selectors)).toBe(false);
    expect(positionMatchesQuote(TEXT, { ...selectors, position: { start: 50, end: 44 } })).toBe(
      false,
    );
    expect(
      positionMatchesQuote(TEXT, {
        quote: { exact: '', prefix: '', suffix: '' },
        position: { start: 3, end: 3 },
      }),
    ).toBe(false);
    expect(positionMatchesQuote(TEXT, { ...selectors, position: { start: -6, end: 0 } })).toBe(
      false,
    );
  });
});
