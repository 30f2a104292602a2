/** The library list as the store holds it: replies' article changes applied by id, newest first. */
import { describe, expect, it } from 'vitest';
import { applyLibraryChanges } from '../../../src/renderer/src/store/library';
import type { ArticleSummary } from '../../../src/shared/contract/entities';
import { changesOf, testId } from '../../support/annotation-builder';

function article(n: number, addedAt: string, fields: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id: testId(n),
    title: `Article ${n}`,
    byline: null,
    site: null,
    sourceUrl: null,
    publishedAt: null,
    addedAt,
    annotationCount: 0,
    canonicalUrl: null,
    language: null,
    direction: null,
    origin: 'file',
    sourceFileName: null,
    lastOpenedAt: null,
    claimCount: 0,
    orphanCount: 0,
    tags: [],
    facets: { annotationTags: [], speakers: [], claimTypes: [] },
    ...fields,
  };
}

const NEW = article(3, '2024-03-01T00:00:00.000Z');
const MIDDLE = article(2, '2024-02-01T00:00:00.000Z');
const OLD = article(1, '2024-01-01T00:00:00.000Z');
const LIBRARY = [NEW, MIDDLE, OLD];

describe('applyLibraryChanges', () => {
  it('replaces a changed summary where it is', () => {
    const counted = { ...MIDDLE, annotationCount: 4 };
    const next = applyLibraryChanges(LIBRARY, changesOf({ articles: [counted] }));
    expect(next).toEqual([NEW, counted, OLD]);
    expect(next![0]).toBe(NEW);
    expect(LIBRARY[1]).toBe(MIDDLE); // the list it was applied to is left as it was
  });

  it('adds an article in the service’s order: newest first, then by id descending', () => {
    const newest = article(4, '2024-04-01T00:00:00.000Z');
    const between = article(5, '2024-01-15T00:00:00.000Z');
    const sameTime = article(9, OLD.addedAt);
    const next = applyLibraryChanges(LIBRARY, changesOf({ articles: [between, newest, sameTime] }));
    expect(next!.map((a) => a.id)).toEqual([
      newest.id,
      NEW.id,
      MIDDLE.id,
      between.id,
      sameTime.id,
      OLD.id,
    ]);
  });

  it('removes deleted articles', () => {
    const next = applyLibraryChanges(LIBRARY, changesOf({ removedArticles: [NEW.id, OLD.id] }));
    expect(next).toEqual([MIDDLE]);
  });

  it('restores a deleted article to its place', () => {
    const without = applyLibraryChanges(LIBRARY, changesOf({ removedArticles: [MIDDLE.id] }));
    expect(applyLibraryChanges(without, changesOf({ articles: [MIDDLE] }))).toEqual(LIBRARY);
  });

  it('answers the same list when the reply changed no article', () => {
    expect(applyLibraryChanges(LIBRARY, changesOf())).toBe(LIBRARY);
  });

  it('answers the same list when every summary in the reply is as it was (a note saved)', () => {
    const same = { ...MIDDLE, facets: { ...MIDDLE.facets } }; // equal, not the same object
    expect(applyLibraryChanges(LIBRARY, changesOf({ articles: [same] }))).toBe(LIBRARY);
    expect(
      applyLibraryChanges(LIBRARY, changesOf({ removedArticles: [article(7, OLD.addedAt).id] })),
    ).toBe(LIBRARY);
    const claimed = { ...MIDDLE, claimCount: 1 };
    expect(applyLibraryChanges(LIBRARY, changesOf({ articles: [same, claimed] }))![1]).toEqual(
      claimed,
    );
  });

  it('leaves a library not read yet unread (its first read will have everything)', () => {
    expect(applyLibraryChanges(null, changesOf({ articles: [NEW] }))).toBeNull();
  });
});
