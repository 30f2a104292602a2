/** The sample article's summary, as the library lists it, for the Article details view tests. */
import type { ArticleSummary } from '../../../src/shared/contract/entities';

export const summary: ArticleSummary = {
  id: '0190d6e4-8f6b-7c3a-9d2e-1a2b3c4d5e6f',
  title: 'Negotiations continue between Western and Russian diplomats',
  byline: 'Simon C.',
  site: null,
  sourceUrl: null,
  publishedAt: '2022-02-11',
  addedAt: '2024-05-01T10:00:00.000Z',
  annotationCount: 1,
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
};
