import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Annotation, Claim } from '../../../src/shared/contract/entities';
import { CLAIM_STATUSES } from '../../../src/shared/contract/entities';
import {
  STATUS_RATINGS,
  statusRating,
  toClaimReview,
} from '../../../src/shared/export/claimreview';
import { parseDeepLink } from '../../../src/shared/export/deep-link';
import type { ArticleWithAnnotations, ExportedArticle } from '../../../src/shared/export/types';
import { buildAnnotation } from '../../support/annotation-builder';

const TEXT = readFileSync(
  new URL('../../../resources/sample/negotiations-continue-2022-02-11.txt', import.meta.url),
  'utf8',
);

const ARTICLE_ID = '0190d6e4-8f6b-7c3a-9d2e-1a2b3c4d5e6f';
const EXPORTED_AT = '2024-05-03T09:30:00.000+02:00';

const article: ExportedArticle = {
  id: ARTICLE_ID,
  title: 'Negotiations continue between Western and Russian diplomats',
  byline: 'Simon C.',
  site: null,
  sourceUrl: 'https://example.org/negotiations-continue',
  publishedAt: '2022-02-11',
};

const id = (n: number) => `0190d6e4-9a00-7b11-8c22-${String(n).padStart(12, '0')}`;

/** An annotation on the sample article's exact words. */
function annotation(
  n: number,
  exact: string,
  claim: Claim | null,
  extra: Partial<Annotation> = {},
) {
  const start = TEXT.indexOf(exact);
  if (start < 0) throw new Error(`not in the sample: ${exact}`);
  return buildAnnotation({
    id: id(n),
    articleId: ARTICLE_ID,
    exact,
    start,
    claim,
    createdAt: '2024-05-01T10:00:00.000Z',
    ...extra,
  });
}

const ACCUSATION = 'Russia planned to run “false-flag operations”';
const DENIAL = 'which Russia denies';
const US_ACCUSATION = 'the US accused Russia of planning a false-flag operation';
const STOLTENBERG =
  'the number of Russian forces is going up, the warning time for a possible attack is going down';

const sample: ArticleWithAnnotations = {
  article,
  text: TEXT,
  annotations: [
    annotation(1, 'Western intelligence reports', null),
    annotation(
      2,
      ACCUSATION,
      { type: 'accusation', speaker: 'Western intelligence', status: 'denied' },
      {
        note: 'Russia denies it in the same sentence.',
        links: [
          {
            id: id(100),
            relation: 'denies',
            direction: 'incoming',
            otherId: id(3),
            otherArticleId: ARTICLE_ID,
            otherQuote: DENIAL,
          },
        ],
      },
    ),
    annotation(3, DENIAL, { type: 'denial', speaker: 'Russia', status: 'unverified' }),
    annotation(4, US_ACCUSATION, { type: 'accusation', speaker: 'US', status: 'disputed' }),
    annotation(5, STOLTENBERG, {
      type: 'assertion',
      speaker: 'Jens Stoltenberg',
      status: 'confirmed',
    }),
  ],
};

