/**
 * Changed and removed passages in the Markdown export: ~~old~~ **new**, dated by the article's
 * current version when it has had more than one, and worded as before when it has not.
 */
import { describe, expect, it } from 'vitest';
import {
  annotationToMarkdown,
  changedQuoteLine,
  versionDate,
} from '../../../src/shared/export/annotation-markdown';
import { articleToMarkdown } from '../../../src/shared/export/article-markdown';
import { versionAddedAt } from '../../../src/shared/export/types';
import { buildAnnotation } from '../../support/annotation-builder';

const ADDED = '2026-02-12T09:30:00.000Z';
const article = {
  id: '01950000-0000-7000-8000-000000000001',
  title: 'Negotiations',
  byline: null,
  site: null,
  sourceUrl: null,
  publishedAt: null,
};
const TEXT = 'Russia planned to run “false-flag operations”—which Russia has denied.';
const changed = buildAnnotation({
  text: TEXT,
  exact: 'which Russia has denied',
  originalQuote: 'which Russia denies',
});
const orphan = buildAnnotation({
  exact: 'the number of Russian forces is going up',
  anchor: { status: 'orphan' },
});

describe('changedQuoteLine', () => {
  it('strikes the old words and bolds the new, with the version’s date', () => {
    expect(changedQuoteLine('which Russia denies', 'which Russia has denied', ADDED)).toBe(
      'Passage changed, as of the version of 12 Feb 2026: which Russia ~~denies~~ **has denied**',
    );
  });

  it('says "since it was annotated" when there is no version date', () => {
    expect(changedQuoteLine('which Russia denies', 'which Russia has denied')).toBe(
      'Passage changed since it was annotated: which Russia ~~denies~~ **has denied**',
    );
  });

  it('dates in UTC, whatever the time of day', () => {
    expect(versionDate('2026-02-12T23:59:59.000Z')).toBe('12 Feb 2026');
    expect(versionDate('2026-02-13T00:00:00.000Z')).toBe('13 Feb 2026');
  });
});

describe('versionAddedAt', () => {
  it('dates only an article that has had more than one version', () => {
    expect(versionAddedAt({})).toBeNull();
    expect(versionAddedAt({ currentVersion: null })).toBeNull();
    expect(versionAddedAt({ currentVersion: { number: 1, addedAt: ADDED } })).toBeNull();
    expect(versionAddedAt({ currentVersion: { number: 2, addedAt: ADDED } })).toBe(ADDED);
  });
});

describe('an article export with versions', () => {
  const exportWith = (currentVersion: { number: number; addedAt: string } | null) =>
    articleToMarkdown(
      { article, text: TEXT, document: null, annotations: [changed, orphan], currentVersion },
      { groupBy: 'none', includeText: false },
      '2026-03-01T00:00:00.000Z',
    );

  it('dates the changed quote and the removed passage by the current version', () => {
    const md = exportWith({ number: 2, addedAt: ADDED });
    expect(md).toContain(
      '- Passage changed, as of the version of 12 Feb 2026: which Russia ~~denies~~ **has denied**',
    );
    expect(md).toContain('- Passage not found in the version of 12 Feb 2026');
  });

  it('writes what it always wrote when the article has one version', () => {
    expect(exportWith({ number: 1, addedAt: ADDED })).toBe(exportWith(null));
    expect(exportWith(null)).toContain(
      '- Passage changed since it was annotated: which Russia ~~denies~~ **has denied**',
    );
  });

  it('leaves an annotation whose words did not change undated', () => {
    const plain = buildAnnotation({ text: TEXT, exact: 'Russia planned' });
    expect(annotationToMarkdown(plain, { versionAddedAt: ADDED })).not.toContain('Passage');
  });
});
