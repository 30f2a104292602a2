/** From a re-anchoring to the place stored: the words as annotated, and the stored status. */
import { describe, expect, it } from 'vitest';
import type { AnnotationPlace } from '../../../src/shared/contract/versions';
import { placeFrom } from '../../../src/main/versions/reanchor-places';

const place = (exact: string, start: number, originalQuote: string | null): AnnotationPlace => ({
  quote: { exact, prefix: 'p', suffix: 's' },
  position: { start, end: start + exact.length },
  originalQuote,
  anchor: {
    status: originalQuote === null ? 'anchored' : 'changed',
    start,
    end: start + exact.length,
  },
});

const found = (exact: string, start: number, status: 'anchored' | 'moved' | 'changed') => ({
  id: 'a',
  anchor: { status, start, end: start + exact.length },
  selectors: {
    quote: { exact, prefix: 'P', suffix: 'S' },
    position: { start, end: start + exact.length },
  },
});

describe('placeFrom', () => {
  it('an orphan keeps its last selectors and the words as annotated', () => {
    const before = place('has denied', 10, 'denies');
    expect(placeFrom(before, { id: 'a', anchor: { status: 'orphan' }, selectors: null })).toEqual({
      ...before,
      anchor: { status: 'orphan' },
    });
  });

  it('new words keep the words as first annotated and are stored as changed', () => {
    expect(placeFrom(place('denies', 10, null), found('has denied', 10, 'changed'))).toMatchObject({
      quote: { exact: 'has denied', prefix: 'P' },
      originalQuote: 'denies',
      anchor: { status: 'changed', start: 10, end: 20 },
    });
    // Changed twice: still the words as annotated, not the version before's.
    expect(
      placeFrom(place('has denied', 10, 'denies'), found('denied', 12, 'changed')),
    ).toMatchObject({ originalQuote: 'denies', anchor: { status: 'changed' } });
  });

  it('words that are the same as annotated are stored as the re-anchor found them', () => {
    expect(placeFrom(place('denies', 10, null), found('denies', 14, 'moved')).anchor).toEqual({
      status: 'moved',
      start: 14,
      end: 20,
    });
    // Back to the words as annotated: no longer changed.
    const back = placeFrom(place('has denied', 10, 'denies'), found('denies', 10, 'changed'));
    expect(back.originalQuote).toBeNull();
    expect(back.anchor).toEqual({ status: 'anchored', start: 10, end: 16 });
    const backElsewhere = placeFrom(
      place('has denied', 10, 'denies'),
      found('denies', 30, 'changed'),
    );
    expect(backElsewhere.anchor.status).toBe('moved');
  });
});
