/**
 * The Article details form as data: a save sends only what changed (an emptied field clears it),
 * the contract's schema gives each field its error before anything is sent, undo puts back the
 * changed fields as the service said they were, and the origin reads in words.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleDetails } from '../../../src/shared/contract/article-details';
import {
  changedFields,
  checkPatch,
  dateInputValue,
  formOf,
  parseTags,
  undoPatch,
} from '../../../src/renderer/src/details/details-form';
import {
  describeAdded,
  describeLastOpened,
  describeOrigin,
  formatMoment,
} from '../../../src/renderer/src/details/origin-text';
import { summary } from './fixtures';

const article = { ...summary, tags: ['Russia', 'talks'], site: 'Example News' };

describe('the details form', () => {
  it('shows the article as it is, the date as its day, tags comma-separated', () => {
    expect(formOf({ ...article, publishedAt: '2022-02-11T09:30:00Z' })).toEqual({
      title: article.title,
      byline: 'Simon C.',
      site: 'Example News',
      publishedAt: '2022-02-11',
      sourceUrl: '',
      tags: 'Russia, talks',
    });
    expect(dateInputValue('11 February 2022')).toBe('');
    expect(dateInputValue(null)).toBe('');
  });

  it('sends only the fields that changed, trimmed, an emptied one as null', () => {
    const initial = formOf(article);
    const edited = { ...initial, byline: '  Jane Roe ', site: '', tags: 'Russia,  talks, NATO,' };
    expect(changedFields(initial, edited)).toEqual({
      byline: 'Jane Roe',
      site: null,
      tags: ['Russia', 'talks', 'NATO'],
    });
    expect(changedFields(initial, { ...initial, title: ` ${initial.title} ` })).toEqual({});
  });

  it('keeps an emptied title as text, so the schema refuses it', () => {
    const initial = formOf(article);
    const checked = checkPatch(changedFields(initial, { ...initial, title: '  ' }));
    expect(checked).toEqual({ ok: false, errors: { title: 'A title cannot be empty' } });
  });

  it('gives the schema’s error for a malformed or impossible date and a non-web address', () => {
    expect(checkPatch({ publishedAt: '20222-02-11' })).toEqual({
      ok: false,
      errors: { publishedAt: 'A publication date is written YYYY-MM-DD' },
    });
    expect(checkPatch({ publishedAt: '2022-02-31' })).toEqual({
      ok: false,
      errors: { publishedAt: 'That publication date does not exist' },
    });
    expect(checkPatch({ sourceUrl: 'ftp://example.org/a' })).toEqual({
      ok: false,
      errors: { sourceUrl: 'A source address starts with http:// or https://' },
    });
  });

  it('names the tag the schema refuses', () => {
    const checked = checkPatch({ tags: parseTags('ok, #bad') });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors.tags).toMatch(/^“#bad”: a tag has no commas or #/);
  });

  it('answers a valid patch as the schema parsed it', () => {
    expect(checkPatch({ byline: 'Jane Roe', publishedAt: '2022-02-12', sourceUrl: null })).toEqual({
      ok: true,
      patch: { byline: 'Jane Roe', publishedAt: '2022-02-12', sourceUrl: null },
    });
  });

  it('undoes only the changed fields, with the values the service answered as previous', () => {
    const previous: ArticleDetails = {
      title: 'Old title',
      byline: 'Simon C.',
      site: null,
      publishedAt: '2022-02-11T09:30:00Z',
      sourceUrl: 'https://example.org/a',
      tags: ['Russia'],
    };
    expect(undoPatch(previous, { byline: 'Jane Roe', tags: ['Russia', 'NATO'] })).toEqual({
      byline: 'Simon C.',
      tags: ['Russia'],
    });
    // An imported date-time goes back exactly as it was imported.
    expect(undoPatch(previous, { publishedAt: null, site: 'X' })).toEqual({
      publishedAt: '2022-02-11T09:30:00Z',
      site: null,
    });
    // So does one imported without a zone (the page gave none).
    expect(
      undoPatch({ ...previous, publishedAt: '2022-02-11T10:00:00' }, { publishedAt: null }),
    ).toEqual({ publishedAt: '2022-02-11T10:00:00' });
    // One the patch cannot take goes back as its day.
    expect(
      undoPatch({ ...previous, publishedAt: '2022-02-11 09:30' }, { publishedAt: null }),
    ).toEqual({
      publishedAt: '2022-02-11',
    });
  });
});

describe('the origin in words', () => {
  it('says where each kind of article came from', () => {
    const of = (origin: typeof summary.origin, extra: Partial<typeof summary> = {}) =>
      describeOrigin({ ...summary, origin, ...extra });
    expect(of('file', { sourceFileName: 'report.html' })).toBe(
      'Imported from the file report.html',
    );
    expect(of('file')).toBe('Imported from a file');
    expect(of('address', { sourceUrl: 'https://example.org/news/talks' })).toBe(
      'Added from https://example.org/news/talks',
    );
    expect(of('address')).toBe('Added from a web address');
    expect(of('paste')).toBe('Pasted');
    expect(of('sample')).toBe('The sample article');
  });

  it('says when it was added and last opened', () => {
    const added = '2026-12-02T14:03:00.000Z';
    expect(describeAdded(added)).toBe(`Added ${formatMoment(added)}`);
    expect(formatMoment(added)).toMatch(/2026/);
    expect(formatMoment(added)).toMatch(/December|Dec/);
    expect(describeLastOpened(null)).toBe('Not opened yet');
    expect(describeLastOpened(added)).toBe(`Last opened ${formatMoment(added)}`);
    expect(formatMoment('not a date')).toBe('not a date');
  });
});
