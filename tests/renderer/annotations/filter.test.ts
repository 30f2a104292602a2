/** The sidebar's filter: each criterion alone, together, and the words of the search. */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../src/shared/contract/entities';
import {
  EMPTY_FILTER,
  distinctValues,
  filterAnnotations,
  isFilterEmpty,
} from '../../../src/renderer/src/annotations/filter';
import { buildAnnotation } from '../../support/annotation-builder';

function annotation(id: string, fields: Partial<Annotation>): Annotation {
  return buildAnnotation({
    id,
    articleId: 'article',
    exact: id,
    createdAt: '2022-02-11T00:00:00.000Z',
    ...fields,
  });
}

const list = [
  annotation('accusation', {
    quote: { exact: 'Russia planned to run “false-flag operations”', prefix: '', suffix: '' },
    claim: { type: 'accusation', speaker: 'Western intelligence', status: 'unverified' },
    tags: ['False-flag'],
  }),
  annotation('denial', {
    quote: { exact: 'which Russia denies', prefix: '', suffix: '' },
    color: 'pink',
    claim: { type: 'denial', speaker: 'Russia', status: 'disputed' },
  }),
  annotation('finding', {
    quote: { exact: 'the White House finding of January 14th', prefix: '', suffix: '' },
    color: 'green',
    note: 'Déjà reported by CNN',
    tags: ['evidence', 'false-flag'],
  }),
];

const ids = (filter: Partial<typeof EMPTY_FILTER>) =>
  filterAnnotations(list, { ...EMPTY_FILTER, ...filter }).map((a) => a.id);

describe('filterAnnotations', () => {
  it('keeps everything, in order, with an empty filter', () => {
    expect(isFilterEmpty(EMPTY_FILTER)).toBe(true);
    expect(isFilterEmpty({ ...EMPTY_FILTER, text: '  ' })).toBe(true);
    expect(ids({})).toEqual(['accusation', 'denial', 'finding']);
  });

  it('matches every word of the text in the quote, note, tags, type or speaker', () => {
    expect(ids({ text: 'russia' })).toEqual(['accusation', 'denial']);
    expect(ids({ text: 'Russia denies' })).toEqual(['denial']);
    expect(ids({ text: 'deja cnn' })).toEqual(['finding']);
    expect(ids({ text: 'western' })).toEqual(['accusation']);
    expect(ids({ text: 'evidence' })).toEqual(['finding']);
    expect(ids({ text: 'nothing like this' })).toEqual([]);
  });

  it('narrows by colour, tag, claim type and speaker', () => {
    expect(isFilterEmpty({ ...EMPTY_FILTER, color: 'pink' })).toBe(false);
    expect(ids({ color: 'pink' })).toEqual(['denial']);
    expect(ids({ tag: 'false-flag' })).toEqual(['accusation', 'finding']);
    expect(ids({ claimType: 'Denial' })).toEqual(['denial']);
    expect(ids({ speaker: 'russia' })).toEqual(['denial']);
    expect(ids({ speaker: 'Nobody' })).toEqual([]);
  });

  it('requires every criterion at once', () => {
    expect(ids({ tag: 'false-flag', color: 'green' })).toEqual(['finding']);
    expect(ids({ tag: 'false-flag', claimType: 'denial' })).toEqual([]);
    expect(ids({ text: 'russia', color: 'yellow' })).toEqual(['accusation']);
  });
});

describe('distinctValues', () => {
  it('keeps the first spelling of each value, sorted, without blanks', () => {
    expect(
      distinctValues(['false-flag', 'Evidence', 'False-flag', ' ', 'evidence', 'nato']),
    ).toEqual(['Evidence', 'false-flag', 'nato']);
  });
});
