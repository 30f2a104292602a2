/** All annotations follows the library list beside it: trashed articles leave, renames show. */
import { describe, expect, it } from 'vitest';
import { followLibrary } from '../../../src/renderer/src/library-annotations/use-library-annotations';
import type { ArticleSummary } from '../../../src/shared/contract/entities';
import { articleNamed } from '../library/fixtures';
import { APPLE, ENTRIES, KYIV, ZEBRA } from './fixtures';

function summaryOf(article: {
  id: string;
  title: string;
  publishedAt: string | null;
}): ArticleSummary {
  return { ...articleNamed(article.title, 1), id: article.id, publishedAt: article.publishedAt };
}

describe('followLibrary', () => {
  it('answers the same entries while the library lists their articles as they were', () => {
    const library = [KYIV, ZEBRA, APPLE].map(summaryOf);
    expect(followLibrary(ENTRIES, library)).toBe(ENTRIES);
  });

  it('drops the annotations of an article no longer in the library (moved to the Trash)', () => {
    const library = [KYIV, APPLE].map(summaryOf);
    const next = followLibrary(ENTRIES, library);
    expect(next.length).toBeLessThan(ENTRIES.length);
    expect(next.some((e) => e.article.id === ZEBRA.id)).toBe(false);
    expect(next).toEqual(ENTRIES.filter((e) => e.article.id !== ZEBRA.id));
  });

  it('shows an article’s new title and date', () => {
    const renamed = { ...KYIV, title: 'Talks go on', publishedAt: '2022-02-12' };
    const next = followLibrary(ENTRIES, [renamed, ZEBRA, APPLE].map(summaryOf));
    const kyiv = next.filter((e) => e.article.id === KYIV.id);
    expect(kyiv.length).toBeGreaterThan(0);
    for (const entry of kyiv) expect(entry.article).toEqual(renamed);
  });
});
