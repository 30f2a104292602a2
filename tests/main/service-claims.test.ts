/**
 * The operations added with migration 2, through the service and through `dispatch`: claims with
 * speakers as entities and remembered claim types, typed links between annotations (with restore),
 * tag rename and merge, settings, and reading positions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../src/main/library';
import { resourcesDir } from '../../src/main/paths';
import { SAMPLE_ARTICLE_ID, readSample } from '../../src/main/sample';
import { createService, type Service } from '../../src/main/service';
import { openDatabase } from '../../src/main/store/connection';
import { dispatch } from '../../src/shared/contract/dispatch';
import {
  DEFAULT_CLAIM_TYPES,
  DEFAULT_SETTINGS,
  type Annotation,
  type ArticleSummary,
  type Changes,
} from '../../src/shared/contract/entities';
import type { ErrorCode, Result } from '../../src/shared/contract/errors';
import { operations } from '../../src/shared/contract/operations';
import { changesOf } from '../support/annotation-builder';
import {
  create,
  createReply,
  idSource,
  rangeOf,
  serviceErrorOf,
  tickingClock,
  UNKNOWN_ID,
  useTempDirs,
} from './helpers';

const tempDir = useTempDirs('marginalia-claims-');

interface Harness {
  readonly db: Database;
  readonly service: Service;
}

const openDbs: Database[] = [];
const openLibraries: Library[] = [];
afterEach(() => {
  for (const db of openDbs.splice(0)) if (db.open) db.close();
  for (const lib of openLibraries.splice(0)) lib.close();
});

function harness(): Harness {
  const { db } = openDatabase(path.join(tempDir(), 'marginalia.db'));
  openDbs.push(db);
  const service = createService({
    db,
    newId: idSource(),
    now: tickingClock(),
    sample: readSample(resourcesDir()),
  });
  return { db, service };
}

function library(dataDir: string): Library {
  const lib = openLibrary({ dataDir });
  openLibraries.push(lib);
  return lib;
}

function expectServiceError(work: () => unknown, code: ErrorCode): void {
  const error = serviceErrorOf(work);
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(0);
}

function expectRefused(result: Result<unknown>, code: ErrorCode): void {
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.code).toBe(code);
    expect(result.error.message.length).toBeGreaterThan(0);
  }
}

/** The annotation as `listAnnotations` shows it now. */
function listed(service: Service, annotation: { id: string; articleId: string }): Annotation {
  const found = service
    .listAnnotations({ articleId: annotation.articleId })
    .annotations.find((a) => a.id === annotation.id);
  expect(found, `annotation ${annotation.id} is listed`).toBeDefined();
  return found!;
}

/** The article's summary as `listArticles` shows it now. */
function summaryOf(service: Service, articleId: string): ArticleSummary {
  const found = service.listArticles({}).articles.find((a) => a.id === articleId);
  expect(found, `article ${articleId} is listed`).toBeDefined();
  return found!;
}

/**
 * The changes with their article summaries in id order: the service promises which summaries it
 * answers, not in what order (clients replace them by id), so they are compared as a set by id.
 */
function articlesById(changes: Changes): Changes {
  const byId = (a: ArticleSummary, b: ArticleSummary) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { ...changes, articles: [...changes.articles].sort(byId) };
}

function isListed(service: Service, annotation: { id: string; articleId: string }): boolean {
  return service
    .listAnnotations({ articleId: annotation.articleId })
    .annotations.some((a) => a.id === annotation.id);
}

/** A second article, imported as a user would, that quotes the same speakers. */
function importSecondArticle(service: Service): string {
  const source = [
    '# Moscow answers',
    '',
    'Russia denies planning any invasion of Ukraine.',
    '',
    'Western intelligence says the troops are still arriving.',
  ].join('\n');
  return service.importBytes('moscow.md', Buffer.from(source)).article.id;
}

const ACCUSATION = 'Western intelligence reports have said';
const DENIAL = 'which Russia denies';
const FINDING = 'the White House announced an intelligence finding';

/** The sample's accusation and Russia's denial of it, as claims. */
function accusationAndDenial(service: Service) {
  const accusation = create(service, SAMPLE_ARTICLE_ID, ACCUSATION, {
    claim: { type: 'accusation', speaker: 'Western intelligence', status: 'unverified' },
  });
  const denial = create(service, SAMPLE_ARTICLE_ID, DENIAL, {
    claim: { type: 'denial', speaker: 'Russia', status: 'unverified' },
  });
  return { accusation, denial };
}

