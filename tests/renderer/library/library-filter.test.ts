/**
 * Narrowing the library: each facet alone and together, tags from the article or its
 * annotations, case and accents ignored, "has orphans", the choices offered and the count.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../src/shared/contract/entities';
import {
  describeLibraryCount,
  EMPTY_LIBRARY_FILTER,
  filterArticles,
  isLibraryFilterEmpty,
  libraryFilterChoices,
  type LibraryFilter,
} from '../../../src/renderer/src/library/library-filter';
import { articleNamed } from './fixtures';

function article(
  n: number,
  fields: Omit<Partial<ArticleSummary>, 'facets'> & { facets?: Partial<ArticleSummary['facets']> },
): ArticleSummary {
  const base = articleNamed(`Article ${n}`, n);
  return { ...base, ...fields, facets: { ...base.facets, ...fields.facets } };
}

const ESSAY = article(1, {
  title: 'Essay',
  site: 'lemonde.fr',
  tags: ['Économie'],
  facets: { annotationTags: ['nato'], speakers: ['Jens Stoltenberg'], claimTypes: ['forecast'] },
  orphanCount: 2,
});
const REPORT = article(2, {
  title: 'Report',
  site: ' LeMonde.fr ',
  facets: { annotationTags: ['economie', 'energy'], speakers: [], claimTypes: ['statistic'] },
});
const NOTE = article(3, {
  title: 'Note',
  site: null,
  tags: ['energy'],
  facets: { speakers: ['jens stoltenberg', 'Anna Lindh'], claimTypes: ['Forecast'] },
});
const ALL = [ESSAY, REPORT, NOTE];

const titles = (filter: Partial<LibraryFilter>) =>
  filterArticles(ALL, { ...EMPTY_LIBRARY_FILTER, ...filter }).map((a) => a.title);

describe('filtering the library', () => {
  it('keeps the very same list when no filter is set', () => {
    expect(filterArticles(ALL, EMPTY_LIBRARY_FILTER)).toBe(ALL);
    expect(isLibraryFilterEmpty(EMPTY_LIBRARY_FILTER)).toBe(true);
    expect(isLibraryFilterEmpty({ ...EMPTY_LIBRARY_FILTER, hasOrphans: true })).toBe(false);
  });

  it('matches a tag on the article itself or on one of its annotations, accents and case aside', () => {
    expect(titles({ tag: 'economie' })).toEqual(['Essay', 'Report']);
    expect(titles({ tag: 'ENERGY' })).toEqual(['Report', 'Note']);
    expect(titles({ tag: 'NATO' })).toEqual(['Essay']);
    expect(titles({ tag: 'nowhere' })).toEqual([]);
  });

  it('matches a speaker and a claim type among the article’s claims', () => {
    expect(titles({ speaker: 'Jens Stoltenberg' })).toEqual(['Essay', 'Note']);
    expect(titles({ speaker: 'anna lindh' })).toEqual(['Note']);
    expect(titles({ claimType: 'forecast' })).toEqual(['Essay', 'Note']);
    expect(titles({ claimType: 'statistic' })).toEqual(['Report']);
  });

  it('matches a site whatever its case and surrounding spaces; no site matches no site filter', () => {
    expect(titles({ site: 'lemonde.fr' })).toEqual(['Essay', 'Report']);
  });

  it('keeps only articles with orphaned annotations when asked', () => {
    expect(titles({ hasOrphans: true })).toEqual(['Essay']);
  });

  it('needs every part of a combined filter to match', () => {
    expect(titles({ tag: 'energy', site: 'lemonde.fr' })).toEqual(['Report']);
    expect(titles({ claimType: 'forecast', hasOrphans: true })).toEqual(['Essay']);
    expect(titles({ speaker: 'Anna Lindh', site: 'lemonde.fr' })).toEqual([]);
  });
});

describe('the filter choices', () => {
  it('are distinct across spellings, sorted, and take tags from articles and annotations', () => {
    const choices = libraryFilterChoices(ALL);
    expect(choices.tag).toEqual(['Économie', 'energy', 'nato']);
    expect(choices.speaker).toEqual(['Anna Lindh', 'Jens Stoltenberg']);
    expect(choices.claimType).toEqual(['forecast', 'statistic']);
    expect(choices.site).toEqual(['lemonde.fr']);
  });

  it('are empty for an empty library', () => {
    expect(libraryFilterChoices([])).toEqual({ tag: [], speaker: [], claimType: [], site: [] });
  });
});

describe('the count of articles shown', () => {
  it('says how many of how many while filtered, and just the total otherwise', () => {
    expect(describeLibraryCount(340, 340, false)).toBe('340 articles');
    expect(describeLibraryCount(12, 340, true)).toBe('12 of 340 articles');
    expect(describeLibraryCount(0, 1, true)).toBe('0 of 1 article');
  });
});
