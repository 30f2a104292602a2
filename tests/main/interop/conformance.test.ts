/**
 * The W3C Web Annotation export against the W3C conformance suite's MUSTs (vendored in
 * tests/fixtures/web-annotation-tests), and the validator set-up itself checked against the
 * suite's own correct and incorrect samples.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkConformance, type ConformanceReport } from '../../../scripts/conformance';
import { describeRange } from '../../../src/shared/anchoring/selectors';
import type { Annotation } from '../../../src/shared/contract/entities';
import type { ArticleWithAnnotations } from '../../../src/shared/export/types';
import { toAnnotationCollection } from '../../../src/shared/interop/w3c-writer';
import { useTempDirs } from '../helpers';
import { buildAnnotation } from '../../support/annotation-builder';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SUITE = path.join(ROOT, 'tests/fixtures/web-annotation-tests');
const SAMPLES = path.join(SUITE, 'tools/samples');
const SAMPLE_TEXT = fs.readFileSync(
  path.join(ROOT, 'resources/sample/negotiations-continue-2022-02-11.txt'),
  'utf8',
);
const ANNOTATION_MUST_COUNT = 54;
const COLLECTION_MUST_COUNT = 10;

const ARTICLE_ID = '0190d6e4-8f6b-7c3a-9d2e-1a2b3c4d5e6f';
const OTHER_ARTICLE_ID = '0190d6e4-8f6b-7c3a-9d2e-1a2b3c4d5e70';
const ID = (n: number) => `0190d6e4-9a00-7b11-8c22-3344556677${String(n).padStart(2, '0')}`;
const LINK_ID = (n: number) => `0190d6e5-0000-7000-a000-0000000000${String(n).padStart(2, '0')}`;

function annotate(
  n: number,
  text: string,
  phrase: string,
  fields: Partial<Annotation>,
): Annotation {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`no “${phrase}” in the sample`);
  return buildAnnotation({
    id: ID(n),
    articleId: ARTICLE_ID,
    ...describeRange(text, start, start + phrase.length),
    createdAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-01T10:05:00.000Z',
    ...fields,
  });
}

const ARTICLE = {
  id: ARTICLE_ID,
  title: 'Negotiations continue between Western and Russian diplomats',
  byline: 'Simon C.',
  site: null,
  sourceUrl: null,
  publishedAt: '2022-02-11',
};
const EMOJI_TEXT = 'Reactions: 👍🏽 and 👨‍👩‍👧 — “Le cafe\u0301 est ouvert.” 🇺🇦 𝒳';

/** The sample article annotated as a reader would: claims, links, notes, tags, every colour. */
const SAMPLE: ArticleWithAnnotations[] = [
  {
    article: ARTICLE,
    text: SAMPLE_TEXT,
    annotations: [
      annotate(
        1,
        SAMPLE_TEXT,
        'Western intelligence reports have said that Russia planned to run “false-flag operations”',
        {
          color: 'pink',
          note: 'Repeated on February 3rd by the US.\nNo evidence published. <b>&amp;</b> "quotes"',
          tags: ['false flag', 'intelligence'],
          claim: { type: 'accusation', speaker: 'Western intelligence', status: 'disputed' },
          links: [
            {
              id: LINK_ID(1),
              relation: 'denies',
              direction: 'incoming',
              otherId: ID(2),
              otherArticleId: ARTICLE_ID,
              otherQuote: 'which Russia denies',
            },
          ],
        },
      ),
      annotate(2, SAMPLE_TEXT, 'which Russia denies', {
        color: 'blue',
        claim: { type: 'denial', speaker: 'Russia', status: 'unverified' },
        links: [
          {
            id: LINK_ID(1),
            relation: 'denies',
            direction: 'outgoing',
            otherId: ID(1),
            otherArticleId: ARTICLE_ID,
            otherQuote: 'Western intelligence reports…',
          },
          {
            id: LINK_ID(2),
            relation: 'responds-to',
            direction: 'outgoing',
            otherId: ID(6),
            otherArticleId: OTHER_ARTICLE_ID,
            otherQuote: '👨‍👩‍👧',
          },
        ],
      }),
      annotate(3, SAMPLE_TEXT, '$2.5B in defense assistance', {
        color: 'green',
        tags: ['aid'],
        originalQuote: '$2.5 billion in defense assistance',
      }),
      annotate(4, SAMPLE_TEXT, 'the warning time for a possible attack is going down', {
        color: 'purple',
        note: 'Stoltenberg, February 10th.',
        claim: { type: 'prediction', speaker: 'Jens Stoltenberg', status: 'confirmed' },
      }),
      annotate(5, SAMPLE_TEXT, 'February 11, 2022', {}),
    ],
  },
  {
    article: { ...ARTICLE, id: OTHER_ARTICLE_ID, title: 'Emoji' },
    text: EMOJI_TEXT,
    annotations: [
      annotate(6, EMOJI_TEXT, '👨‍👩‍👧', { articleId: OTHER_ARTICLE_ID, tags: ['family'] }),
      annotate(7, EMOJI_TEXT, 'cafe\u0301 est ouvert.” 🇺🇦 𝒳', { articleId: OTHER_ARTICLE_ID }),
    ],
  },
];

function exported(articles: readonly ArticleWithAnnotations[] = SAMPLE): unknown {
  const collection = toAnnotationCollection({
    articles,
    exportedAt: '2024-06-01T12:00:00.000Z',
    label: 'Marginalia export',
    collectionId: '0190d700-0000-7000-8000-00000000c011',
  });
  return JSON.parse(JSON.stringify(collection)) as unknown;
}

