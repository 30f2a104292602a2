/** W3C Web Annotation export, and reading it back: every field survives the round trip. */
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../src/shared/anchoring/selectors';
import type { Annotation, AnnotationLink } from '../../../src/shared/contract/entities';
import { parseAnnotationFile } from '../../../src/shared/interop/annotation-file';
import { codePointConverter, toUtf16Offset } from '../../../src/shared/text/code-points';
import type { ArticleWithAnnotations } from '../../../src/shared/export/types';
import { toAnnotationCollection, type W3cCollection } from '../../../src/shared/interop/w3c-writer';
import { buildAnnotation } from '../../support/annotation-builder';

const ARTICLE_A = '0190d6e4-8f6b-7c3a-9d2e-1a2b3c4d5e6f';
const ARTICLE_B = '0190d6e4-8f6b-7c3a-9d2e-1a2b3c4d5e70';
const COLLECTION_ID = '0190d700-0000-7000-8000-00000000c011';
const ID = (n: number) => `0190d6e4-9a00-7b11-8c22-3344556677${String(n).padStart(2, '0')}`;
const LINK = (n: number) => `0190d6e5-0000-7000-a000-0000000000${String(n).padStart(2, '0')}`;

// Emoji with skin tones and ZWJ sequences, a flag, combining accents and a mathematical letter:
// code point offsets and UTF-16 offsets part ways early and often.
const TEXT_A =
  'Reactions: 👍🏽 and 👨‍👩‍👧 from the family. Le cafe\u0301 est ouvert. ' +
  'Western intelligence reports have said that Russia planned to run “false-flag operations” ' +
  'to create a pretense for invasion 🇺🇦 — which Russia denies. Let 𝒳 be the set of claims.';
const TEXT_B =
  'On February 10th, NATO Secretary General Jens Stoltenberg said that “the number of Russian ' +
  'forces is going up, the warning time for a possible attack is going down.”';

function range(text: string, phrase: string) {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`no “${phrase}” in the text`);
  return describeRange(text, start, start + phrase.length);
}

function annotationOf(
  id: string,
  articleId: string,
  text: string,
  phrase: string,
  fields: Partial<Annotation> = {},
): Annotation {
  return buildAnnotation({
    id,
    articleId,
    ...range(text, phrase),
    createdAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-02T08:30:00+02:00',
    ...fields,
  });
}

const link = (
  n: number,
  relation: AnnotationLink['relation'],
  direction: AnnotationLink['direction'],
  otherId: string,
  otherArticleId: string,
): AnnotationLink => ({
  id: LINK(n),
  relation,
  direction,
  otherId,
  otherArticleId,
  otherQuote: '…',
});

const HOSTILE_NOTE =
  'First line\nSecond line\n\n"Quoted", \\backslash\\, <script>alert(1)</script> & ' +
  '{"json": true} \u2028 tab\there \u0000 nul, RTL \u202e txet, emoji 👩🏾‍💻.';

const SAMPLE: ArticleWithAnnotations[] = [
  {
    article: {
      id: ARTICLE_A,
      title: 'Unicode and claims',
      byline: null,
      site: null,
      sourceUrl: 'https://example.org/a',
      publishedAt: null,
    },
    text: TEXT_A,
    annotations: [
      annotationOf(ID(1), ARTICLE_A, TEXT_A, '👨‍👩‍👧'),
      annotationOf(ID(2), ARTICLE_A, TEXT_A, 'cafe\u0301', { color: 'green', tags: ['français'] }),
      annotationOf(ID(3), ARTICLE_A, TEXT_A, 'Russia planned to run “false-flag operations”', {
        color: 'pink',
        note: HOSTILE_NOTE,
        tags: ['evidence', 'ukraine 2022', 'naïve—tag 🇺🇦'],
        claim: { type: 'accusation', speaker: 'Western intelligence', status: 'disputed' },
        links: [
          link(1, 'contradicts', 'outgoing', ID(4), ARTICLE_A),
          link(2, 'denies', 'incoming', ID(4), ARTICLE_A),
          link(3, 'same-claim-as', 'outgoing', ID(5), ARTICLE_B),
        ],
        originalQuote: 'Russia planned to run "false flag operations"',
      }),
      annotationOf(ID(4), ARTICLE_A, TEXT_A, 'which Russia denies', {
        color: 'blue',
        claim: { type: 'denial', speaker: null, status: 'unverified' },
        links: [
          link(2, 'denies', 'outgoing', ID(3), ARTICLE_A),
          link(1, 'contradicts', 'incoming', ID(3), ARTICLE_A),
        ],
      }),
      annotationOf(ID(6), ARTICLE_A, TEXT_A, 'Let 𝒳 be', {
        color: 'purple',
        claim: { type: 'my own type', speaker: 'Me', status: 'false' },
        originalQuote: 'Let X be',
      }),
    ],
  },
  {
    article: {
      id: ARTICLE_B,
      title: 'Stoltenberg',
      byline: 'Simon C.',
      site: null,
      sourceUrl: null,
      publishedAt: '2022-02-11',
    },
    text: TEXT_B,
    annotations: [
      annotationOf(
        ID(5),
        ARTICLE_B,
        TEXT_B,
        'the warning time for a possible attack is going down',
        {
          note: 'Said on the 10th.',
          claim: { type: 'prediction', speaker: 'Jens Stoltenberg', status: 'confirmed' },
          links: [link(3, 'same-claim-as', 'incoming', ID(3), ARTICLE_A)],
        },
      ),
    ],
  },
];

