/**
 * The Trash through the service: what it lists, restore bringing back everything deleted with an
 * article (links at both ends), and Empty Trash erasing only deleted rows, in one transaction.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { resourcesDir } from '../../src/main/paths';
import { SAMPLE_ARTICLE_ID, readSample } from '../../src/main/sample';
import { createService, type Service } from '../../src/main/service';
import { openDatabase } from '../../src/main/store/connection';
import { dispatch } from '../../src/shared/contract/dispatch';
import { operations } from '../../src/shared/contract/operations';
import { create, idSource, serviceErrorOf, tickingClock, useTempDirs } from './helpers';

const tempDir = useTempDirs('marginalia-trash-');
const openDbs: Database[] = [];
afterEach(() => {
  for (const db of openDbs.splice(0)) if (db.open) db.close();
});

function harness() {
  const file = path.join(tempDir(), 'marginalia.db');
  const { db } = openDatabase(file);
  openDbs.push(db);
  const service = createService({
    db,
    newId: idSource(),
    now: tickingClock(),
    sample: readSample(resourcesDir()),
  });
  const readOnlyService = (reason: string) =>
    createService({ db, newId: idSource(0x9000), now: tickingClock(), readOnly: { reason } });
  return { db, service, readOnlyService };
}

function importArticle(service: Service, name: string, lines: string[]): string {
  return service.importBytes(`${name}.md`, Buffer.from(lines.join('\n\n'))).article.id;
}

/** The sample, a second article with a claim linked to one in the sample, tagged. */
function linkedLibrary(service: Service) {
  const otherId = importArticle(service, 'moscow', [
    '# Moscow answers',
    'Russia denies planning any invasion of Ukraine.',
    'Western intelligence says the troops are still arriving.',
    'Quokkas were not consulted.',
  ]);
  const accusation = create(service, SAMPLE_ARTICLE_ID, 'Western intelligence reports have said', {
    tags: ['intel'],
  });
  const denial = create(service, otherId, 'Russia denies planning', { tags: ['kremlin'] });
  const kept = create(service, otherId, 'the troops are still arriving', { note: 'keep' });
  const { link } = service.createLink({
    fromId: denial.id,
    toId: accusation.id,
    relation: 'denies',
  });
  return { otherId, accusation, denial, kept, link };
}

const count = (db: Database, sql: string, ...params: unknown[]) =>
  (db.prepare(sql).get(...params) as { n: number }).n;

describe('listTrash', () => {
  it('lists deleted articles only, most recently deleted first, with the date and annotation count', () => {
    const { service } = harness();
    const { otherId } = linkedLibrary(service);
    expect(service.listTrash({}).articles).toEqual([]);
    service.deleteArticle({ id: SAMPLE_ARTICLE_ID });
    service.deleteArticle({ id: otherId });
    const { articles } = service.listTrash({});
    expect(articles.map((a) => [a.id, a.annotationCount])).toEqual([
      [otherId, 2],
      [SAMPLE_ARTICLE_ID, 1],
    ]);
    expect(articles[0]!.deletedAt > articles[1]!.deletedAt).toBe(true);
    expect(articles[0]!.title).toBe('Moscow answers');
    expect(operations.listTrash.response.safeParse({ articles }).success).toBe(true);
    expect(service.listArticles({}).articles).toEqual([]);
  });
});

describe('restoreArticle from the Trash', () => {
  it('R26 restore brings back the article with its annotations, tags and links on both ends', () => {
    const { service } = harness();
    const { otherId, accusation, denial, link } = linkedLibrary(service);
    const before = service.listAnnotations({ articleId: otherId }).annotations;
    const sampleBefore = service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations;

    const deleted = service.deleteArticle({ id: otherId });
    // The other end loses the link while its article is in the Trash.
    expect(deleted.changes.annotations.map((a) => [a.id, a.links])).toEqual([[accusation.id, []]]);
    expect(service.listTrash({}).articles.map((a) => a.id)).toEqual([otherId]);

    const { article, changes } = service.restoreArticle({ id: otherId });
    expect(article.annotationCount).toBe(2);
    expect(service.listTrash({}).articles).toEqual([]);
    expect(service.listAnnotations({ articleId: otherId }).annotations).toEqual(before);
    expect(service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations).toEqual(
      sampleBefore,
    );
    // The link is back from both ends, and the reply says so for the end in the other article.
    const restoredDenial = before.find((a) => a.id === denial.id)!;
    expect(restoredDenial.links.map((l) => l.id)).toEqual([link.id]);
    expect(restoredDenial.tags).toEqual(['kremlin']);
    const other = changes.annotations.find((a) => a.id === accusation.id);
    expect(other?.links.map((l) => [l.id, l.direction, l.otherId])).toEqual([
      [link.id, 'incoming', denial.id],
    ]);
    // The restored article, and the sample, whose accusation has its link back.
    expect(changes.articles.map((a) => a.id).sort()).toEqual([otherId, SAMPLE_ARTICLE_ID].sort());
    expect(service.listTags({}).tags.map((t) => [t.name, t.annotationCount])).toEqual([
      ['intel', 1],
      ['kremlin', 1],
    ]);
  });

  it('R26 restore leaves deleted an annotation (and its link) that was deleted on its own before', () => {
    const { service } = harness();
    const { otherId, accusation, denial, kept } = linkedLibrary(service);
    service.deleteAnnotation({ id: denial.id });
    service.deleteArticle({ id: otherId });
    expect(service.listTrash({}).articles[0]?.annotationCount).toBe(1);
    service.restoreArticle({ id: otherId });
    expect(service.listAnnotations({ articleId: otherId }).annotations.map((a) => a.id)).toEqual([
      kept.id,
    ]);
    const [sampleEnd] = service
      .listAnnotations({ articleId: SAMPLE_ARTICLE_ID })
      .annotations.filter((a) => a.id === accusation.id);
    expect(sampleEnd?.links).toEqual([]);
  });
});