describe('claims', () => {
  it('creates an annotation with a claim and answers it', () => {
    const { service } = harness();
    const reply = createReply(service, SAMPLE_ARTICLE_ID, ACCUSATION, {
      claim: { type: 'accusation', speaker: 'Western intelligence', status: 'unverified' },
    });
    const { annotation } = reply;
    expect(annotation.claim).toEqual({
      type: 'accusation',
      speaker: 'Western intelligence',
      status: 'unverified',
    });
    expect(operations.createAnnotation.response.safeParse(reply).success).toBe(true);
    expect(listed(service, annotation)).toEqual(annotation);
    expect(reply.changes).toEqual(
      changesOf({ annotations: [annotation], articles: service.listArticles({}).articles }),
    );
  });

  it('treats speakers differing in case and spacing as one, named as first written', () => {
    const { service } = harness();
    const first = create(service, SAMPLE_ARTICLE_ID, ACCUSATION, {
      claim: { type: 'accusation', speaker: 'Western intelligence', status: 'unverified' },
    });
    const second = create(service, SAMPLE_ARTICLE_ID, FINDING, {
      claim: { type: 'assertion', speaker: 'western  INTELLIGENCE', status: 'disputed' },
    });
    expect(second.claim).toEqual({
      type: 'assertion',
      speaker: 'Western intelligence',
      status: 'disputed',
    });
    const { speakers } = service.listSpeakers({});
    expect(speakers).toEqual([
      { id: expect.any(String) as string, name: 'Western intelligence', claimCount: 2 },
    ]);
    expect(listed(service, first).claim?.speaker).toBe('Western intelligence');
    expect(operations.listSpeakers.response.safeParse({ speakers }).success).toBe(true);
  });

  it('makes a speaker quoted in two articles one entity', () => {
    const { service } = harness();
    const { denial } = accusationAndDenial(service);
    const otherId = importSecondArticle(service);
    const otherDenial = create(service, otherId, 'Russia denies planning', {
      claim: { type: 'denial', speaker: 'RUSSIA', status: 'unverified' },
    });
    const otherAccusation = create(service, otherId, 'Western intelligence says', {
      claim: { type: 'accusation', speaker: 'Western Intelligence', status: 'unverified' },
    });
    expect(otherDenial.claim?.speaker).toBe('Russia');
    expect(otherAccusation.claim?.speaker).toBe('Western intelligence');
    expect(service.listSpeakers({}).speakers.map((s) => [s.name, s.claimCount])).toEqual([
      ['Russia', 2],
      ['Western intelligence', 2],
    ]);
    // Deleting a claim, or its article, takes it out of the count; the speaker stays one entity.
    service.deleteAnnotation({ id: denial.id });
    service.deleteArticle({ id: otherId });
    expect(service.listSpeakers({}).speakers.map((s) => [s.name, s.claimCount])).toEqual([
      ['Russia', 0],
      ['Western intelligence', 1],
    ]);
  });

  it('changes a claim with updateAnnotation, keeps it when not sent, and clears it with null', () => {
    const { service } = harness();
    const { denial } = accusationAndDenial(service);

    const changed = service.updateAnnotation({
      id: denial.id,
      claim: { type: 'denial', speaker: 'the Kremlin', status: 'confirmed' },
    }).annotation;
    expect(changed.claim).toEqual({ type: 'denial', speaker: 'the Kremlin', status: 'confirmed' });

    const noted = service.updateAnnotation({ id: denial.id, note: 'via Peskov' }).annotation;
    expect(noted.claim).toEqual(changed.claim);

    const speakerless = service.updateAnnotation({
      id: denial.id,
      claim: { type: 'denial', speaker: null, status: 'confirmed' },
    }).annotation;
    expect(speakerless.claim).toEqual({ type: 'denial', speaker: null, status: 'confirmed' });

    const cleared = service.updateAnnotation({ id: denial.id, claim: null }).annotation;
    expect(cleared.claim).toBeNull();
    expect(cleared.note).toBe('via Peskov');
    expect(listed(service, denial).claim).toBeNull();
    // An annotation with no claim counts for no speaker.
    const counts = Object.fromEntries(
      service.listSpeakers({}).speakers.map((s) => [s.name, s.claimCount]),
    );
    expect(counts).toMatchObject({ Russia: 0, 'the Kremlin': 0, 'Western intelligence': 1 });
  });

  it('lists the six default claim types, then the user’s, each once whatever its case', () => {
    const { service } = harness();
    expect(service.listClaimTypes({}).types).toEqual([
      'accusation',
      'denial',
      'assertion',
      'evidence',
      'prediction',
      'opinion',
    ]);
    expect(service.listClaimTypes({}).types).toEqual([...DEFAULT_CLAIM_TYPES]);

    const rumour = create(service, SAMPLE_ARTICLE_ID, FINDING, {
      claim: { type: 'rumour', speaker: null, status: 'unverified' },
    });
    expect(rumour.claim?.type).toBe('rumour');
    expect(service.listClaimTypes({}).types).toEqual([...DEFAULT_CLAIM_TYPES, 'rumour']);

    // Another spelling of a known type is that type, as first written.
    const again = create(service, SAMPLE_ARTICLE_ID, ACCUSATION, {
      claim: { type: 'RUMOUR', speaker: null, status: 'unverified' },
    });
    expect(again.claim?.type).toBe('rumour');
    const denial = create(service, SAMPLE_ARTICLE_ID, DENIAL, {
      claim: { type: 'Denial', speaker: 'Russia', status: 'unverified' },
    });
    expect(denial.claim?.type).toBe('denial');
    expect(
      service.updateAnnotation({
        id: again.id,
        claim: { type: ' Rumour ', speaker: null, status: 'false' },
      }).annotation.claim?.type,
    ).toBe('rumour');
    const types = service.listClaimTypes({}).types;
    expect(types).toEqual([...DEFAULT_CLAIM_TYPES, 'rumour']);
    expect(operations.listClaimTypes.response.safeParse({ types }).success).toBe(true);

    // A type stays offered after the last claim using it is cleared.
    service.updateAnnotation({ id: rumour.id, claim: null });
    service.updateAnnotation({ id: again.id, claim: null });
    expect(service.listClaimTypes({}).types).toEqual([...DEFAULT_CLAIM_TYPES, 'rumour']);
  });

  it('trims claim fields through dispatch and refuses an empty type or unknown status', async () => {
    const { service } = harness();
    const created = await dispatch(service, 'createAnnotation', {
      articleId: SAMPLE_ARTICLE_ID,
      ...rangeOf(service, SAMPLE_ARTICLE_ID, DENIAL),
      claim: { type: '  denial ', speaker: '  Russia  ', status: 'denied' },
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const { annotation } = operations.createAnnotation.response.parse(created.value);
    expect(annotation.claim).toEqual({ type: 'denial', speaker: 'Russia', status: 'denied' });

    for (const claim of [
      { type: '   ', speaker: null, status: 'unverified' },
      { type: 'denial', speaker: null, status: 'probably' },
      { type: 'denial', speaker: '', status: 'unverified' },
      { type: 'denial', status: 'unverified' },
    ]) {
      expectRefused(
        await dispatch(service, 'updateAnnotation', { id: annotation.id, claim }),
        'invalid_request',
      );
    }
    expect(listed(service, annotation).claim).toEqual(annotation.claim);
    expect(service.listSpeakers({}).speakers.map((s) => s.name)).toEqual(['Russia']);
  });
});

describe('links', () => {
  it('shows a link on both annotations: outgoing on the denial, incoming on the accusation', () => {
    const { service } = harness();
    const { accusation, denial } = accusationAndDenial(service);
    const reply = service.createLink({
      fromId: denial.id,
      toId: accusation.id,
      relation: 'denies',
    });
    const { link } = reply;
    expect(link).toMatchObject({ fromId: denial.id, toId: accusation.id, relation: 'denies' });
    expect(reply.created).toBe(true);
    expect(operations.createLink.response.safeParse(reply).success).toBe(true);
    // Both ends, as they are listed now, in document order, and their article with both claims.
    expect(reply.changes).toEqual(
      changesOf({
        annotations: [listed(service, accusation), listed(service, denial)],
        articles: [summaryOf(service, SAMPLE_ARTICLE_ID)],
      }),
    );
    expect(reply.changes.articles[0]).toMatchObject({
      annotationCount: 2,
      claimCount: 2,
      facets: {
        speakers: ['Russia', 'Western intelligence'],
        claimTypes: ['accusation', 'denial'],
      },
    });

    expect(listed(service, denial).links).toEqual([
      {
        id: link.id,
        relation: 'denies',
        direction: 'outgoing',
        otherId: accusation.id,
        otherArticleId: SAMPLE_ARTICLE_ID,
        otherQuote: ACCUSATION,
      },
    ]);
    expect(listed(service, accusation).links).toEqual([
      {
        id: link.id,
        relation: 'denies',
        direction: 'incoming',
        otherId: denial.id,
        otherArticleId: SAMPLE_ARTICLE_ID,
        otherQuote: DENIAL,
      },
    ]);
    const all = service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID });
    expect(operations.listAnnotations.response.safeParse(all).success).toBe(true);
  });

  it('links across articles, naming the other article', () => {
    const { service } = harness();
    const { accusation } = accusationAndDenial(service);
    const otherId = importSecondArticle(service);
    const otherDenial = create(service, otherId, 'Russia denies planning');
    const { link } = service.createLink({
      fromId: otherDenial.id,
      toId: accusation.id,
      relation: 'responds-to',
    });
    expect(listed(service, otherDenial).links).toEqual([
      expect.objectContaining({
        id: link.id,
        direction: 'outgoing',
        otherId: accusation.id,
        otherArticleId: SAMPLE_ARTICLE_ID,
        otherQuote: ACCUSATION,
      }),
    ]);
    expect(listed(service, accusation).links).toEqual([
      expect.objectContaining({
        id: link.id,
        direction: 'incoming',
        otherId: otherDenial.id,
        otherArticleId: otherId,
        otherQuote: 'Russia denies planning',
      }),
    ]);
    // Deleting the other article hides the link, as it hides the article's annotations.
    service.deleteArticle({ id: otherId });
    expect(listed(service, accusation).links).toEqual([]);
  });

  it('answers the same link when it is created twice, with its ends and their article, and stores one', async () => {
    const { db, service } = harness();
    const { accusation, denial } = accusationAndDenial(service);
    const request = { fromId: denial.id, toId: accusation.id, relation: 'denies' } as const;
    const made = service.createLink(request);
    expect(made.created).toBe(true);
    const first = made.link;
    const again = service.createLink(request);
    // Nothing changed: the ends and their article are answered as they are (applying them
    // changes nothing either).
    const ends = changesOf({
      annotations: [listed(service, accusation), listed(service, denial)],
      articles: [summaryOf(service, SAMPLE_ARTICLE_ID)],
    });
    expect(made.changes).toEqual(ends);
    expect(again).toEqual({ link: first, created: false, changes: ends });
    const viaDispatch = await dispatch(service, 'createLink', request);
    expect(viaDispatch).toEqual({
      ok: true,
      value: { link: first, created: false, changes: ends },
    });
    expect(db.prepare('SELECT count(*) AS n FROM links').get()).toEqual({ n: 1 });
    expect(listed(service, denial).links).toHaveLength(1);

    // Another relation, or the other direction, is another link.
    const supports = service.createLink({ ...request, relation: 'contradicts' }).link;
    const reverse = service.createLink({
      fromId: accusation.id,
      toId: denial.id,
      relation: 'denies',
    }).link;
    expect(new Set([first.id, supports.id, reverse.id]).size).toBe(3);
    expect(listed(service, denial).links.map((l) => [l.relation, l.direction])).toEqual([
      ['denies', 'outgoing'],
      ['contradicts', 'outgoing'],
      ['denies', 'incoming'],
    ]);
  });

  it('refuses a link to itself, an unknown relation, and unknown or deleted annotations', async () => {
    const { db, service } = harness();
    const { accusation, denial } = accusationAndDenial(service);
    expectServiceError(
      () => service.createLink({ fromId: denial.id, toId: denial.id, relation: 'denies' }),
      'invalid_request',
    );
    expectRefused(
      await dispatch(service, 'createLink', {
        fromId: denial.id,
        toId: denial.id,
        relation: 'denies',
      }),
      'invalid_request',
    );
    expectRefused(
      await dispatch(service, 'createLink', {
        fromId: denial.id,
        toId: accusation.id,
        relation: 'refutes',
      }),
      'invalid_request',
    );
    expectServiceError(
      () => service.createLink({ fromId: denial.id, toId: UNKNOWN_ID, relation: 'denies' }),
      'not_found',
    );
    expectServiceError(
      () => service.createLink({ fromId: UNKNOWN_ID, toId: accusation.id, relation: 'denies' }),
      'not_found',
    );
    service.deleteAnnotation({ id: accusation.id });
    expectRefused(
      await dispatch(service, 'createLink', {
        fromId: denial.id,
        toId: accusation.id,
        relation: 'denies',
      }),
      'not_found',
    );
    expect(db.prepare('SELECT count(*) AS n FROM links').get()).toEqual({ n: 0 });
  });

  it('deleteLink removes it from both ends; restoreLink brings it back; both answer the ends and their article', async () => {
    const { db, service } = harness();
    const { accusation, denial } = accusationAndDenial(service);
    const { link } = service.createLink({
      fromId: denial.id,
      toId: accusation.id,
      relation: 'denies',
    });
    const deleted = service.deleteLink({ id: link.id });
    expect(deleted.id).toBe(link.id);
    expect(listed(service, denial).links).toEqual([]);
    expect(listed(service, accusation).links).toEqual([]);
    expect(deleted.changes).toEqual(
      changesOf({
        annotations: [listed(service, accusation), listed(service, denial)],
        articles: [summaryOf(service, SAMPLE_ARTICLE_ID)],
      }),
    );
    // A link is not counted: the claims are still there.
    expect(deleted.changes.articles[0]).toMatchObject({ annotationCount: 2, claimCount: 2 });
    // Both annotations stay.
    expect(listed(service, denial).claim?.type).toBe('denial');
    expect(listed(service, accusation).claim?.type).toBe('accusation');
    expectServiceError(() => service.deleteLink({ id: link.id }), 'not_found');
    expectServiceError(() => service.deleteLink({ id: UNKNOWN_ID }), 'not_found');

    const restored = service.restoreLink({ id: link.id });
    expect(listed(service, denial).links.map((l) => l.id)).toEqual([link.id]);
    expect(listed(service, accusation).links.map((l) => l.id)).toEqual([link.id]);
    const ends = changesOf({
      annotations: [listed(service, accusation), listed(service, denial)],
      articles: [summaryOf(service, SAMPLE_ARTICLE_ID)],
    });
    expect(restored).toEqual({ link, changes: ends });
    // Restoring a live link changes nothing, and answers the ends as they are.
    const rows = db.prepare('SELECT * FROM links ORDER BY id').all();
    expect(await dispatch(service, 'restoreLink', { id: link.id })).toEqual({
      ok: true,
      value: { link, changes: ends },
    });
    expect(db.prepare('SELECT * FROM links ORDER BY id').all()).toEqual(rows);
    expectServiceError(() => service.restoreLink({ id: UNKNOWN_ID }), 'not_found');
  });

  it('restoreLink answers the live twin instead of making a duplicate', () => {
    const { db, service } = harness();
    const { accusation, denial } = accusationAndDenial(service);
    const request = { fromId: denial.id, toId: accusation.id, relation: 'denies' } as const;
    const old = service.createLink(request).link;
    service.deleteLink({ id: old.id });
    const twin = service.createLink(request).link;
    expect(twin.id).not.toBe(old.id);
    expect(service.restoreLink({ id: old.id }).link).toEqual(twin);
    expect(db.prepare('SELECT count(*) AS n FROM links WHERE deleted_at IS NULL').get()).toEqual({
      n: 1,
    });
    expect(listed(service, denial).links.map((l) => l.id)).toEqual([twin.id]);
  });

  it('deleting one end hides the link from the other end but never deletes the other end', () => {
    const { service } = harness();
    const { accusation, denial } = accusationAndDenial(service);
    const { link } = service.createLink({
      fromId: denial.id,
      toId: accusation.id,
      relation: 'denies',
    });
    service.deleteAnnotation({ id: accusation.id });
    expect(isListed(service, accusation)).toBe(false);
    expect(isListed(service, denial)).toBe(true);
    expect(listed(service, denial).links).toEqual([]);
    expect(listed(service, denial).claim).toEqual(denial.claim);
    // The link cannot come back on its own while an end is deleted.
    expectServiceError(() => service.restoreLink({ id: link.id }), 'not_found');
    expectServiceError(() => service.deleteLink({ id: link.id }), 'not_found');
  });

  it('Undo after deleting a linked claim restores the claim and its link', async () => {
    const { service } = harness();
    const { accusation, denial } = accusationAndDenial(service);
    const finding = create(service, SAMPLE_ARTICLE_ID, FINDING, {
      claim: { type: 'evidence', speaker: 'the White House', status: 'unverified' },
    });
    const denies = service.createLink({
      fromId: denial.id,
      toId: accusation.id,
      relation: 'denies',
    }).link;
    const supports = service.createLink({
      fromId: finding.id,
      toId: accusation.id,
      relation: 'supports',
    }).link;
    const before = listed(service, accusation);
    expect(before.links.map((l) => l.id)).toEqual([denies.id, supports.id]);

    service.deleteAnnotation({ id: accusation.id });
    expect(listed(service, denial).links).toEqual([]);
    expect(listed(service, finding).links).toEqual([]);

    const restored = await dispatch(service, 'restoreAnnotation', { id: accusation.id });
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    const { annotation } = operations.restoreAnnotation.response.parse(restored.value);
    expect(annotation).toMatchObject({
      id: accusation.id,
      quote: accusation.quote,
      position: accusation.position,
      claim: accusation.claim,
      links: before.links,
    });
    expect(listed(service, accusation)).toEqual(annotation);
    expect(listed(service, denial).links).toEqual([
      expect.objectContaining({ id: denies.id, direction: 'outgoing', otherId: accusation.id }),
    ]);
    expect(listed(service, finding).links).toEqual([
      expect.objectContaining({ id: supports.id, direction: 'outgoing', otherId: accusation.id }),
    ]);
    expect(
      service.listSpeakers({}).speakers.find((s) => s.name === 'Western intelligence'),
    ).toMatchObject({ claimCount: 1 });
  });

  it('undoes two deletes of linked claims in reverse order, link and all', () => {
    const { service } = harness();
    const { accusation, denial } = accusationAndDenial(service);
    const { link } = service.createLink({
      fromId: denial.id,
      toId: accusation.id,
      relation: 'denies',
    });
    service.deleteAnnotation({ id: accusation.id });
    service.deleteAnnotation({ id: denial.id });
    service.restoreAnnotation({ id: denial.id });
    expect(listed(service, denial).links).toEqual([]);
    service.restoreAnnotation({ id: accusation.id });
    expect(listed(service, denial).links.map((l) => l.id)).toEqual([link.id]);
    expect(listed(service, accusation).links.map((l) => l.id)).toEqual([link.id]);
  });

  it('restoreAnnotation of a live annotation changes nothing and answers it', () => {
    const { db, service } = harness();
    const { accusation, denial } = accusationAndDenial(service);
    service.createLink({ fromId: denial.id, toId: accusation.id, relation: 'denies' });
    const current = listed(service, accusation);
    const rows = db.prepare('SELECT * FROM annotations ORDER BY id').all();
    // The annotation, its linked end and its article are answered as they are.
    expect(service.restoreAnnotation({ id: accusation.id })).toEqual({
      annotation: current,
      changes: changesOf({
        annotations: [current, listed(service, denial)],
        articles: service.listArticles({}).articles,
      }),
    });
    expect(db.prepare('SELECT * FROM annotations ORDER BY id').all()).toEqual(rows);
    expectServiceError(() => service.restoreAnnotation({ id: UNKNOWN_ID }), 'not_found');
  });

  it('does not restore, with an annotation, a link that was deleted on its own before', () => {
    const { service } = harness();
    const { accusation, denial } = accusationAndDenial(service);
    const finding = create(service, SAMPLE_ARTICLE_ID, FINDING);
    const denies = service.createLink({
      fromId: denial.id,
      toId: accusation.id,
      relation: 'denies',
    }).link;
    const supports = service.createLink({
      fromId: finding.id,
      toId: accusation.id,
      relation: 'supports',
    }).link;
    service.deleteLink({ id: denies.id });
    service.deleteAnnotation({ id: accusation.id });
    service.restoreAnnotation({ id: accusation.id });
    expect(listed(service, accusation).links.map((l) => l.id)).toEqual([supports.id]);
    expect(listed(service, denial).links).toEqual([]);
    // It can still be restored on its own, and takes its place again (links list by creation).
    service.restoreLink({ id: denies.id });
    expect(listed(service, accusation).links.map((l) => l.id)).toEqual([denies.id, supports.id]);
  });

  it('does not restore an annotation of a deleted article', () => {
    const { service } = harness();
    const { accusation } = accusationAndDenial(service);
    service.deleteAnnotation({ id: accusation.id });
    service.deleteArticle({ id: SAMPLE_ARTICLE_ID });
    expectServiceError(() => service.restoreAnnotation({ id: accusation.id }), 'not_found');
  });
});