describe('toClaimReview', () => {
  const doc = toClaimReview(sample, EXPORTED_AT);

  it('is one schema.org graph with a ClaimReview per claim, in document order', () => {
    expect(doc['@context']).toBe('https://schema.org');
    expect(doc['@graph'].map((r) => r['@type'])).toEqual(Array(4).fill('ClaimReview'));
    expect(doc['@graph'].map((r) => r.claimReviewed)).toEqual([
      ACCUSATION,
      DENIAL,
      US_ACCUSATION,
      STOLTENBERG,
    ]);
  });

  it('describes a claim, who made it, where it appears and the verdict', () => {
    expect(doc['@graph'][0]).toStrictEqual({
      '@type': 'ClaimReview',
      identifier: `urn:uuid:${id(2)}`,
      url: `marginalia://open?article=${ARTICLE_ID}&annotation=${id(2)}`,
      claimReviewed: ACCUSATION,
      itemReviewed: {
        '@type': 'Claim',
        text: ACCUSATION,
        author: { '@type': 'Thing', name: 'Western intelligence' },
        genre: 'accusation',
        appearance: {
          '@type': 'Quotation',
          text: ACCUSATION,
          isPartOf: {
            '@type': 'Article',
            headline: 'Negotiations continue between Western and Russian diplomats',
            identifier: `urn:uuid:${ARTICLE_ID}`,
            url: 'https://example.org/negotiations-continue',
            author: { '@type': 'Person', name: 'Simon C.' },
            datePublished: '2022-02-11',
          },
        },
      },
      reviewRating: { '@type': 'Rating', alternateName: 'Denied' },
      reviewBody: 'Russia denies it in the same sentence.',
      datePublished: '2024-05-03',
    });
  });

  it('links every review back to its passage in the app', () => {
    for (const [i, review] of doc['@graph'].entries()) {
      expect(parseDeepLink(review.url)).toEqual({
        articleId: ARTICLE_ID,
        annotationId: id(i + 2),
      });
    }
  });

  it('leaves out annotations without a claim, and gives an empty graph when there are none', () => {
    expect(doc['@graph'].some((r) => r.claimReviewed === 'Western intelligence reports')).toBe(
      false,
    );
    const noClaims = { ...sample, annotations: sample.annotations.filter((a) => !a.claim) };
    expect(toClaimReview(noClaims, EXPORTED_AT)).toEqual({
      '@context': 'https://schema.org',
      '@graph': [],
    });
  });

  it('rates only statuses the user set: no reviewRating for unverified', () => {
    const denial = doc['@graph'][1]!;
    expect(denial.claimReviewed).toBe(DENIAL);
    expect(denial).not.toHaveProperty('reviewRating');
    expect(statusRating('unverified')).toBeNull();
  });

  it('scores only verdicts on truth, on Google’s 1 (False) to 5 (True) scale', () => {
    expect(statusRating('false')).toEqual({
      '@type': 'Rating',
      alternateName: 'False',
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
    });
    expect(statusRating('confirmed')).toEqual({
      '@type': 'Rating',
      alternateName: 'Confirmed',
      ratingValue: 5,
      bestRating: 5,
      worstRating: 1,
    });
    expect(statusRating('disputed')).toStrictEqual({
      '@type': 'Rating',
      alternateName: 'Disputed',
    });
    expect(statusRating('denied')).toStrictEqual({ '@type': 'Rating', alternateName: 'Denied' });
    // Every status but unverified has a label.
    expect(Object.keys(STATUS_RATINGS).sort()).toEqual(
      CLAIM_STATUSES.filter((s) => s !== 'unverified').sort(),
    );
  });

  it('leaves out what is not known: speaker, note, byline, source URL, publication date', () => {
    const bare: ArticleWithAnnotations = {
      article: { ...article, byline: null, sourceUrl: null, publishedAt: null },
      text: TEXT,
      annotations: [
        annotation(9, DENIAL, { type: 'denial', speaker: null, status: 'false' }, { note: ' \n' }),
      ],
    };
    const [review] = toClaimReview(bare, EXPORTED_AT)['@graph'];
    expect(review).not.toHaveProperty('reviewBody');
    expect(review?.itemReviewed).not.toHaveProperty('author');
    expect(review?.itemReviewed.appearance.isPartOf).toStrictEqual({
      '@type': 'Article',
      headline: article.title,
      identifier: `urn:uuid:${ARTICLE_ID}`,
    });
  });

  it('publishes only http(s) source URLs and ISO 8601 publication dates', () => {
    const isPartOf = (sourceUrl: string | null, publishedAt: string | null) =>
      toClaimReview(
        {
          ...sample,
          article: { ...article, sourceUrl, publishedAt },
          annotations: [annotation(9, DENIAL, { type: 'denial', speaker: null, status: 'false' })],
        },
        EXPORTED_AT,
      )['@graph'][0]?.itemReviewed.appearance.isPartOf;
    expect(isPartOf('http://example.org/a', '2022-02-11T08:00:00Z')).toMatchObject({
      url: 'http://example.org/a',
      datePublished: '2022-02-11T08:00:00Z',
    });
    for (const [url, date] of [
      ['javascript:alert(1)', 'February 2022'],
      ['file:///etc/passwd', '2022-02-11 or so'],
      ['not a url', ''],
    ] as const) {
      const node = isPartOf(url, date);
      expect(node).not.toHaveProperty('url');
      expect(node).not.toHaveProperty('datePublished');
    }
  });

  it('keeps hostile strings exactly through a JSON round trip', () => {
    const hostile = [
      '</script><script>alert(1)</script>',
      '{"@context": "https://evil.example", "@type": "Person"}',
      '"quoted" \\ back\\slash \u2028 line sep \u2029 para sep \u0000 nul',
      'lone surrogate \ud800 and emoji 👩🏽‍🔬',
      '@graph',
      '\n\t leading and trailing white space \t\n',
    ];
    const tricky: ArticleWithAnnotations = {
      article: {
        ...article,
        title: hostile[0]!,
        byline: hostile[1]!,
        sourceUrl: `https://example.org/?q=${encodeURIComponent(hostile[0]!)}`,
      },
      text: TEXT,
      annotations: hostile.map((text, i) => ({
        ...annotation(20 + i, DENIAL, { type: text, speaker: text, status: 'confirmed' }),
        quote: { exact: text, prefix: '', suffix: '' },
        note: text,
      })),
    };
    const out = toClaimReview(tricky, EXPORTED_AT);
    const back = JSON.parse(JSON.stringify(out)) as typeof out;
    expect(back).toStrictEqual(out);
    expect(back['@graph'].map((r) => r.claimReviewed)).toEqual(hostile);
    expect(back['@graph'].map((r) => r.itemReviewed.author?.name)).toEqual(hostile);
    expect(back['@graph'].map((r) => r.itemReviewed.genre)).toEqual(hostile);
    expect(back['@graph'].map((r) => r.reviewBody)).toEqual(hostile);
    expect(back['@graph'][0]?.itemReviewed.appearance.isPartOf.headline).toBe(hostile[0]);
    expect(Object.keys(back)).toEqual(['@context', '@graph']);
  });
});
