/**
 * Library annotations for the All annotations tests: three articles, annotations made on
 * different days (listed newest first, as the service answers), notes, tags and claims; and a
 * generator for 10,000.
 */
import { HIGHLIGHT_COLORS } from '../../../src/shared/contract/entities';
import type { LibraryAnnotation } from '../../../src/shared/contract/library-annotations';
import { buildAnnotation } from '../../support/annotation-builder';

const id = (n: number) => `0190b000-0000-7000-8000-${String(n).padStart(12, '0')}`;

export const KYIV = { id: id(1), title: 'Negotiations continue', publishedAt: '2022-02-11' };
export const ZEBRA = { id: id(2), title: 'Zebra crossings', publishedAt: null };
export const APPLE = { id: id(3), title: 'Apple harvest', publishedAt: '2023-09-01' };

function entry(
  article: LibraryAnnotation['article'],
  n: number,
  fields: Parameters<typeof buildAnnotation>[0],
): LibraryAnnotation {
  return {
    article,
    annotation: buildAnnotation({ id: id(100 + n), articleId: article.id, ...fields }),
  };
}

/** Newest first: the order `listLibraryAnnotations` answers. */
export const ENTRIES: readonly LibraryAnnotation[] = [
  entry(ZEBRA, 1, {
    exact: 'stripes painted across the road',
    start: 40,
    createdAt: '2024-05-04T10:00:00.000Z',
    note: 'Compare with the Dutch rules.',
    tags: ['roads'],
    color: 'green',
  }),
  entry(KYIV, 2, {
    exact: 'which Russia denies',
    start: 150,
    createdAt: '2024-05-03T10:00:00.000Z',
    claim: { type: 'denial', speaker: 'Russia', status: 'unverified' },
    color: 'blue',
  }),
  entry(APPLE, 3, {
    exact: 'the harvest came early',
    start: 10,
    createdAt: '2024-05-02T10:00:00.000Z',
    tags: ['Climate'],
  }),
  entry(KYIV, 4, {
    exact: 'Russia planned to run false-flag operations',
    start: 100,
    createdAt: '2024-05-01T10:00:00.000Z',
    note: 'No evidence published.',
    tags: ['false flag', 'climate'],
    claim: { type: 'accusation', speaker: 'Western intelligence', status: 'disputed' },
    color: 'pink',
  }),
];

/** `count` annotations over 200 articles, newest first, every third with a note. */
export function manyEntries(count: number): LibraryAnnotation[] {
  const articles = Array.from({ length: 200 }, (_, i) => ({
    id: id(10_000 + i),
    title: `Article number ${i}`,
    publishedAt: i % 2 ? '2021-03-04' : null,
  }));
  const base = Date.UTC(2025, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const n = count - 1 - i; // newest first
    const article = articles[n % articles.length]!;
    return {
      article,
      annotation: buildAnnotation({
        id: id(1_000_000 + n),
        articleId: article.id,
        exact: `Passage ${n} of a long article about many things`,
        start: n * 10,
        createdAt: new Date(base + n * 60_000).toISOString(),
        note: n % 3 === 0 ? `Note on passage ${n}` : '',
        tags: [`tag ${n % 30}`],
        color: HIGHLIGHT_COLORS[n % HIGHLIGHT_COLORS.length]!,
        claim:
          n % 7 === 0
            ? { type: 'denial', speaker: `Speaker ${n % 11}`, status: 'unverified' }
            : null,
      }),
    };
  });
}