describe('renaming tags', () => {
  function tagId(service: Service, name: string): string {
    const tag = service.listTags({}).tags.find((t) => t.name === name);
    expect(tag, `tag ${name}`).toBeDefined();
    return tag!.id;
  }

  it('renames a tag everywhere it is used, answering its annotations and their articles', () => {
    const { service } = harness();
    const a = create(service, SAMPLE_ARTICLE_ID, ACCUSATION, { tags: ['false flag', 'NATO'] });
    const b = create(service, SAMPLE_ARTICLE_ID, FINDING, { tags: ['false flag'] });
    const otherId = importSecondArticle(service);
    const c = create(service, otherId, 'Russia denies planning', { tags: ['false flag'] });
    const id = tagId(service, 'false flag');

    const renamed = service.renameTag({ id, name: 'False-flag claims' });
    expect(operations.renameTag.response.safeParse(renamed).success).toBe(true);
    expect(listed(service, a).tags).toEqual(['False-flag claims', 'NATO']);
    expect(listed(service, b).tags).toEqual(['False-flag claims']);
    expect(listed(service, c).tags).toEqual(['False-flag claims']);
    // Every annotation carrying the tag, as listed now (by article, then in document order).
    const carrying = () =>
      [listed(service, a), listed(service, b), listed(service, c)].sort(
        (x, y) => x.articleId.localeCompare(y.articleId) || x.position.start - y.position.start,
      );
    // And both their articles, whose facets now name the tag by its new name.
    const articles = () =>
      articlesById(
        changesOf({
          annotations: carrying(),
          articles: [summaryOf(service, SAMPLE_ARTICLE_ID), summaryOf(service, otherId)],
        }),
      );
    expect({ ...renamed, changes: articlesById(renamed.changes) }).toEqual({
      tag: { id, name: 'False-flag claims', annotationCount: 3 },
      merged: false,
      previousName: 'false flag',
      changes: articles(),
    });
    const facetTags = (changes: Changes, articleId: string) =>
      changes.articles.find((x) => x.id === articleId)?.facets.annotationTags;
    expect(facetTags(renamed.changes, SAMPLE_ARTICLE_ID)).toEqual(['False-flag claims', 'NATO']);
    expect(facetTags(renamed.changes, otherId)).toEqual(['False-flag claims']);
    expect(service.listTags({}).tags.map((t) => t.name)).toEqual(['False-flag claims', 'NATO']);

    // A change of case only is a rename of the same tag, not a merge.
    const recased = service.renameTag({ id, name: 'false-flag CLAIMS' });
    expect({ ...recased, changes: articlesById(recased.changes) }).toEqual({
      tag: { id, name: 'false-flag CLAIMS', annotationCount: 3 },
      merged: false,
      previousName: 'False-flag claims',
      changes: articles(),
    });
    expect(facetTags(recased.changes, otherId)).toEqual(['false-flag CLAIMS']);
    expect(recased.changes.annotations.map((x) => x.tags[0])).toEqual([
      'false-flag CLAIMS',
      'false-flag CLAIMS',
      'false-flag CLAIMS',
    ]);
    // Tagging with the old name now makes a new tag.
    const d = create(service, SAMPLE_ARTICLE_ID, DENIAL, { tags: ['false flag'] });
    expect(listed(service, d).tags).toEqual(['false flag']);
    expect(tagId(service, 'false flag')).not.toBe(id);
  });

  it('merges into an existing tag of the same name in another case, answering its annotations and their article', async () => {
    const { db, service } = harness();
    const a = create(service, SAMPLE_ARTICLE_ID, ACCUSATION, { tags: ['Kremlin'] });
    const both = create(service, SAMPLE_ARTICLE_ID, FINDING, {
      tags: ['Kremlin', 'russia claims'],
    });
    const c = create(service, SAMPLE_ARTICLE_ID, DENIAL, { tags: ['russia claims', 'denials'] });
    const kremlin = tagId(service, 'Kremlin');
    const target = tagId(service, 'russia claims');

    const result = await dispatch(service, 'renameTag', { id: kremlin, name: 'Russia Claims' });
    expect(listed(service, a).tags).toEqual(['russia claims']);
    expect(listed(service, both).tags).toEqual(['russia claims']);
    expect(listed(service, c).tags).toEqual(['denials', 'russia claims']);
    // Every annotation now carrying the tag merged into, in document order, and their article,
    // whose facets no longer name the tag merged away.
    expect(result).toEqual({
      ok: true,
      value: {
        tag: { id: target, name: 'russia claims', annotationCount: 3 },
        merged: true,
        previousName: 'Kremlin',
        changes: changesOf({
          annotations: [listed(service, a), listed(service, c), listed(service, both)],
          articles: [summaryOf(service, SAMPLE_ARTICLE_ID)],
        }),
      },
    });
    expect(summaryOf(service, SAMPLE_ARTICLE_ID).facets.annotationTags).toEqual([
      'denials',
      'russia claims',
    ]);
    expect(service.listTags({}).tags).toEqual([
      { id: tagId(service, 'denials'), name: 'denials', annotationCount: 1 },
      { id: target, name: 'russia claims', annotationCount: 3 },
    ]);
    expect(
      db.prepare('SELECT count(*) AS n FROM annotation_tags WHERE tag_id = ?').get(kremlin),
    ).toEqual({ n: 0 });
    // The merged-away tag is gone.
    expectServiceError(() => service.renameTag({ id: kremlin, name: 'Kremlin' }), 'not_found');
  });

  it('refuses an unknown tag and a name no tag may have', async () => {
    const { service } = harness();
    create(service, SAMPLE_ARTICLE_ID, ACCUSATION, { tags: ['NATO'] });
    expectServiceError(() => service.renameTag({ id: UNKNOWN_ID, name: 'x' }), 'not_found');
    expectRefused(await dispatch(service, 'renameTag', { id: UNKNOWN_ID, name: 'x' }), 'not_found');
    for (const name of ['', '   ', 'a,b', '#nato']) {
      expectRefused(
        await dispatch(service, 'renameTag', { id: tagId(service, 'NATO'), name }),
        'invalid_request',
      );
    }
    expect(service.listTags({}).tags.map((t) => t.name)).toEqual(['NATO']);
  });
});