/** "annotation 2 (…): annotations/3.1-…json" for each failed assertion. */
function failures(report: ConformanceReport): string[] {
  return report.subjects.flatMap((subject) =>
    subject.results.filter((r) => !r.passed).map((r) => `${subject.subject}: ${r.assertion}`),
  );
}

function readSample(kind: 'correct' | 'incorrect', file: string): { json: unknown } | null {
  try {
    return { json: JSON.parse(fs.readFileSync(path.join(SAMPLES, kind, file), 'utf8')) };
  } catch {
    return null; // some incorrect samples are deliberately not JSON
  }
}

describe('the W3C export meets every MUST of the conformance suite', () => {
  it('for a realistic library: the collection and each annotation', () => {
    const report = checkConformance(SUITE, exported());
    expect(failures(report)).toEqual([]);
    expect(report.mustFailures).toBe(0);
    expect(report.subjects.map((s) => s.subject)).toEqual([
      'collection',
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => `annotation ${n} (urn:uuid:${ID(n)})`),
    ]);
    expect(report.assertionsRun).toBe(COLLECTION_MUST_COUNT + 7 * ANNOTATION_MUST_COUNT);
  });

  it('for an empty library', () => {
    const report = checkConformance(SUITE, exported([{ ...SAMPLE[0]!, annotations: [] }]));
    expect(failures(report)).toEqual([]);
    expect(report.subjects).toHaveLength(1);
  });

  it('and the check notices when the export breaks a MUST', () => {
    const broken = exported() as {
      id: string;
      first: { items: Record<string, unknown>[] };
    };
    broken.id = 'not a uri';
    delete broken.first.items[0]!.stylesheet;
    broken.first.items[1]!.created = 'yesterday';
    const report = checkConformance(SUITE, broken);
    expect(failures(report)).toEqual([
      'collection: collections/5.1-collectionIdValidated.json',
      `annotation 1 (urn:uuid:${ID(1)}): annotations/specificResource/4.4-styleClassValidIfPresent.json`,
      `annotation 2 (urn:uuid:${ID(2)}): annotations/3.3.1-annotationCreatedValidated.json`,
    ]);
    expect(report.mustFailures).toBe(3);
  });
});

describe('the validator set-up, on the suite’s own samples', () => {
  // The suite's schema rejects Composite, List and Independents targets, which the model allows.
  const REJECTED_BY_THE_SUITE = ['anno11.json', 'anno12.json', 'anno13.json'];
  const correct = fs.readdirSync(path.join(SAMPLES, 'correct')).filter((f) => f.endsWith('.json'));
  const incorrect = fs.readdirSync(path.join(SAMPLES, 'incorrect'));

  it('has the samples it needs', () => {
    expect(correct.filter((f) => f.startsWith('anno'))).toHaveLength(41);
    expect(incorrect).toHaveLength(39);
  });

  it.each(correct.filter((f) => f.startsWith('anno') && !REJECTED_BY_THE_SUITE.includes(f)))(
    'passes the correct sample %s',
    (file) => {
      const sample = readSample('correct', file);
      expect(sample).not.toBeNull();
      const report = checkConformance(SUITE, sample?.json);
      expect(failures(report)).toEqual([]);
      expect(report.assertionsRun).toBe(ANNOTATION_MUST_COUNT);
    },
  );

  it.each(REJECTED_BY_THE_SUITE)('fails %s only where the suite’s schema is known to', (file) => {
    const report = checkConformance(SUITE, readSample('correct', file)?.json);
    expect(failures(report)).toEqual(['annotation: annotations/3.2-targetObjectsRecognized.json']);
  });

  it('passes the correct collections, but for the same three targets', () => {
    const example41 = checkConformance(SUITE, readSample('correct', 'example41.json')?.json);
    expect(failures(example41)).toEqual([]);
    const collection1 = checkConformance(SUITE, readSample('correct', 'collection1.json')?.json);
    expect(collection1.subjects).toHaveLength(1 + 41);
    expect(failures(collection1)).toEqual(
      [11, 12, 13].map(
        (n) =>
          `annotation ${n} (http://example.org/anno${n}): annotations/3.2-targetObjectsRecognized.json`,
      ),
    );
  });

  it.each(incorrect)('fails the incorrect sample %s', (file) => {
    const sample = readSample('incorrect', file);
    if (sample === null) return; // not JSON: no validator would take it
    expect(checkConformance(SUITE, sample.json).mustFailures).toBeGreaterThan(0);
  });

  it('reads most incorrect samples as JSON, so the check above is not vacuous', () => {
    const json = incorrect.filter((file) => readSample('incorrect', file) !== null);
    expect(json.length).toBeGreaterThanOrEqual(20);
  });
});

describe('npm run check:conformance', () => {
  const tempDir = useTempDirs('marginalia-conformance-');
  const run = (file: string) =>
    spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
        'scripts/check-conformance.ts',
        SUITE,
        file,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );

  it('passes an export and prints each assertion', () => {
    const file = path.join(tempDir(), 'export.jsonld');
    fs.writeFileSync(file, JSON.stringify(exported()));
    const result = run(file);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('pass        collections/5.1-collectionContextValidated.json');
    expect(result.stdout).toContain(
      `8 subjects, ${COLLECTION_MUST_COUNT + 7 * ANNOTATION_MUST_COUNT} assertions, 0 MUST failures`,
    );
  });

  it('exits non-zero on a MUST failure, naming it', () => {
    const file = path.join(tempDir(), 'broken.jsonld');
    const broken = exported() as { first: { items: Record<string, unknown>[] } };
    broken.first.items[0]!.modified = 'last week';
    fs.writeFileSync(file, JSON.stringify(broken));
    const result = run(file);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/FAIL \(MUST\) annotations\/3\.3\.1-annotationModifiedValidated/);
    expect(result.stdout).toContain('1 MUST failures');
  });
});