function exportSample(articles: readonly ArticleWithAnnotations[] = SAMPLE): W3cCollection {
  return toAnnotationCollection({
    articles,
    exportedAt: '2024-06-01T12:00:00.000Z',
    label: 'Marginalia — “claims” <export>',
    collectionId: COLLECTION_ID,
  });
}

describe('toAnnotationCollection', () => {
  it('writes the collection around one embedded page', () => {
    const collection = exportSample();
    expect(collection['@context']).toEqual([
      'http://www.w3.org/ns/anno.jsonld',
      { marginalia: 'https://marginalia.app/ns#' },
    ]);
    expect(collection.id).toBe(`urn:uuid:${COLLECTION_ID}`);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.label).toBe('Marginalia — “claims” <export>');
    expect(collection.total).toBe(6);
    expect(collection.generator).toEqual({
      id: 'https://marginalia.app/',
      type: 'Software',
      name: 'Marginalia',
    });
    expect(collection.generated).toBe('2024-06-01T12:00:00.000Z');
    expect(collection.first?.id).toBe(`urn:uuid:${COLLECTION_ID}#page-1`);
    expect(collection.first?.type).toBe('AnnotationPage');
    expect(collection.first?.startIndex).toBe(0);
    expect(collection.first?.items.map((item) => item.id)).toEqual(
      [1, 2, 3, 4, 6, 5].map((n) => `urn:uuid:${ID(n)}`),
    );
  });

  it('writes an annotation with every body, in order, and code point positions', () => {
    const item = exportSample().first?.items[2];
    const annotation = SAMPLE[0]?.annotations[2] as Annotation;
    const offsets = codePointConverter(TEXT_A);
    expect(item).toEqual({
      id: `urn:uuid:${ID(3)}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: '2024-05-01T10:00:00.000Z',
      modified: '2024-05-02T08:30:00+02:00',
      stylesheet: { type: 'CssStylesheet', value: '.pink { background-color: #fbcfe8 }' },
      body: [
        { type: 'TextualBody', purpose: 'commenting', value: HOSTILE_NOTE, format: 'text/plain' },
        { type: 'TextualBody', purpose: 'tagging', value: 'evidence' },
        { type: 'TextualBody', purpose: 'tagging', value: 'ukraine 2022' },
        { type: 'TextualBody', purpose: 'tagging', value: 'naïve—tag 🇺🇦' },
        {
          type: 'TextualBody',
          purpose: 'describing',
          'marginalia:role': 'claimType',
          value: 'accusation',
        },
        {
          type: 'TextualBody',
          purpose: 'describing',
          'marginalia:role': 'speaker',
          value: 'Western intelligence',
        },
        {
          type: 'TextualBody',
          purpose: 'describing',
          'marginalia:role': 'claimStatus',
          value: 'disputed',
        },
        {
          type: 'SpecificResource',
          purpose: 'linking',
          source: `urn:uuid:${ID(4)}`,
          'marginalia:relation': 'contradicts',
        },
        {
          type: 'SpecificResource',
          purpose: 'linking',
          source: `urn:uuid:${ID(5)}`,
          'marginalia:relation': 'same-claim-as',
        },
        {
          type: 'TextualBody',
          purpose: 'describing',
          'marginalia:role': 'originalQuote',
          value: 'Russia planned to run "false flag operations"',
        },
      ],
      target: {
        source: `urn:uuid:${ARTICLE_A}`,
        styleClass: 'pink',
        selector: [
          { type: 'TextQuoteSelector', ...annotation.quote },
          {
            type: 'TextPositionSelector',
            start: offsets.toCodePoint(annotation.position.start),
            end: offsets.toCodePoint(annotation.position.end),
          },
        ],
      },
    });
  });

  it('counts TextPositionSelector offsets in code points', () => {
    const items = exportSample().first?.items ?? [];
    for (const [index, annotation] of (SAMPLE[0]?.annotations ?? []).entries()) {
      const selector = items[index]?.target.selector[1];
      const points = Array.from(TEXT_A);
      expect(points.slice(selector?.start, selector?.end).join('')).toBe(annotation.quote.exact);
    }
    // The family emoji is 8 UTF-16 units but 5 code points, and comes after a thumbs-up with a
    // skin tone (4 units, 2 code points).
    const family = items[0]?.target.selector[1];
    expect(SAMPLE[0]?.annotations[0]?.position).toEqual({ start: 20, end: 28 });
    expect(family).toEqual({ type: 'TextPositionSelector', start: 18, end: 23 });
  });

  it('picks the motivation from the note, then the claim', () => {
    const motivations = exportSample().first?.items.map((item) => item.motivation);
    expect(motivations).toEqual([
      'highlighting',
      'highlighting',
      'commenting',
      'classifying',
      'classifying',
      'commenting',
    ]);
  });

  it('leaves out the body of a plain highlight, and an absent speaker', () => {
    const items = exportSample().first?.items ?? [];
    expect(items[0]).not.toHaveProperty('body');
    expect(items[0]?.target.styleClass).toBe('yellow');
    expect(items[0]?.stylesheet.value).toBe('.yellow { background-color: #fde68a }');
    const roles = items[3]?.body?.map((body) =>
      'marginalia:role' in body ? body['marginalia:role'] : body.purpose,
    );
    expect(roles).toEqual(['claimType', 'claimStatus', 'linking']);
  });

  it('writes incoming links only from their other end', () => {
    const items = exportSample().first?.items ?? [];
    const linkBodies = items.flatMap((item) =>
      (item.body ?? []).filter((body) => body.purpose === 'linking'),
    );
    expect(linkBodies).toHaveLength(3);
    expect(items[5]?.body?.some((body) => body.purpose === 'linking')).toBe(false);
  });

  it('has no page when there are no annotations', () => {
    const empty = exportSample([{ ...(SAMPLE[1] as ArticleWithAnnotations), annotations: [] }]);
    expect(empty.total).toBe(0);
    expect(empty).not.toHaveProperty('first');
  });
});

describe('reading an export back', () => {
  const collection = exportSample();
  const parsed = parseAnnotationFile(JSON.parse(JSON.stringify(collection)));
  const originals = SAMPLE.flatMap(({ text, annotations }) =>
    annotations.map((annotation) => ({ text, annotation })),
  );

  it('reads it as W3C, with its label and no warnings', () => {
    expect(parsed.format).toBe('w3c');
    expect(parsed.label).toBe('Marginalia — “claims” <export>');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.annotations).toHaveLength(originals.length);
  });

  it('gives back every field of every annotation', () => {
    parsed.annotations.forEach((read, index) => {
      const { annotation } = originals[index] as { annotation: Annotation };
      expect(read).toEqual({
        sourceId: annotation.id,
        targetSource: `urn:uuid:${annotation.articleId}`,
        targetTextHash: null,
        quote: annotation.quote,
        codePointPosition: expect.any(Object),
        color: annotation.color,
        note: annotation.note,
        tags: annotation.tags,
        claim: annotation.claim,
        links: annotation.links
          .filter((l) => l.direction === 'outgoing')
          .map((l) => ({ relation: l.relation, otherSourceId: l.otherId })),
        originalQuote: annotation.originalQuote,
        created: annotation.createdAt,
        modified: annotation.updatedAt,
      });
    });
  });

  it('gives back the UTF-16 positions once converted with the article text', () => {
    parsed.annotations.forEach((read, index) => {
      const { text, annotation } = originals[index] as { text: string; annotation: Annotation };
      const position = read.codePointPosition;
      expect(position).not.toBeNull();
      expect({
        start: toUtf16Offset(text, position?.start ?? -1),
        end: toUtf16Offset(text, position?.end ?? -1),
      }).toEqual(annotation.position);
    });
  });

  it('round-trips the real sample article too', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(
      new URL('../../../resources/sample/negotiations-continue-2022-02-11.txt', import.meta.url),
      'utf8',
    );
    const article: ArticleWithAnnotations = {
      article: { ...(SAMPLE[1] as ArticleWithAnnotations).article, title: 'Negotiations' },
      text,
      annotations: [
        annotationOf(ID(10), ARTICLE_B, text, 'which Russia denies', {
          claim: { type: 'denial', speaker: 'Russia', status: 'unverified' },
        }),
        annotationOf(ID(11), ARTICLE_B, text, '$2.5B in defense assistance', { tags: ['aid'] }),
      ],
    };
    const back = parseAnnotationFile(JSON.parse(JSON.stringify(exportSample([article]))));
    expect(back.annotations.map((a) => [a.quote, a.claim, a.tags])).toEqual(
      article.annotations.map((a) => [a.quote, a.claim, a.tags]),
    );
    back.annotations.forEach((read, index) => {
      const position = read.codePointPosition ?? { start: -1, end: -1 };
      expect({
        start: toUtf16Offset(text, position.start),
        end: toUtf16Offset(text, position.end),
      }).toEqual(article.annotations[index]?.position);
    });
  });
});
