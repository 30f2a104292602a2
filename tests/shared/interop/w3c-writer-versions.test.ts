/**
 * The W3C export of an article with a newer version: a changed annotation travels by its new
 * selectors with its original words in a body of their own; an orphan by its TextQuoteSelector
 * alone (its position holds nothing of it).
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../src/shared/contract/entities';
import { toAnnotationCollection } from '../../../src/shared/interop/w3c-writer';
import { buildAnnotation } from '../../support/annotation-builder';

const ARTICLE = '0190d6e4-8f6b-7c3a-9d2e-1a2b3c4d5e6f';
const NEW_TEXT =
  'Western intelligence reports have said that Russia planned to run “false-flag operations” ' +
  'to create a pretense for invasion, which Russia has denied.';

const changed = buildAnnotation({
  articleId: ARTICLE,
  text: NEW_TEXT,
  exact: 'which Russia has denied',
  originalQuote: 'which Russia denies',
  anchor: { status: 'changed', start: NEW_TEXT.indexOf('which'), end: NEW_TEXT.length - 1 },
});
const orphan = buildAnnotation({
  articleId: ARTICLE,
  quote: {
    exact: 'the number of Russian forces is going up',
    prefix: 'Stoltenberg said that “',
    suffix: ', the warning time',
  },
  position: { start: 200, end: 240 },
  anchor: { status: 'orphan' },
});

function exported(annotations: Annotation[]) {
  const collection = toAnnotationCollection({
    articles: [
      {
        article: {
          id: ARTICLE,
          title: 'Negotiations',
          byline: null,
          site: null,
          sourceUrl: null,
          publishedAt: null,
        },
        text: NEW_TEXT,
        annotations,
        currentVersion: { number: 2, addedAt: '2026-02-12T09:30:00.000Z' },
      },
    ],
    exportedAt: '2026-03-01T00:00:00.000Z',
    label: 'test',
    collectionId: '0190d700-0000-7000-8000-00000000c011',
  });
  return collection.first?.items ?? [];
}

describe('W3C export of changed and orphaned annotations', () => {
  it('gives a changed annotation its new selectors and its original words in a body', () => {
    const [item] = exported([changed]);
    const start = NEW_TEXT.indexOf('which Russia has denied');
    expect(item!.target.selector).toEqual([
      { type: 'TextQuoteSelector', ...changed.quote },
      { type: 'TextPositionSelector', start, end: start + 'which Russia has denied'.length },
    ]);
    expect(changed.quote.exact).toBe('which Russia has denied');
    expect(item!.body).toContainEqual({
      type: 'TextualBody',
      purpose: 'describing',
      'marginalia:role': 'originalQuote',
      value: 'which Russia denies',
    });
  });

  it('gives an orphan only its TextQuoteSelector, with its context', () => {
    const [item] = exported([orphan]);
    expect(item!.target.selector).toEqual([{ type: 'TextQuoteSelector', ...orphan.quote }]);
    expect(JSON.stringify(item)).not.toContain('TextPositionSelector');
  });
});
