/** Articles and import lines for the library's import view tests. */
import type { ArticleSummary } from '../../../src/shared/contract/entities';
import type { ImportItem } from '../../../src/shared/contract/jobs';

export function articleNamed(title: string, n: number): ArticleSummary {
  return {
    id: `01950000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    title,
    byline: null,
    site: null,
    sourceUrl: null,
    publishedAt: null,
    addedAt: '2024-01-01T00:00:00.000Z',
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
  };
}

export function imported(
  file: string,
  title: string,
  n: number,
  warnings: string[] = [],
): ImportItem {
  return { file, status: 'imported', reason: null, article: articleNamed(title, n), warnings };
}

export function duplicate(file: string, title: string, n: number): ImportItem {
  return {
    file,
    status: 'duplicate',
    reason: 'already in your library (the same text)',
    article: articleNamed(title, n),
    warnings: [],
  };
}

export function refused(file: string, reason: string): ImportItem {
  return { file, status: 'refused', reason, article: null, warnings: [] };
}