describe('settings', () => {
  it('answers the defaults in a new library', async () => {
    const { service } = harness();
    expect(service.getSettings({})).toEqual({ settings: DEFAULT_SETTINGS });
    const viaDispatch = await dispatch(service, 'getSettings', {});
    expect(viaDispatch).toEqual({ ok: true, value: { settings: DEFAULT_SETTINGS } });
  });

  it('changes only what the patch names, and keeps it across reopening the library', () => {
    const dir = tempDir();
    const first = library(dir);
    const updated = first.service.updateSettings({ patch: { theme: 'dark' } });
    expect(updated).toEqual({ settings: { ...DEFAULT_SETTINGS, theme: 'dark' } });
    expect(operations.updateSettings.response.safeParse(updated).success).toBe(true);
    first.service.updateSettings({ patch: { fontSize: 22 } });
    expect(first.service.getSettings({}).settings).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      fontSize: 22,
    });
    first.close();

    const second = library(dir);
    expect(second.service.getSettings({}).settings).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      fontSize: 22,
    });
  });

  it('refuses an invalid patch through dispatch and changes nothing', async () => {
    const { db, service } = harness();
    service.updateSettings({ patch: { lineWidth: 'wide' } });
    const before = service.getSettings({}).settings;
    const rows = db.prepare('SELECT * FROM settings').all();
    for (const payload of [
      { patch: { fontSize: 500 } },
      { patch: { fontSize: 19.5 } },
      { patch: { theme: 'neon' } },
      { patch: { theme: 'dark', unknown: true } },
      { patch: { colorLabels: { yellow: 'evidence' } } },
      { patch: { colorLabels: { ...DEFAULT_SETTINGS.colorLabels, orange: 'x' } } },
      { theme: 'dark' },
      {},
    ]) {
      expectRefused(await dispatch(service, 'updateSettings', payload), 'invalid_request');
    }
    expect(service.getSettings({}).settings).toEqual(before);
    expect(db.prepare('SELECT * FROM settings').all()).toEqual(rows);
  });

  it('does not reset a field a patch names as undefined (as IPC can deliver it)', async () => {
    const { service } = harness();
    service.updateSettings({ patch: { theme: 'sepia' } });
    const result = await dispatch(service, 'updateSettings', {
      patch: { theme: undefined, fontSize: 24 },
    });
    expect(result).toEqual({
      ok: true,
      value: { settings: { ...DEFAULT_SETTINGS, theme: 'sepia', fontSize: 24 } },
    });
    expect(service.getSettings({}).settings).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'sepia',
      fontSize: 24,
    });
  });

  it('round-trips colour labels, trimmed', async () => {
    const dir = tempDir();
    const first = library(dir);
    const labels = { yellow: 'evidence', green: 'confirmed', blue: '', pink: 'denial', purple: '' };
    const result = await dispatch(first.service, 'updateSettings', {
      patch: { colorLabels: { ...labels, yellow: '  evidence  ' } },
    });
    expect(result).toEqual({
      ok: true,
      value: { settings: { ...DEFAULT_SETTINGS, colorLabels: labels } },
    });
    expect(first.service.getSettings({}).settings.colorLabels).toEqual(labels);
    first.close();
    expect(library(dir).service.getSettings({}).settings.colorLabels).toEqual(labels);
  });
});

