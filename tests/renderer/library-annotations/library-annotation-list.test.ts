/**
 * All annotations without the browser: the sidebar's filter plus the article, the three orders
 * (newest and oldest by when each annotation was made; by article in title and document order),
 * and the choices each filter offers.
 */
import { describe, expect, it } from 'vitest';
import {
  EMPTY_LIBRARY_ANNOTATION_FILTER,
  filterLibraryAnnotations,
  isLibraryFilterEmpty,
  libraryFilterChoices,
  sortLibraryAnnotations,
  type LibraryAnnotationFilter,
} from '../../../src/renderer/src/library-annotations/library-annotation-list';
import type { LibraryAnnotation } from '../../../src/shared/contract/library-annotations';
import { APPLE, ENTRIES, KYIV, ZEBRA } from './fixtures';

const quotes = (list: readonly LibraryAnnotation[]) => list.map((e) => e.annotation.quote.exact);
const filter = (patch: Partial<LibraryAnnotationFilter>) =>
  filterLibraryAnnotations(ENTRIES, { ...EMPTY_LIBRARY_ANNOTATION_FILTER, ...patch });

describe('filterLibraryAnnotations', () => {
  it('answers the same list when no filter is set', () => {
    expect(filterLibraryAnnotations(ENTRIES, EMPTY_LIBRARY_ANNOTATION_FILTER)).toBe(ENTRIES);
    expect(isLibraryFilterEmpty(EMPTY_LIBRARY_ANNOTATION_FILTER)).toBe(true);
    expect(isLibraryFilterEmpty({ ...EMPTY_LIBRARY_ANNOTATION_FILTER, articleId: KYIV.id })).toBe(
      false,
    );
  });

  it('keeps only the chosen article’s annotations', () => {
    expect(quotes(filter({ articleId: KYIV.id }))).toEqual([
      'which Russia denies',
      'Russia planned to run false-flag operations',
    ]);
  });

  it('combines the article with the sidebar’s filters', () => {
    expect(quotes(filter({ articleId: KYIV.id, speaker: 'russia' }))).toEqual([
      'which Russia denies',
    ]);
    expect(quotes(filter({ articleId: KYIV.id, tag: 'CLIMATE' }))).toEqual([
      'Russia planned to run false-flag operations',
    ]);
    expect(quotes(filter({ articleId: ZEBRA.id, claimType: 'denial' }))).toEqual([]);
  });

  it('finds words in notes and tags across articles, accents and case aside', () => {
    expect(quotes(filter({ text: 'DUTCH' }))).toEqual(['stripes painted across the road']);
    expect(quotes(filter({ tag: 'climate' }))).toEqual([
      'the harvest came early',
      'Russia planned to run false-flag operations',
    ]);
    expect(quotes(filter({ color: 'pink', text: 'évidence' }))).toEqual([
      'Russia planned to run false-flag operations',
    ]);
  });
});

describe('sortLibraryAnnotations', () => {
  it('puts the newest or the oldest annotation first, by when it was made', () => {
    const shuffled = [ENTRIES[2]!, ENTRIES[0]!, ENTRIES[3]!, ENTRIES[1]!];
    expect(sortLibraryAnnotations(shuffled, 'newest')).toEqual(ENTRIES);
    expect(sortLibraryAnnotations(shuffled, 'oldest')).toEqual([...ENTRIES].reverse());
  });

  it('orders by an edit no more than by its creation', () => {
    const edited = ENTRIES.map((e, i) =>
      i === 3
        ? { ...e, annotation: { ...e.annotation, updatedAt: '2030-01-01T00:00:00.000Z' } }
        : e,
    );
    expect(sortLibraryAnnotations(edited, 'newest')[0]).toBe(edited[0]);
  });

  it('by article: articles by title, each one’s annotations in document order', () => {
    expect(sortLibraryAnnotations(ENTRIES, 'article').map((e) => e.article.id)).toEqual([
      APPLE.id,
      KYIV.id,
      KYIV.id,
      ZEBRA.id,
    ]);
    expect(quotes(sortLibraryAnnotations(ENTRIES, 'article')).slice(1, 3)).toEqual([
      'Russia planned to run false-flag operations', // at 100, before the denial at 150
      'which Russia denies',
    ]);
  });

  it('leaves the given list as it was', () => {
    const copy = [...ENTRIES];
    sortLibraryAnnotations(ENTRIES, 'oldest');
    expect(ENTRIES).toEqual(copy);
  });
});

describe('libraryFilterChoices', () => {
  it('offers the colours, tags, types, speakers and articles that are in use', () => {
    const choices = libraryFilterChoices(ENTRIES);
    expect(choices.colors).toEqual(['yellow', 'green', 'blue', 'pink']);
    // One spelling of a tag however it is written; sorted.
    expect(choices.tags.map((o) => o.value)).toEqual(['Climate', 'false flag', 'roads']);
    expect(choices.types.map((o) => o.value)).toEqual(['accusation', 'denial']);
    expect(choices.speakers.map((o) => o.value)).toEqual(['Russia', 'Western intelligence']);
    expect(choices.articles).toEqual([
      { value: APPLE.id, label: 'Apple harvest' },
      { value: KYIV.id, label: 'Negotiations continue' },
      { value: ZEBRA.id, label: 'Zebra crossings' },
    ]);
  });
});
