import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_DEEP_LINK_LENGTH,
  parseDeepLink,
  passageLink,
} from '../../../src/shared/export/deep-link';

const ARTICLE = '0190d6e4-8f6b-7c3a-9d2e-1a2b3c4d5e6f';
const ANNOTATION = '0190d6e4-9a00-7b11-8c22-334455667788';

describe('passageLink', () => {
  it('links to an article, or to one annotation in it', () => {
    expect(passageLink(ARTICLE)).toBe(`marginalia://open?article=${ARTICLE}`);
    expect(passageLink(ARTICLE, ANNOTATION)).toBe(
      `marginalia://open?article=${ARTICLE}&annotation=${ANNOTATION}`,
    );
  });

  it('keeps the shape even for an id that is not a UUID', () => {
    const link = passageLink('a&annotation=b#c', 'x y');
    expect(link).toBe('marginalia://open?article=a%26annotation%3Db%23c&annotation=x%20y');
    expect(parseDeepLink(link)).toBeNull();
  });
});

describe('parseDeepLink', () => {
  it('reads back what passageLink makes', () => {
    expect(parseDeepLink(passageLink(ARTICLE))).toEqual({ articleId: ARTICLE, annotationId: null });
    expect(parseDeepLink(passageLink(ARTICLE, ANNOTATION))).toEqual({
      articleId: ARTICLE,
      annotationId: ANNOTATION,
    });
  });

  it('round-trips any pair of UUIDs', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (article, annotation) => {
        expect(parseDeepLink(passageLink(article, annotation))).toEqual({
          articleId: article,
          annotationId: annotation,
        });
      }),
    );
  });

  it('accepts what launchers do to a link: scheme case, a slash before "?", parameter order', () => {
    const both = { articleId: ARTICLE, annotationId: ANNOTATION };
    expect(parseDeepLink(`MARGINALIA://open?article=${ARTICLE}&annotation=${ANNOTATION}`)).toEqual(
      both,
    );
    expect(parseDeepLink(`marginalia://open/?article=${ARTICLE}&annotation=${ANNOTATION}`)).toEqual(
      both,
    );
    expect(parseDeepLink(`marginalia://open?annotation=${ANNOTATION}&article=${ARTICLE}`)).toEqual(
      both,
    );
  });

  it('answers ids in lower case, as they are stored', () => {
    expect(parseDeepLink(`marginalia://open?article=${ARTICLE.toUpperCase()}`)).toEqual({
      articleId: ARTICLE,
      annotationId: null,
    });
  });

  it.each([
    ['empty', ''],
    ['another scheme', `https://open?article=${ARTICLE}`],
    ['javascript', `javascript:alert(1)//marginalia://open?article=${ARTICLE}`],
    ['leading space', ` marginalia://open?article=${ARTICLE}`],
    ['trailing newline', `marginalia://open?article=${ARTICLE}\n`],
    ['another host', `marginalia://settings?article=${ARTICLE}`],
    ['a path', `marginalia://open/x?article=${ARTICLE}`],
    ['user info', `marginalia://me@open?article=${ARTICLE}`],
    ['no query', 'marginalia://open'],
    ['empty query', 'marginalia://open?'],
    ['no article', `marginalia://open?annotation=${ANNOTATION}`],
    ['an empty article', 'marginalia://open?article='],
    ['an empty annotation', `marginalia://open?article=${ARTICLE}&annotation=`],
    ['a key without a value', `marginalia://open?article=${ARTICLE}&annotation`],
    ['an empty pair', `marginalia://open?article=${ARTICLE}&&annotation=${ANNOTATION}`],
    ['a repeated article', `marginalia://open?article=${ARTICLE}&article=${ARTICLE}`],
    ['an unknown parameter', `marginalia://open?article=${ARTICLE}&x=1`],
    ['a differently cased key', `marginalia://open?Article=${ARTICLE}`],
    ['a fragment', `marginalia://open?article=${ARTICLE}#top`],
    ['a non-UUID article', 'marginalia://open?article=42'],
    ['a non-UUID annotation', `marginalia://open?article=${ARTICLE}&annotation=../../etc`],
    ['a UUID with extra text', `marginalia://open?article=${ARTICLE}x`],
    ['bad percent-encoding', `marginalia://open?article=%E0%A4%A`],
    ['a very long link', `marginalia://open?article=${ARTICLE}&annotation=${'a'.repeat(1000)}`],
  ])('R10 a marginalia:// link is null for %s', (_label, url) => {
    expect(parseDeepLink(url)).toBeNull();
  });

  it('never needs the length limit for a link of ours, and refuses anything at it, unread', () => {
    const encoded = (id: string) => [...id].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('');
    const longest = `marginalia://open/?article=${encoded(ARTICLE)}&annotation=${encoded(ANNOTATION)}`;
    expect(longest.length).toBeLessThan(MAX_DEEP_LINK_LENGTH / 4);
    expect(parseDeepLink(longest)).toEqual({ articleId: ARTICLE, annotationId: ANNOTATION });
    const padded = `marginalia://open?article=${ARTICLE}`.padEnd(MAX_DEEP_LINK_LENGTH, '0');
    expect(parseDeepLink(padded)).toBeNull();
  });

  it('is null, not an exception, for input that is not a string', () => {
    for (const value of [null, undefined, 42, {}, ['marginalia://open']]) {
      expect(parseDeepLink(value as unknown as string)).toBeNull();
    }
  });

  it('never throws, and answers only UUIDs', () => {
    const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const noisy = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc
        .tuple(fc.string(), fc.string())
        .map(([a, b]) => `marginalia://open?article=${a}&annotation=${b}`),
      fc.webUrl(),
    );
    fc.assert(
      fc.property(noisy, (url) => {
        const parsed = parseDeepLink(url);
        if (parsed === null) return;
        expect(parsed.articleId).toMatch(uuidLike);
        if (parsed.annotationId !== null) expect(parsed.annotationId).toMatch(uuidLike);
      }),
    );
  });
});
