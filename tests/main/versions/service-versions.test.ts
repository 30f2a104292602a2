/**
 * Versions through the service: a new text from a file becomes a version, every annotation is
 * re-anchored into it in one go, older versions stay readable with their annotations placed, and
 * re-attaching an orphan can be undone.
 */
import { describe, expect, it } from 'vitest';
import { SAMPLE_ARTICLE_ID } from '../../../src/main/sample';
import { search } from '../../../src/main/search/search';
import type { VersionOutcome } from '../../../src/shared/contract/versions';
import {
  create,
  rangeOf,
  serviceErrorOf,
  UNKNOWN_ID,
  useSampleLibrary,
  useTempDirs,
} from '../helpers';
import { annotateSample, DENIAL, WARNING, WHITE_HOUSE } from '../sample-annotations';
import { base64, revisedSampleText, sampleText } from './fixtures';

const tempDir = useTempDirs('marginalia-versions-');
const harness = useSampleLibrary(tempDir);
const ID = SAMPLE_ARTICLE_ID;

const update = (service: ReturnType<typeof harness>['service'], text: string): VersionOutcome =>
  service.updateArticleFromFile({ id: ID, fileName: 'revised.txt', contentBase64: base64(text) });

const count = (db: ReturnType<typeof harness>['db'], table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('updateArticleFromFile', () => {
  it('adds version 2, re-anchors every annotation and reports 1 changed and 1 orphaned claim', () => {
    const { db, service } = harness();
    const sample = annotateSample(service);
    service.updateArticle({ id: ID, title: 'My own title' });

    const outcome = update(service, revisedSampleText());

    expect(outcome.status).toBe('updated');
    expect(outcome.version).toMatchObject({
      number: 2,
      source: 'file',
      sourceName: 'revised.txt',
      current: true,
    });
    // The article's details, which the user edited, stay; the version keeps the file's title.
    expect(outcome.article.title).toBe('My own title');
    expect(outcome.version.title).toBe(
      'Negotiations continue between Western and Russian diplomats',
    );
    expect(outcome.report).toEqual({
      unchanged: 1,
      moved: 2,
      changed: 1,
      orphaned: 1,
      claimsChanged: 1,
      claimsOrphaned: 1,
    });
    expect(outcome.changes.annotations.map((a) => a.id).sort()).toEqual(
      Object.values(sample)
        .map((a) => a.id)
        .sort(),
    );
    expect(outcome.article.orphanCount).toBe(1);

    const text = service.articleText(ID);
    expect(text).toContain('which Russia has denied');
    const byId = new Map(
      service.listAnnotations({ articleId: ID }).annotations.map((a) => [a.id, a]),
    );
    const denial = byId.get(sample.denial.id)!;
    expect(denial.quote.exact).toBe('which Russia has denied');
    expect(denial.originalQuote).toBe(DENIAL);
    expect(denial.anchor).toMatchObject({ status: 'changed' });
    expect(text.slice(denial.position.start, denial.position.end)).toBe(denial.quote.exact);
    // An orphan keeps its last selectors: a later version may find them again.
    const warning = byId.get(sample.warning.id)!;
    expect(warning.anchor).toEqual({ status: 'orphan' });
    expect(warning.quote).toEqual(sample.warning.quote);
    expect(byId.get(sample.whiteHouse.id)!.anchor.status).toBe('moved');
    expect(byId.get(sample.accusation.id)!.anchor.status).toBe('anchored');
    // Tags, links and notes are not touched.
    expect(byId.get(sample.accusation.id)!.tags).toEqual(sample.accusation.tags);
    expect(byId.get(sample.denial.id)!.links).toEqual(sample.denial.links);

    const versions = service.listVersions({ articleId: ID });
    expect(versions.versions.map((v) => [v.number, v.current, v.source])).toEqual([
      [1, false, 'import'],
      [2, true, 'file'],
    ]);
    expect(versions.versions[1]?.report).toEqual(outcome.report);
    // The old text is kept in its version row; the current one lives in `articles` only.
    expect(
      db
        .prepare('SELECT number, text IS NULL AS empty FROM article_versions ORDER BY number')
        .all(),
    ).toEqual([
      { number: 1, empty: 0 },
      { number: 2, empty: 1 },
    ]);
    // Search reads the new text.
    const hits = search(db, { query: '"has denied"', limit: 10 });
    expect(hits.groups.map((g) => g.article.id)).toContain(ID);
    expect(service.getArticle({ id: ID }).article.damaged).toBe(false);
  });

  it('answers unchanged for the same text and stores nothing', () => {
    const { db, service } = harness();
    annotateSample(service);
    const outcome = update(service, sampleText());
    expect(outcome).toMatchObject({ status: 'unchanged', report: null });
    expect(outcome.version).toMatchObject({ number: 1, current: true });
    expect(count(db, 'article_versions')).toBe(1);
    expect(count(db, 'annotation_anchors')).toBe(0);
  });

  it('refuses an unknown article, bytes that are not base64, and a read-only library', () => {
    const { db, service, readOnlyService } = harness();
    expect(
      serviceErrorOf(() =>
        service.updateArticleFromFile({ id: UNKNOWN_ID, fileName: 'a.txt', contentBase64: 'eA==' }),
      ).code,
    ).toBe('not_found');
    expect(
      serviceErrorOf(() =>
        service.updateArticleFromFile({ id: ID, fileName: 'a.txt', contentBase64: 'not base64!' }),
      ).code,
    ).toBe('invalid_request');
    const refused = serviceErrorOf(() =>
      readOnlyService().updateArticleFromFile({
        id: ID,
        fileName: 'a.txt',
        contentBase64: base64(revisedSampleText()),
      }),
    );
    expect(refused.code).toBe('read_only');
    expect(count(db, 'article_versions')).toBe(1);
  });

  it('re-anchors from the latest version, and keeps each older version readable as it was', () => {
    const { service } = harness();
    const sample = annotateSample(service);
    update(service, revisedSampleText());
    // Made in version 2: it has no place in version 1.
    const later = create(service, ID, 'has denied');
    const third = update(
      service,
      revisedSampleText().replace('In December of 2021', 'In early December of 2021'),
    );
    expect(third.version.number).toBe(3);
    // Relative to version 2: the denial's words did not change again, the orphan stays one.
    expect(third.report).toMatchObject({ changed: 0, orphaned: 1, claimsOrphaned: 1 });
    const denial = service
      .listAnnotations({ articleId: ID })
      .annotations.find((a) => a.id === sample.denial.id)!;
    // Stored: its words still differ from the words as annotated.
    expect(denial.anchor.status).toBe('changed');
    expect(denial.originalQuote).toBe(DENIAL);

    const v1 = service.getArticleVersion({ articleId: ID, number: 1 });
    expect(v1.version).toMatchObject({ number: 1, current: false });
    expect(JSON.stringify(v1.document)).toContain('which Russia denies');
    const v1Denial = v1.anchors.find((a) => a.annotationId === sample.denial.id)!;
    expect(v1Denial.quote.exact).toBe(DENIAL);
    expect(v1Denial.anchor.status).toBe('anchored');
    expect(v1.anchors.map((a) => a.annotationId)).not.toContain(later.id);
    const v2 = service.getArticleVersion({ articleId: ID, number: 2 });
    expect(v2.anchors.find((a) => a.annotationId === sample.denial.id)?.quote.exact).toBe(
      'which Russia has denied',
    );
    expect(v2.anchors.map((a) => a.annotationId)).toContain(later.id);
    const v3 = service.getArticleVersion({ articleId: ID, number: 3 });
    expect(v3.version.current).toBe(true);
    expect(JSON.stringify(v3.document)).toContain('In early December');
    expect(v3.anchors).toHaveLength(6);

    expect(serviceErrorOf(() => service.getArticleVersion({ articleId: ID, number: 4 })).code).toBe(
      'not_found',
    );
  });

  it('re-anchors deleted annotations too, so a restore finds them placed, and does not count them', () => {
    const { service } = harness();
    const sample = annotateSample(service);
    service.deleteAnnotation({ id: sample.whiteHouse.id });
    const outcome = update(service, revisedSampleText());
    expect(outcome.report).toMatchObject({ unchanged: 1, moved: 1, changed: 1, orphaned: 1 });
    expect(outcome.changes.annotations.map((a) => a.id)).not.toContain(sample.whiteHouse.id);
    const restored = service.restoreAnnotation({ id: sample.whiteHouse.id }).annotation;
    const text = service.articleText(ID);
    expect(restored.anchor.status).toBe('moved');
    expect(text.slice(restored.position.start, restored.position.end)).toBe(WHITE_HOUSE);
    expect(restored.position.start).toBe(sample.whiteHouse.position.start + 4);
    // Deleted annotations have no place in older versions' views.
    expect(
      service.getArticleVersion({ articleId: ID, number: 1 }).anchors.map((a) => a.annotationId),
    ).toContain(sample.whiteHouse.id);
  });
});

describe('diffVersions and the notice', () => {
  it('diffs two versions by number and refuses an unknown one', () => {
    const { service } = harness();
    update(service, revisedSampleText());
    const diff = service.diffVersions({ articleId: ID, from: 1, to: 2 });
    expect(diff.from.number).toBe(1);
    expect(diff.to.number).toBe(2);
    expect(diff.changes.length).toBeGreaterThan(0);
    expect(service.diffVersions({ articleId: ID, from: 2, to: 2 }).changes).toEqual([]);
    expect(serviceErrorOf(() => service.diffVersions({ articleId: ID, from: 1, to: 3 })).code).toBe(
      'not_found',
    );
  });

  it('shows the banner of a new version until it is dismissed, and again for the next one', () => {
    const { service } = harness();
    expect(service.listVersions({ articleId: ID }).noticeDismissed).toBe(true);
    update(service, revisedSampleText());
    expect(service.listVersions({ articleId: ID }).noticeDismissed).toBe(false);
    service.dismissVersionNotice({ articleId: ID });
    expect(service.listVersions({ articleId: ID }).noticeDismissed).toBe(true);
    update(service, revisedSampleText().replace('In December', 'In late December'));
    expect(service.listVersions({ articleId: ID }).noticeDismissed).toBe(false);
    expect(serviceErrorOf(() => service.listVersions({ articleId: UNKNOWN_ID })).code).toBe(
      'not_found',
    );
  });
});

describe('reattachAnnotation and its undo', () => {
  it('puts an orphan on new words (changed, original kept), and undo puts it back', () => {
    const { service } = harness();
    const sample = annotateSample(service);
    update(service, revisedSampleText());
    const range = rangeOf(service, ID, 'a crucial month');
    const reply = service.reattachAnnotation({ id: sample.warning.id, ...range });
    expect(reply.annotation).toMatchObject({
      quote: range.quote,
      position: range.position,
      originalQuote: WARNING,
      anchor: { status: 'changed', ...range.position },
    });
    expect(reply.previous).toMatchObject({
      anchor: { status: 'orphan' },
      quote: sample.warning.quote,
    });
    expect(reply.changes.articles[0]?.orphanCount).toBe(0);

    const undone = service.restoreAnnotationPlace({ id: sample.warning.id, place: reply.previous });
    expect(undone.annotation.anchor).toEqual({ status: 'orphan' });
    expect(undone.annotation.quote).toEqual(sample.warning.quote);
    expect(undone.changes.articles[0]?.orphanCount).toBe(1);
  });

  it('re-attached on its own words again it is anchored with no original quote', () => {
    const { service } = harness();
    const sample = annotateSample(service);
    update(service, revisedSampleText());
    update(service, revisedSampleText() + '\n' + WARNING + '.\n');
    const range = rangeOf(service, ID, WARNING);
    const { annotation } = service.reattachAnnotation({ id: sample.warning.id, ...range });
    expect(annotation.originalQuote).toBeNull();
    expect(annotation.anchor.status).toBe('anchored');
  });

  it('refuses words that are not at the position given, and an unknown annotation', () => {
    const { service } = harness();
    const sample = annotateSample(service);
    const range = rangeOf(service, ID, 'a crucial month');
    const wrong = serviceErrorOf(() =>
      service.reattachAnnotation({
        id: sample.warning.id,
        quote: { ...range.quote, exact: 'Something else' },
        position: range.position,
      }),
    );
    expect(wrong.code).toBe('invalid_request');
    expect(wrong.message).toMatch(/does not match/);
    expect(
      serviceErrorOf(() => service.reattachAnnotation({ id: UNKNOWN_ID, ...range })).code,
    ).toBe('not_found');
    // An anchored place to restore must hold its words too.
    const place = {
      quote: { ...range.quote, exact: 'Something else' },
      position: range.position,
      originalQuote: null,
      anchor: { status: 'anchored' as const, ...range.position },
    };
    expect(
      serviceErrorOf(() => service.restoreAnnotationPlace({ id: sample.warning.id, place })).code,
    ).toBe('invalid_request');
    // And its anchor must be where its selectors say.
    const elsewhere = {
      ...place,
      quote: range.quote,
      anchor: { status: 'anchored' as const, start: 0, end: range.position.end },
    };
    const misplaced = serviceErrorOf(() =>
      service.restoreAnnotationPlace({ id: sample.warning.id, place: elsewhere }),
    );
    expect(misplaced.code).toBe('invalid_request');
    expect(misplaced.message).toMatch(/is not the place's position/);
  });
});

describe('the Trash', () => {
  it('erasing an article erases its versions and its annotations’ places in them', () => {
    const { db, service } = harness();
    annotateSample(service);
    update(service, revisedSampleText());
    expect(count(db, 'annotation_anchors')).toBe(5);
    service.deleteArticle({ id: ID });
    expect(count(db, 'article_versions')).toBe(2);
    service.emptyTrash({});
    expect(count(db, 'article_versions')).toBe(0);
    expect(count(db, 'annotation_anchors')).toBe(0);
  });
});