describe('reading position', () => {
  it('is null until set, then getArticle answers it', () => {
    const { service } = harness();
    expect(service.getArticle({ id: SAMPLE_ARTICLE_ID }).article.readingPosition).toBeNull();
    expect(service.setReadingPosition({ articleId: SAMPLE_ARTICLE_ID, offset: 120 })).toEqual({});
    expect(service.getArticle({ id: SAMPLE_ARTICLE_ID }).article.readingPosition).toBe(120);
    service.setReadingPosition({ articleId: SAMPLE_ARTICLE_ID, offset: 40 });
    const { article } = service.getArticle({ id: SAMPLE_ARTICLE_ID });
    expect(article.readingPosition).toBe(40);
    expect(operations.getArticle.response.safeParse({ article }).success).toBe(true);
    // Per article: another article has its own.
    const otherId = importSecondArticle(service);
    expect(service.getArticle({ id: otherId }).article.readingPosition).toBeNull();
  });

  it('clamps an offset past the end to the length of the text', async () => {
    const { service } = harness();
    const text = service.articleText(SAMPLE_ARTICLE_ID);
    expect(
      await dispatch(service, 'setReadingPosition', {
        articleId: SAMPLE_ARTICLE_ID,
        offset: 10_000_000,
      }),
    ).toEqual({ ok: true, value: {} });
    expect(service.getArticle({ id: SAMPLE_ARTICLE_ID }).article.readingPosition).toBe(text.length);
    service.setReadingPosition({ articleId: SAMPLE_ARTICLE_ID, offset: text.length });
    expect(service.getArticle({ id: SAMPLE_ARTICLE_ID }).article.readingPosition).toBe(text.length);
  });

  it('refuses an unknown or deleted article, and a negative or fractional offset', async () => {
    const { db, service } = harness();
    expectServiceError(
      () => service.setReadingPosition({ articleId: UNKNOWN_ID, offset: 0 }),
      'not_found',
    );
    expectRefused(
      await dispatch(service, 'setReadingPosition', { articleId: UNKNOWN_ID, offset: 0 }),
      'not_found',
    );
    for (const offset of [-1, 1.5, '3']) {
      expectRefused(
        await dispatch(service, 'setReadingPosition', { articleId: SAMPLE_ARTICLE_ID, offset }),
        'invalid_request',
      );
    }
    const otherId = importSecondArticle(service);
    service.deleteArticle({ id: otherId });
    expectServiceError(
      () => service.setReadingPosition({ articleId: otherId, offset: 0 }),
      'not_found',
    );
    expect(db.prepare('SELECT count(*) AS n FROM reading_positions').get()).toEqual({ n: 0 });
  });
});

describe('restoreArticle', () => {
  it('brings a deleted article back with its annotations; a live one is answered as it is', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-restore-'));
    const lib = openLibrary({ dataDir: dir });
    try {
      const { service } = lib;
      const text = service.articleText(SAMPLE_ARTICLE_ID);
      const start = text.indexOf('Stoltenberg');
      service.createAnnotation({
        articleId: SAMPLE_ARTICLE_ID,
        quote: { exact: 'Stoltenberg', prefix: '', suffix: '' },
        position: { start, end: start + 'Stoltenberg'.length },
        color: 'yellow',
        note: '',
        claim: null,
        tags: [],
      });
      service.deleteArticle({ id: SAMPLE_ARTICLE_ID });
      expect(service.listArticles({}).articles).toEqual([]);
      const { article } = service.restoreArticle({ id: SAMPLE_ARTICLE_ID });
      expect(article.id).toBe(SAMPLE_ARTICLE_ID);
      expect(article.annotationCount).toBe(1);
      expect(service.restoreArticle({ id: SAMPLE_ARTICLE_ID }).article.id).toBe(SAMPLE_ARTICLE_ID);
    } finally {
      lib.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
