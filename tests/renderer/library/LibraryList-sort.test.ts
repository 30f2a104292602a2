/**
 * The library's orders: each key both ways, missing values (no site, no byline, no or an
 * unreadable date) last whichever the direction, and ties broken by title, newest added, id.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../src/shared/contract/entities';
import { sortArticles, type LibrarySort } from '../../../src/renderer/src/library/library-sort';
import { articleNamed } from './fixtures';

function article(n: number, fields: Partial<ArticleSummary>): ArticleSummary {
  return { ...articleNamed(`Article ${n}`, n), ...fields };
}

const A = article(1, {
  title: 'banana split',
  site: 'example.org',
  byline: 'Zoë Adams',
  publishedAt: '2021-05-01',
  addedAt: '2024-03-01T10:00:00.000Z',
  annotationCount: 3,
});
const B = article(2, {
  title: 'Apple pie',
  site: null,
  byline: 'anna Berg',
  publishedAt: null,
  addedAt: '2024-03-03T10:00:00.000Z',
  annotationCount: 0,
});
const C = article(3, {
  title: 'Cherry tart',
  site: 'Bbc.co.uk',
  byline: null,
  publishedAt: '2023-01-15T08:30:00Z',
  addedAt: '2024-03-02T10:00:00.000Z',
  annotationCount: 12,
});
const D = article(4, {
  title: 'Date loaf',
  site: 'another.net',
  byline: '  ',
  publishedAt: 'sometime last spring',
  addedAt: '2024-02-01T10:00:00.000Z',
  annotationCount: 3,
});
const ALL = [A, B, C, D];

const titles = (sort: LibrarySort, articles = ALL) =>
  sortArticles(articles, sort).map((a) => a.title);

describe('sorting the library', () => {
  it('sorts by title ignoring case, A to Z and Z to A', () => {
    expect(titles({ key: 'title', direction: 'ascending' })).toEqual([
      'Apple pie',
      'banana split',
      'Cherry tart',
      'Date loaf',
    ]);
    expect(titles({ key: 'title', direction: 'descending' })).toEqual([
      'Date loaf',
      'Cherry tart',
      'banana split',
      'Apple pie',
    ]);
  });

  it('sorts by site, articles without one last both ways', () => {
    expect(titles({ key: 'site', direction: 'ascending' })).toEqual([
      'Date loaf',
      'Cherry tart',
      'banana split',
      'Apple pie',
    ]);
    expect(titles({ key: 'site', direction: 'descending' })).toEqual([
      'banana split',
      'Cherry tart',
      'Date loaf',
      'Apple pie',
    ]);
  });

  it('sorts by byline, a blank byline counting as none and last both ways', () => {
    expect(titles({ key: 'byline', direction: 'ascending' })).toEqual([
      'Apple pie',
      'banana split',
      'Cherry tart',
      'Date loaf',
    ]);
    expect(titles({ key: 'byline', direction: 'descending' })).toEqual([
      'banana split',
      'Apple pie',
      'Cherry tart',
      'Date loaf',
    ]);
  });

  it('sorts by publication date, missing and unreadable dates last both ways', () => {
    expect(titles({ key: 'published', direction: 'ascending' })).toEqual([
      'banana split',
      'Cherry tart',
      'Apple pie',
      'Date loaf',
    ]);
    expect(titles({ key: 'published', direction: 'descending' })).toEqual([
      'Cherry tart',
      'banana split',
      'Apple pie',
      'Date loaf',
    ]);
  });

  it('sorts by date added, newest first or oldest first', () => {
    expect(titles({ key: 'added', direction: 'descending' })).toEqual([
      'Apple pie',
      'Cherry tart',
      'banana split',
      'Date loaf',
    ]);
    expect(titles({ key: 'added', direction: 'ascending' })).toEqual([
      'Date loaf',
      'banana split',
      'Cherry tart',
      'Apple pie',
    ]);
  });

  it('sorts by annotation count, ties in title order whichever the direction', () => {
    expect(titles({ key: 'annotations', direction: 'descending' })).toEqual([
      'Cherry tart',
      'banana split',
      'Date loaf',
      'Apple pie',
    ]);
    expect(titles({ key: 'annotations', direction: 'ascending' })).toEqual([
      'Apple pie',
      'banana split',
      'Date loaf',
      'Cherry tart',
    ]);
  });

  it('sorts by last opened, never-opened (and unreadable) last both ways', () => {
    const opened = [
      { ...A, lastOpenedAt: '2024-05-02T09:00:00.000Z' },
      { ...B, lastOpenedAt: null },
      { ...C, lastOpenedAt: '2024-05-03T09:00:00.000Z' },
      { ...D, lastOpenedAt: 'not a date' },
    ];
    expect(titles({ key: 'opened', direction: 'descending' }, opened)).toEqual([
      'Cherry tart',
      'banana split',
      'Apple pie',
      'Date loaf',
    ]);
    expect(titles({ key: 'opened', direction: 'ascending' }, opened)).toEqual([
      'banana split',
      'Cherry tart',
      'Apple pie',
      'Date loaf',
    ]);
  });

  it('sorts by claim count, ties in title order whichever the direction', () => {
    const claims = [
      { ...A, claimCount: 2 },
      { ...B, claimCount: 0 },
      { ...C, claimCount: 5 },
      { ...D, claimCount: 2 },
    ];
    expect(titles({ key: 'claims', direction: 'descending' }, claims)).toEqual([
      'Cherry tart',
      'banana split',
      'Date loaf',
      'Apple pie',
    ]);
    expect(titles({ key: 'claims', direction: 'ascending' }, claims)).toEqual([
      'Apple pie',
      'banana split',
      'Date loaf',
      'Cherry tart',
    ]);
  });

  it('breaks a tie of equal titles by newest added, then by id, whatever order they came in', () => {
    const older = article(7, { title: 'Same', addedAt: '2024-01-01T00:00:00.000Z' });
    const newer = article(8, { title: 'same', addedAt: '2024-06-01T00:00:00.000Z' });
    const twinA = article(5, { title: 'Same', addedAt: '2024-01-01T00:00:00.000Z' });
    const ids = (list: ArticleSummary[]) =>
      sortArticles(list, { key: 'title', direction: 'ascending' }).map((a) => a.id);
    const expected = [newer.id, twinA.id, older.id];
    expect(ids([older, newer, twinA])).toEqual(expected);
    expect(ids([twinA, older, newer])).toEqual(expected);
  });

  it('leaves the list it was given as it was', () => {
    const given = [...ALL];
    sortArticles(given, { key: 'title', direction: 'ascending' });
    expect(given).toEqual(ALL);
  });
});
