/**
 * The boundaries finding of issue 10: text with half a character in it (a lone
 * surrogate) is refused where it enters, naming the field, before the service sees it. SQLite
 * would otherwise store invalid UTF-8 and read it back as U+FFFD, changing what the user wrote.
 * Whole characters outside the Basic Multilingual Plane (emoji, rare CJK) pass.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/shared/contract/dispatch';
import { hasLoneSurrogate } from '../../../src/shared/text/well-formed';
import { ANNOTATION_ID, ARTICLE_ID, fakeHandlers, validRequests } from './fakes';

const HIGH = '\uD83D'; // the first half of 😀 (U+1F600)
const LOW = '\uDE00'; // its second half
const create = validRequests.createAnnotation as Record<string, unknown>;

describe('whole characters only', () => {
  it('finds a lone half at the start, in the middle, at the end, and reversed halves', () => {
    for (const text of [`${HIGH}x`, `a${HIGH}b`, `ab${LOW}`, `${LOW}${HIGH}`, HIGH])
      expect(hasLoneSurrogate(text), JSON.stringify(text)).toBe(true);
    for (const text of ['', 'plain', `😀`, `a${HIGH}${LOW}b`, '𠀀 家族 👩‍👩‍👧‍👦 é'])
      expect(hasLoneSurrogate(text), JSON.stringify(text)).toBe(false);
  });

  const refused: [string, string, unknown, RegExp][] = [
    [
      'a note',
      'createAnnotation',
      { ...create, note: `I think${HIGH}` },
      /^createAnnotation: note: /,
    ],
    ['an edited note', 'updateAnnotation', { id: ANNOTATION_ID, note: `${LOW}x` }, /note: /],
    ['a tag', 'createAnnotation', { ...create, tags: ['ok', `bad${HIGH}`] }, /tags\.1: /],
    ['a renamed tag', 'renameTag', { id: ANNOTATION_ID, name: `x${LOW}` }, /name: /],
    [
      'a speaker',
      'updateAnnotation',
      {
        id: ANNOTATION_ID,
        claim: { type: 'denial', speaker: `Kyiv${HIGH}`, status: 'unverified' },
      },
      /claim\.speaker: /,
    ],
    [
      'a claim type',
      'updateAnnotation',
      { id: ANNOTATION_ID, claim: { type: `x${HIGH}`, speaker: null, status: 'unverified' } },
      /claim\.type: /,
    ],
    [
      'a quote',
      'createAnnotation',
      { ...create, quote: { exact: `de${HIGH}nies`, prefix: '', suffix: '' } },
      /quote\.exact: /,
    ],
    ['an article title', 'updateArticle', { id: ARTICLE_ID, title: `Talks${LOW}` }, /title: /],
    [
      'a colour label',
      'updateSettings',
      {
        patch: {
          colorLabels: { yellow: `evidence${HIGH}`, green: '', blue: '', pink: '', purple: '' },
        },
      },
      /patch\.colorLabels\.yellow: /,
    ],
  ];

  it.each(refused)(
    'refuses %s with half a character, naming the field',
    async (_n, op, payload, field) => {
      const { handlers, calls } = fakeHandlers();
      const result = await dispatch(handlers, op, payload);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid_request');
      expect(result.error.message).toMatch(field);
      expect(result.error.message).toMatch(/half of a character \(a lone surrogate\)/);
      expect(calls).toEqual([]);
    },
  );

  it('accepts whole characters outside the Basic Multilingual Plane everywhere', async () => {
    const { handlers, calls } = fakeHandlers();
    const result = await dispatch(handlers, 'createAnnotation', {
      ...create,
      note: 'A family 👩‍👩‍👧‍👦 and 𠀀',
      tags: ['😀 faces'],
    });
    expect(result.ok).toBe(true);
    expect(calls).toHaveLength(1);
  });
});