describe('emptyTrash', () => {
  it('erases only deleted articles, with their annotations, tag links, links at both ends and FTS rows', () => {
    const { db, service } = harness();
    const { otherId, accusation, denial, link } = linkedLibrary(service);
    service.setReadingPosition({ articleId: otherId, offset: 10 });
    service.deleteArticle({ id: otherId });
    const liveBefore = service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations;

    const indexed = () => [
      count(db, `SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH 'quokkas'`),
      count(db, `SELECT count(*) AS n FROM annotations_fts WHERE annotations_fts MATCH 'troops'`),
    ];
    expect(indexed()).toEqual([1, 1]);

    const reply = service.emptyTrash({});
    expect(reply.erased).toBe(1);
    expect(reply.changes.removedArticles).toEqual([otherId]);
    expect(operations.emptyTrash.response.safeParse(reply).success).toBe(true);

    expect(count(db, 'SELECT count(*) AS n FROM articles WHERE id = ?', otherId)).toBe(0);
    expect(count(db, 'SELECT count(*) AS n FROM annotations WHERE article_id = ?', otherId)).toBe(
      0,
    );
    expect(count(db, 'SELECT count(*) AS n FROM links WHERE id = ?', link.id)).toBe(0);
    expect(
      count(db, 'SELECT count(*) AS n FROM annotation_tags WHERE annotation_id = ?', denial.id),
    ).toBe(0);
    expect(
      count(db, 'SELECT count(*) AS n FROM reading_positions WHERE article_id = ?', otherId),
    ).toBe(0);
    // The indexes follow the rows (their delete triggers): the erased words are not found.
    expect(indexed()).toEqual([0, 0]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // The live article and its annotation are untouched (the link's other end is simply bare).
    expect(service.listArticles({}).articles.map((a) => a.id)).toEqual([SAMPLE_ARTICLE_ID]);
    expect(service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations).toEqual(
      liveBefore,
    );
    expect(liveBefore.map((a) => a.id)).toEqual([accusation.id]);
    expect(service.listTrash({}).articles).toEqual([]);
    expect(() => service.restoreArticle({ id: otherId })).toThrow(/no deleted article/);
  });

  it('with ids erases only those in the Trash: a live article named is never erased', () => {
    const { db, service } = harness();
    const { otherId } = linkedLibrary(service);
    const third = importArticle(service, 'third', ['# Third', 'A third text.']);
    service.deleteArticle({ id: otherId });
    service.deleteArticle({ id: third });

    const reply = service.emptyTrash({ ids: [SAMPLE_ARTICLE_ID, third] });
    expect(reply.erased).toBe(1);
    expect(reply.changes.removedArticles).toEqual([third]);
    expect(service.listTrash({}).articles.map((a) => a.id)).toEqual([otherId]);
    expect(service.listArticles({}).articles.map((a) => a.id)).toEqual([SAMPLE_ARTICLE_ID]);
    expect(count(db, 'SELECT count(*) AS n FROM articles')).toBe(2);
    expect(service.emptyTrash({}).erased).toBe(1);
    expect(service.emptyTrash({}).erased).toBe(0);
  });

  it('R26 erases in one transaction: a failure half-way leaves the Trash whole and restorable', () => {
    const { db, service } = harness();
    const { otherId, denial, link } = linkedLibrary(service);
    service.deleteArticle({ id: otherId });
    // The last step (the article row) fails, after annotations and links were already deleted.
    db.exec(`CREATE TEMP TRIGGER fail_erase BEFORE DELETE ON articles
             BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    expect(() => service.emptyTrash({})).toThrow(/disk trouble/);
    db.exec('DROP TRIGGER fail_erase');

    expect(count(db, 'SELECT count(*) AS n FROM annotations WHERE article_id = ?', otherId)).toBe(
      2,
    );
    expect(count(db, 'SELECT count(*) AS n FROM links WHERE id = ?', link.id)).toBe(1);
    service.restoreArticle({ id: otherId });
    const back = service.listAnnotations({ articleId: otherId }).annotations;
    expect(back.find((a) => a.id === denial.id)?.links.map((l) => l.id)).toEqual([link.id]);
  });

  it('R19 is refused in read-only mode, with nothing erased', async () => {
    const { db, service, readOnlyService } = harness();
    const { otherId } = linkedLibrary(service);
    service.deleteArticle({ id: otherId });
    const readOnly = readOnlyService('the file is read-only');
    const error = serviceErrorOf(() => readOnly.emptyTrash({}));
    expect(error.code).toBe('read_only');
    expect(error.message).toMatch(/read-only/);
    const viaDispatch = await dispatch(readOnly, 'emptyTrash', {});
    expect(viaDispatch.ok).toBe(false);
    // Listing still works read-only.
    expect(readOnly.listTrash({}).articles.map((a) => a.id)).toEqual([otherId]);
    expect(count(db, 'SELECT count(*) AS n FROM articles WHERE id = ?', otherId)).toBe(1);
  });

  it('refuses ids that are not UUIDs', async () => {
    const { service } = harness();
    const result = await dispatch(service, 'emptyTrash', { ids: ['nope'] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_request');
  });
});
