/**
 * What every mutating operation answers it changed (`changes`), for a client to apply by id:
 * exactly the annotations created or changed (whole, with the other ends of links made or
 * unmade), the annotations removed, and the summaries of the articles whose annotations changed
 * (their counts and facets as they are now) or that were themselves added or restored. Applying a
 * reply's changes to the lists read before gives the lists read after, over a long mixed run; and
 * the by-id lookup behind it searches by key instead of scanning.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resourcesDir } from '../../src/main/paths';
import { SAMPLE_ARTICLE_ID, readSample } from '../../src/main/sample';
import { createService, type Service } from '../../src/main/service';
import { findAnnotations } from '../../src/main/store/annotations';
import { openDatabase } from '../../src/main/store/connection';
import type { Annotation, ArticleSummary, Changes } from '../../src/shared/contract/entities';
import type { OperationName } from '../../src/shared/contract/operation-names';
import { operations } from '../../src/shared/contract/operations';
import { changesOf } from '../support/annotation-builder';
import { create, createReply, idSource, tickingClock, useTempDirs } from './helpers';

const tempDir = useTempDirs('marginalia-changes-');

interface Harness {
  readonly db: Database;
  readonly service: Service;
}

const openDbs: Database[] = [];
afterEach(() => {
  for (const db of openDbs.splice(0)) if (db.open) db.close();
});

function harness(idStart = 0x1000): Harness {
  const { db } = openDatabase(path.join(tempDir(), 'marginalia.db'));
  openDbs.push(db);
  const service = createService({
    db,
    newId: idSource(idStart),
    now: tickingClock(),
    sample: readSample(resourcesDir()),
  });
  return { db, service };
}

const ACCUSATION = 'Western intelligence reports have said';
const DENIAL = 'which Russia denies';
const FINDING = 'the White House announced an intelligence finding';
const SECOND_TEXT =
  'Russia denies it. Western intelligence says the troops are still arriving. NATO met in Brussels.';

/** A second article, imported from plain text (its first line is its title). */
function importSecond(service: Service): string {
  return service.importBytes('second.txt', Buffer.from(`Title\n\n${SECOND_TEXT}`)).article.id;
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

/** The order `changes.annotations` comes in: by article id, then in document order. */
function inChangesOrder(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort(
    (a, b) =>
      (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0) || documentOrder(a, b),
  );
}

/** Document order, as the service lists annotations: position, then creation, then id. */
function documentOrder(a: Annotation, b: Annotation): number {
  return (
    a.position.start - b.position.start ||
    a.position.end - b.position.end ||
    (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The order `listArticles` answers: added most recently first, then by id, descending. */
function newestFirst(a: ArticleSummary, b: ArticleSummary): number {
  if (a.addedAt !== b.addedAt) return a.addedAt < b.addedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * The changes with their article summaries in id order. The service promises which summaries it
 * answers, not in what order (clients replace them by id), so they are compared as a set by id:
 * one summary too many or too few still fails.
 */
function articlesById(changes: Changes): Changes {
  const byId = (a: ArticleSummary, b: ArticleSummary) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { ...changes, articles: [...changes.articles].sort(byId) };
}

/** The reply with its changes' article summaries in id order (see `articlesById`). */
function withArticlesById<T extends { changes: Changes }>(reply: T): T {
  return { ...reply, changes: articlesById(reply.changes) };
}

/** The reply is what its response schema accepts, unchanged by parsing. */
function expectValidReply(name: OperationName, reply: unknown): void {
  expect(operations[name].response.parse(reply)).toEqual(reply);
}

describe('createAnnotation', () => {
  it('answers the new annotation, whole, and the article with its new count', () => {
    const { service } = harness();
    create(service, SAMPLE_ARTICLE_ID, FINDING);
    const reply = createReply(service, SAMPLE_ARTICLE_ID, DENIAL, {
      note: 'unattributed',
      claim: { type: 'denial', speaker: 'Russia', status: 'disputed' },
      tags: ['Russia', 'denials'],
    });
    expectValidReply('createAnnotation', reply);
    const now = listed(service, reply.annotation);
    expect(reply.annotation).toEqual(now);
    expect(now.anchor).toEqual({ status: 'anchored', ...now.position });
    expect(reply.changes).toEqual(
      changesOf({ annotations: [now], articles: [summaryOf(service, SAMPLE_ARTICLE_ID)] }),
    );
    expect(reply.changes.articles[0]!.annotationCount).toBe(2);
  });
});

describe('updateAnnotation', () => {
  it("answers the one annotation, whole with its links, and its article's summary with the claim and tags it now has", () => {
    const { service } = harness();
    const accusation = create(service, SAMPLE_ARTICLE_ID, ACCUSATION, { tags: ['NATO'] });
    const denial = create(service, SAMPLE_ARTICLE_ID, DENIAL);
    service.createLink({ fromId: denial.id, toId: accusation.id, relation: 'denies' });

    const reply = service.updateAnnotation({
      id: accusation.id,
      note: 'no evidence published',
      color: 'pink',
      claim: { type: 'accusation', speaker: 'Western intelligence', status: 'disputed' },
      tags: ['false flag'],
    });
    expectValidReply('updateAnnotation', reply);
    const now = listed(service, accusation);
    expect(now.links).toHaveLength(1);
    expect(reply.annotation).toEqual(now);
    // Not the denial at the link's other end: the link did not change.
    expect(reply.changes).toEqual(
      changesOf({ annotations: [now], articles: [summaryOf(service, SAMPLE_ARTICLE_ID)] }),
    );
    // The summary counts the claim just added; its facets have the new tag, not the old one.
    expect(reply.changes.articles[0]).toMatchObject({
      annotationCount: 2,
      claimCount: 1,
      facets: {
        annotationTags: ['false flag'],
        speakers: ['Western intelligence'],
        claimTypes: ['accusation'],
      },
    });

    // A change of one field answers the same: the annotation whole, and its article.
    const noted = service.updateAnnotation({ id: accusation.id, note: '' });
    expect(noted.changes).toEqual(
      changesOf({
        annotations: [listed(service, accusation)],
        articles: [summaryOf(service, SAMPLE_ARTICLE_ID)],
      }),
    );
    expect(noted.changes.annotations[0]).toMatchObject({ note: '', tags: ['false flag'] });

    // Taking the claim away is counted at once.
    const unclaimed = service.updateAnnotation({ id: accusation.id, claim: null });
    expect(unclaimed.changes.articles).toEqual([summaryOf(service, SAMPLE_ARTICLE_ID)]);
    expect(unclaimed.changes.articles[0]).toMatchObject({
      claimCount: 0,
      facets: { speakers: [], claimTypes: [] },
    });
  });
});

describe('links', () => {
  it('createLink, deleteLink and restoreLink answer both ends, as they are listed after, and both their articles', () => {
    const { service } = harness();
    const secondId = importSecond(service);
    const accusation = create(service, SAMPLE_ARTICLE_ID, ACCUSATION);
    const denial = create(service, secondId, 'Russia denies it');
    const ends = () =>
      articlesById(
        changesOf({
          annotations: inChangesOrder([listed(service, accusation), listed(service, denial)]),
          articles: [summaryOf(service, SAMPLE_ARTICLE_ID), summaryOf(service, secondId)],
        }),
      );

    const made = service.createLink({ fromId: denial.id, toId: accusation.id, relation: 'denies' });
    expectValidReply('createLink', made);
    expect(made.created).toBe(true);
    expect(articlesById(made.changes)).toEqual(ends());
    expect(made.changes.annotations.map((a) => a.links.map((l) => [l.id, l.direction]))).toEqual([
      [[made.link.id, 'incoming']],
      [[made.link.id, 'outgoing']],
    ]);

    const deleted = service.deleteLink({ id: made.link.id });
    expectValidReply('deleteLink', deleted);
    expect(withArticlesById(deleted)).toEqual({ id: made.link.id, changes: ends() });
    expect(deleted.changes.annotations.map((a) => a.links)).toEqual([[], []]);

    const restored = service.restoreLink({ id: made.link.id });
    expectValidReply('restoreLink', restored);
    expect(withArticlesById(restored)).toEqual({ link: made.link, changes: ends() });
    expect(restored.changes.annotations.map((a) => a.links.map((l) => l.id))).toEqual([
      [made.link.id],
      [made.link.id],
    ]);
  });

  it('a link answered again (created twice, restored twice) answers the ends and their article as they are', () => {
    const { service } = harness();
    const accusation = create(service, SAMPLE_ARTICLE_ID, ACCUSATION);
    const denial = create(service, SAMPLE_ARTICLE_ID, DENIAL);
    const request = { fromId: denial.id, toId: accusation.id, relation: 'denies' } as const;
    const { link } = service.createLink(request);
    const ends = changesOf({
      annotations: [listed(service, accusation), listed(service, denial)],
      articles: [summaryOf(service, SAMPLE_ARTICLE_ID)],
    });
    expect(service.createLink(request)).toEqual({ link, created: false, changes: ends });
    expect(service.restoreLink({ id: link.id })).toEqual({ link, changes: ends });
  });
});

describe('deleteAnnotation and restoreAnnotation', () => {
  it('R26 answer the annotation removed or back, the other ends of its links, and the articles of both', () => {
    const { service } = harness();
    const secondId = importSecond(service);
    const accusation = create(service, SAMPLE_ARTICLE_ID, ACCUSATION, { tags: ['NATO'] });
    const denial = create(service, SAMPLE_ARTICLE_ID, DENIAL);
    const finding = create(service, SAMPLE_ARTICLE_ID, FINDING);
    const elsewhere = create(service, secondId, 'Russia denies it');
    const denies = service.createLink({
      fromId: denial.id,
      toId: accusation.id,
      relation: 'denies',
    }).link;
    const responds = service.createLink({
      fromId: accusation.id,
      toId: elsewhere.id,
      relation: 'responds-to',
    }).link;
    const withLinks = listed(service, accusation);
    const secondBefore = summaryOf(service, secondId);
    expect(summaryOf(service, SAMPLE_ARTICLE_ID).annotationCount).toBe(3);

    const deleted = service.deleteAnnotation({ id: accusation.id });
    expectValidReply('deleteAnnotation', deleted);
    const otherEnds = () => inChangesOrder([listed(service, denial), listed(service, elsewhere)]);
    const bothArticles = () => [
      summaryOf(service, SAMPLE_ARTICLE_ID),
      summaryOf(service, secondId),
    ];
    const countOf = (changes: Changes, articleId: string) =>
      changes.articles.find((a) => a.id === articleId)?.annotationCount;
    expect(withArticlesById(deleted)).toEqual({
      id: accusation.id,
      changes: articlesById(
        changesOf({
          annotations: otherEnds(),
          removedAnnotations: [accusation.id],
          articles: bothArticles(),
        }),
      ),
    });
    expect(deleted.changes.annotations.map((a) => a.links)).toEqual([[], []]);
    expect(countOf(deleted.changes, SAMPLE_ARTICLE_ID)).toBe(2);
    expect(deleted.changes.articles.find((a) => a.id === SAMPLE_ARTICLE_ID)!.facets).toEqual({
      annotationTags: [],
      speakers: [],
      claimTypes: [],
    });
    // The finding has no link to it: it is not answered. The other article, where an annotation
    // lost a link, is answered with the same count as before.
    expect(deleted.changes.annotations.map((a) => a.id)).not.toContain(finding.id);
    expect(summaryOf(service, secondId)).toEqual(secondBefore);
    expect(deleted.changes.articles.find((a) => a.id === secondId)).toEqual(secondBefore);

    const restored = service.restoreAnnotation({ id: accusation.id });
    expectValidReply('restoreAnnotation', restored);
    const back = listed(service, accusation);
    expect(back).toEqual({ ...withLinks, updatedAt: back.updatedAt });
    expect(withArticlesById(restored)).toEqual({
      annotation: back,
      changes: articlesById(
        changesOf({
          annotations: inChangesOrder([back, ...otherEnds()]),
          articles: bothArticles(),
        }),
      ),
    });
    expect(countOf(restored.changes, SAMPLE_ARTICLE_ID)).toBe(3);
    expect(restored.changes.articles.find((a) => a.id === SAMPLE_ARTICLE_ID)!.facets).toEqual({
      annotationTags: ['NATO'],
      speakers: [],
      claimTypes: [],
    });
    expect(listed(service, denial).links.map((l) => l.id)).toEqual([denies.id]);
    expect(listed(service, elsewhere).links.map((l) => l.id)).toEqual([responds.id]);
  });

  it('deleteAnnotation of an annotation without links answers it removed and its article', () => {
    const { service } = harness();
    const alone = create(service, SAMPLE_ARTICLE_ID, FINDING);
    expect(service.deleteAnnotation({ id: alone.id })).toEqual({
      id: alone.id,
      changes: changesOf({
        removedAnnotations: [alone.id],
        articles: [{ ...summaryOf(service, SAMPLE_ARTICLE_ID), annotationCount: 0 }],
      }),
    });
  });
});

describe('renameTag', () => {
  it('answers every annotation carrying the renamed tag, in every article, the articles with the new name in their facets, and the old name', () => {
    const { service } = harness();
    const secondId = importSecond(service);
    const a = create(service, SAMPLE_ARTICLE_ID, ACCUSATION, { tags: ['false flag', 'NATO'] });
    create(service, SAMPLE_ARTICLE_ID, DENIAL, { tags: ['NATO'] });
    const c = create(service, secondId, 'Russia denies it', { tags: ['false flag'] });
    const gone = create(service, SAMPLE_ARTICLE_ID, FINDING, { tags: ['false flag'] });
    service.deleteAnnotation({ id: gone.id });
    const id = service.listTags({}).tags.find((t) => t.name === 'false flag')!.id;

    const reply = service.renameTag({ id, name: 'False-flag claims' });
    expectValidReply('renameTag', reply);
    expect(withArticlesById(reply)).toEqual({
      tag: { id, name: 'False-flag claims', annotationCount: 2 },
      merged: false,
      previousName: 'false flag',
      changes: articlesById(
        changesOf({
          annotations: inChangesOrder([listed(service, a), listed(service, c)]),
          articles: [summaryOf(service, SAMPLE_ARTICLE_ID), summaryOf(service, secondId)],
        }),
      ),
    });
    expect(reply.changes.annotations.map((x) => x.tags)).toEqual([
      ['False-flag claims', 'NATO'],
      ['False-flag claims'],
    ]);
    // Facets name the tag by its new name (the deleted annotation's tag is not counted).
    const facetTags = (articleId: string) =>
      reply.changes.articles.find((x) => x.id === articleId)?.facets.annotationTags;
    expect(facetTags(SAMPLE_ARTICLE_ID)).toEqual(['False-flag claims', 'NATO']);
    expect(facetTags(secondId)).toEqual(['False-flag claims']);
  });

  it('on a merge, answers every annotation now carrying the tag merged into, and their articles', () => {
    const { service } = harness();
    const secondId = importSecond(service);
    const kremlinOnly = create(service, SAMPLE_ARTICLE_ID, ACCUSATION, { tags: ['Kremlin'] });
    const both = create(service, SAMPLE_ARTICLE_ID, FINDING, { tags: ['Kremlin', 'russia'] });
    const russiaOnly = create(service, secondId, 'Russia denies it', { tags: ['russia'] });
    const untouched = create(service, SAMPLE_ARTICLE_ID, DENIAL, { tags: ['NATO'] });
    const tags = service.listTags({}).tags;
    const kremlin = tags.find((t) => t.name === 'Kremlin')!.id;
    const russia = tags.find((t) => t.name === 'russia')!.id;

    const reply = service.renameTag({ id: kremlin, name: 'RUSSIA' });
    expectValidReply('renameTag', reply);
    expect(withArticlesById(reply)).toEqual({
      tag: { id: russia, name: 'russia', annotationCount: 3 },
      merged: true,
      previousName: 'Kremlin',
      changes: articlesById(
        changesOf({
          annotations: inChangesOrder([
            listed(service, kremlinOnly),
            listed(service, both),
            listed(service, russiaOnly),
          ]),
          articles: [summaryOf(service, SAMPLE_ARTICLE_ID), summaryOf(service, secondId)],
        }),
      ),
    });
    // The merged-away name is gone from the facets.
    const facetTags = (articleId: string) =>
      reply.changes.articles.find((x) => x.id === articleId)?.facets.annotationTags;
    expect(facetTags(SAMPLE_ARTICLE_ID)).toEqual(['NATO', 'russia']);
    expect(facetTags(secondId)).toEqual(['russia']);
    expect(reply.changes.annotations.map((x) => x.tags)).toEqual([
      ['russia'],
      ['russia'],
      ['russia'],
    ]);
    expect(reply.changes.annotations.map((x) => x.id)).not.toContain(untouched.id);
  });
});

describe('articles', () => {
  it('importArticle answers the new summary, nothing else, through both entries', () => {
    const { service } = harness();
    const bytes = service.importBytes('second.txt', Buffer.from(`Title\n\n${SECOND_TEXT}`));
    expectValidReply('importArticle', bytes);
    expect(bytes.changes).toEqual(changesOf({ articles: [summaryOf(service, bytes.article.id)] }));
    expect(bytes.changes.articles).toEqual([bytes.article]);

    const base64 = service.importArticle({
      fileName: 'third.md',
      contentBase64: Buffer.from('# Third\n\nbody').toString('base64'),
    });
    expectValidReply('importArticle', base64);
    expect(base64.changes).toEqual(
      changesOf({ articles: [summaryOf(service, base64.article.id)] }),
    );
    expect(base64.changes.articles[0]!.annotationCount).toBe(0);
  });

  it("R26 deleteArticle answers the article removed and the annotations elsewhere that lose a link, with their article's summary; restoreArticle brings both back", () => {
    const { service } = harness();
    const secondId = importSecond(service);
    const accusation = create(service, SAMPLE_ARTICLE_ID, ACCUSATION);
    const denial = create(service, SAMPLE_ARTICLE_ID, DENIAL);
    const unlinked = create(service, SAMPLE_ARTICLE_ID, FINDING);
    const inSecond = create(service, secondId, 'Russia denies it');
    const alsoInSecond = create(service, secondId, 'NATO met in Brussels');
    // Across the articles, and within the second one (those go with it, and are not answered).
    const across = service.createLink({
      fromId: inSecond.id,
      toId: accusation.id,
      relation: 'denies',
    }).link;
    service.createLink({ fromId: denial.id, toId: inSecond.id, relation: 'contradicts' });
    service.createLink({ fromId: alsoInSecond.id, toId: inSecond.id, relation: 'supports' });
    const sampleBefore = summaryOf(service, SAMPLE_ARTICLE_ID);
    const linkedBefore = [listed(service, accusation), listed(service, denial)];

    const deleted = service.deleteArticle({ id: secondId });
    expectValidReply('deleteArticle', deleted);
    expect(deleted).toEqual({
      id: secondId,
      changes: changesOf({
        annotations: [listed(service, accusation), listed(service, denial)],
        articles: [summaryOf(service, SAMPLE_ARTICLE_ID)],
        removedArticles: [secondId],
      }),
    });
    expect(deleted.changes.annotations.map((a) => a.links)).toEqual([[], []]);
    expect(deleted.changes.annotations.map((a) => a.id)).not.toContain(unlinked.id);
    // The sample's annotations lost links, so its summary is answered: as it was (links are
    // not counted). The removed article has no summary.
    expect(summaryOf(service, SAMPLE_ARTICLE_ID)).toEqual(sampleBefore);
    expect(deleted.changes.articles).toEqual([sampleBefore]);

    const restored = service.restoreArticle({ id: secondId });
    expectValidReply('restoreArticle', restored);
    expect(withArticlesById(restored)).toEqual({
      article: summaryOf(service, secondId),
      changes: articlesById(
        changesOf({
          annotations: linkedBefore,
          articles: [summaryOf(service, secondId), sampleBefore],
        }),
      ),
    });
    expect(restored.article.annotationCount).toBe(2);
    expect(restored.changes.annotations[0]!.links.map((l) => l.id)).toEqual([across.id]);

    // A live article is answered as it is.
    expect(service.restoreArticle({ id: secondId })).toEqual({
      article: summaryOf(service, secondId),
      changes: changesOf({ articles: [summaryOf(service, secondId)] }),
    });
  });

  it('deleteArticle of an article linked to nothing elsewhere answers only its removal', () => {
    const { service } = harness();
    create(service, SAMPLE_ARTICLE_ID, ACCUSATION);
    expect(service.deleteArticle({ id: SAMPLE_ARTICLE_ID })).toEqual({
      id: SAMPLE_ARTICLE_ID,
      changes: changesOf({ removedArticles: [SAMPLE_ARTICLE_ID] }),
    });
  });
});

describe('importAnnotations', () => {
  it("answers the imported article's annotations, whole, and its summary", () => {
    const first = harness().service;
    const accusation = create(first, SAMPLE_ARTICLE_ID, ACCUSATION, { tags: ['false flag'] });
    const denial = create(first, SAMPLE_ARTICLE_ID, DENIAL, {
      claim: { type: 'denial', speaker: 'Russia', status: 'unverified' },
    });
    first.createLink({ fromId: denial.id, toId: accusation.id, relation: 'denies' });
    const file = first.exportArticle({
      id: SAMPLE_ARTICLE_ID,
      format: 'jsonld',
      markdown: { groupBy: 'none', includeText: false },
    }).file.content;

    const { service } = harness(0x9000);
    const already = create(service, SAMPLE_ARTICLE_ID, FINDING);
    const reply = service.importAnnotations({ fileName: 'sample.jsonld', content: file });
    expectValidReply('importAnnotations', reply);
    expect(reply.report).toMatchObject({ anchored: 2, linksCreated: 1 });
    const all = service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations;
    expect(all.map((a) => a.id)).toContain(already.id);
    expect(all).toHaveLength(3);
    expect(reply.changes).toEqual(
      changesOf({ annotations: all, articles: [summaryOf(service, SAMPLE_ARTICLE_ID)] }),
    );
    expect(reply.changes.articles[0]!.annotationCount).toBe(3);
  });

  it('answers the annotations in other articles that an imported link reaches, and their articles', () => {
    const { service } = harness();
    const secondId = importSecond(service);
    const accusation = create(service, SAMPLE_ARTICLE_ID, ACCUSATION);
    const inSecond = create(service, secondId, 'Russia denies it');
    service.createLink({ fromId: inSecond.id, toId: accusation.id, relation: 'denies' });
    const file = service.exportArticle({
      id: secondId,
      format: 'jsonld',
      markdown: { groupBy: 'none', includeText: false },
    }).file.content;
    service.deleteAnnotation({ id: inSecond.id });
    expect(listed(service, accusation).links).toEqual([]);

    const reply = service.importAnnotations({ fileName: 'second.jsonld', content: file });
    expect(reply.report).toMatchObject({ anchored: 1, linksCreated: 1 });
    const copy = service.listAnnotations({ articleId: secondId }).annotations;
    const reached = listed(service, accusation);
    expect(reached.links).toEqual([
      expect.objectContaining({ direction: 'incoming', otherId: copy[0]!.id }),
    ]);
    expect(articlesById(reply.changes)).toEqual(
      articlesById(
        changesOf({
          annotations: inChangesOrder([reached, ...copy]),
          articles: [summaryOf(service, secondId), summaryOf(service, SAMPLE_ARTICLE_ID)],
        }),
      ),
    );
    expect(reply.changes.articles.find((a) => a.id === secondId)?.annotationCount).toBe(1);
  });

  it('answers nothing when the file adds nothing', () => {
    const { service } = harness();
    create(service, SAMPLE_ARTICLE_ID, ACCUSATION);
    const file = service.exportArticle({
      id: SAMPLE_ARTICLE_ID,
      format: 'jsonld',
      markdown: { groupBy: 'none', includeText: false },
    }).file.content;
    const reply = service.importAnnotations({ fileName: 'again.jsonld', content: file });
    expect(reply.report).toMatchObject({ alreadyPresent: 1, anchored: 0 });
    expect(reply.changes).toEqual(changesOf());
  });
});

/** What a client holds: the article list, and the annotations of the articles it has read. */
interface Held {
  readonly articles: readonly ArticleSummary[];
  readonly annotations: ReadonlyMap<string, readonly Annotation[]>;
}

/** Everything, read afresh: the article list and every live article's annotations. */
function readAll(service: Service): Held {
  const { articles } = service.listArticles({});
  return {
    articles,
    annotations: new Map(
      articles.map((a) => [a.id, service.listAnnotations({ articleId: a.id }).annotations]),
    ),
  };
}

/**
 * Applies a reply's changes by id, as a client does: summaries replaced, added or removed (in
 * the service's order); annotations replaced, added or removed in the lists held (in document
 * order); a removed article's list dropped. An article that appears is held when the changes
 * carry all of its annotations (its summary's count says so); otherwise it is read when opened.
 */
function applyChanges(before: Held, changes: Changes): Held {
  const removedArticles = new Set(changes.removedArticles);
  const replaced = new Set(changes.articles.map((a) => a.id));
  const articles = [
    ...before.articles.filter((a) => !removedArticles.has(a.id) && !replaced.has(a.id)),
    ...changes.articles,
  ].sort(newestFirst);

  const lists = new Map<string, readonly Annotation[]>();
  for (const [articleId, list] of before.annotations) {
    if (!removedArticles.has(articleId)) lists.set(articleId, list);
  }
  for (const summary of changes.articles) {
    if (lists.has(summary.id)) continue;
    const carried = changes.annotations.filter((a) => a.articleId === summary.id);
    if (carried.length === summary.annotationCount) lists.set(summary.id, []);
  }
  const removed = new Set(changes.removedAnnotations);
  const upserted = new Set(changes.annotations.map((a) => a.id));
  for (const [articleId, list] of lists) {
    lists.set(
      articleId,
      [
        ...list.filter((a) => !removed.has(a.id) && !upserted.has(a.id)),
        ...changes.annotations.filter((a) => a.articleId === articleId),
      ].sort(documentOrder),
    );
  }
  return { articles, annotations: lists };
}

describe('applying changes by id', () => {
  it('turns the lists read before each operation into the lists read after, over a mixed run', () => {
    const { service } = harness();
    // A file from another library with one annotation of the sample (same id), linked to nothing.
    const otherLibrary = harness(0x9000).service;
    create(otherLibrary, SAMPLE_ARTICLE_ID, FINDING, { tags: ['NATO'], note: 'from elsewhere' });
    const file = otherLibrary.exportArticle({
      id: SAMPLE_ARTICLE_ID,
      format: 'jsonld',
      markdown: { groupBy: 'none', includeText: false },
    }).file.content;
    const ids: Record<string, string> = {};
    const annotation = (name: string) => {
      const id = ids[name];
      expect(id, `annotation ${name}`).toBeDefined();
      return id!;
    };
    let secondId = '';
    const tagNamed = (name: string) => service.listTags({}).tags.find((t) => t.name === name)!.id;
    const made = (name: string, reply: { annotation: Annotation; changes: Changes }) => {
      ids[name] = reply.annotation.id;
      return reply;
    };
    const linked = (name: string, reply: { link: { id: string }; changes: Changes }) => {
      ids[name] = reply.link.id;
      return reply;
    };

    const steps: [OperationName, string, () => { changes: Changes }][] = [
      [
        'importArticle',
        'import the second article',
        () => {
          const reply = service.importBytes('second.txt', Buffer.from(`Title\n\n${SECOND_TEXT}`));
          secondId = reply.article.id;
          return reply;
        },
      ],
      [
        'createAnnotation',
        'create the accusation',
        () =>
          made(
            'accusation',
            createReply(service, SAMPLE_ARTICLE_ID, ACCUSATION, { tags: ['false flag'] }),
          ),
      ],
      [
        'createAnnotation',
        'create the denial',
        () =>
          made(
            'denial',
            createReply(service, SAMPLE_ARTICLE_ID, DENIAL, {
              claim: { type: 'denial', speaker: 'Russia', status: 'unverified' },
            }),
          ),
      ],
      [
        'createAnnotation',
        'create an annotation in the second article',
        () =>
          made('second', createReply(service, secondId, 'Russia denies it', { tags: ['Kremlin'] })),
      ],
      [
        'createLink',
        'link the denial to the accusation',
        () =>
          linked(
            'denies',
            service.createLink({
              fromId: annotation('denial'),
              toId: annotation('accusation'),
              relation: 'denies',
            }),
          ),
      ],
      [
        'createLink',
        'link across the articles',
        () =>
          linked(
            'across',
            service.createLink({
              fromId: annotation('second'),
              toId: annotation('accusation'),
              relation: 'supports',
            }),
          ),
      ],
      [
        'createLink',
        'create the same link again',
        () =>
          service.createLink({
            fromId: annotation('denial'),
            toId: annotation('accusation'),
            relation: 'denies',
          }),
      ],
      [
        'updateAnnotation',
        'update the accusation (note, colour, tags)',
        () =>
          service.updateAnnotation({
            id: annotation('accusation'),
            note: 'no evidence',
            color: 'pink',
            tags: ['false flag', 'NATO'],
          }),
      ],
      [
        'deleteAnnotation',
        'delete the accusation, with its two links',
        () => service.deleteAnnotation({ id: annotation('accusation') }),
      ],
      [
        'restoreAnnotation',
        'undo: restore the accusation',
        () => service.restoreAnnotation({ id: annotation('accusation') }),
      ],
      [
        'deleteLink',
        'delete the link across',
        () => service.deleteLink({ id: annotation('across') }),
      ],
      [
        'restoreLink',
        'undo: restore the link across',
        () => service.restoreLink({ id: annotation('across') }),
      ],
      [
        'renameTag',
        'rename a tag',
        () => service.renameTag({ id: tagNamed('false flag'), name: 'False-flag claims' }),
      ],
      [
        'renameTag',
        'merge a tag into it',
        () => service.renameTag({ id: tagNamed('Kremlin'), name: 'false-flag CLAIMS' }),
      ],
      [
        'deleteArticle',
        'delete the second article, linked to the sample',
        () => service.deleteArticle({ id: secondId }),
      ],
      [
        'restoreArticle',
        'undo: restore the second article',
        () => service.restoreArticle({ id: secondId }),
      ],
      [
        'createAnnotation',
        'create another annotation in the second article',
        () => made('troops', createReply(service, secondId, 'the troops are still arriving')),
      ],
      [
        'createLink',
        'link it to the denial',
        () =>
          service.createLink({
            fromId: annotation('troops'),
            toId: annotation('denial'),
            relation: 'contradicts',
          }),
      ],
      [
        'deleteAnnotation',
        'delete the denial (linked in both articles)',
        () => service.deleteAnnotation({ id: annotation('denial') }),
      ],
      [
        'deleteAnnotation',
        'delete the annotation across',
        () => service.deleteAnnotation({ id: annotation('second') }),
      ],
      [
        'restoreAnnotation',
        'undo: restore the annotation across',
        () => service.restoreAnnotation({ id: annotation('second') }),
      ],
      [
        'restoreAnnotation',
        'undo: restore the denial',
        () => service.restoreAnnotation({ id: annotation('denial') }),
      ],
      [
        'restoreAnnotation',
        'restore a live annotation',
        () => service.restoreAnnotation({ id: annotation('denial') }),
      ],
      [
        'importAnnotations',
        'import an annotation of the sample',
        () => {
          const reply = service.importAnnotations({ fileName: 'finding.jsonld', content: file });
          expect(reply.report).toMatchObject({ anchored: 1, alreadyPresent: 0 });
          return reply;
        },
      ],
      [
        'deleteArticle',
        'delete the sample',
        () => service.deleteArticle({ id: SAMPLE_ARTICLE_ID }),
      ],
      [
        'restoreArticle',
        'undo: restore the sample',
        () => service.restoreArticle({ id: SAMPLE_ARTICLE_ID }),
      ],
    ];

    let held = readAll(service);
    const unread: string[] = [];
    for (const [name, label, run] of steps) {
      const reply = run();
      expectValidReply(name, reply);
      const after = readAll(service);
      const applied = applyChanges(held, reply.changes);
      expect(applied.articles, `${label}: the article list`).toEqual(after.articles);
      for (const [articleId, list] of applied.annotations) {
        expect(list, `${label}: the annotations of ${articleId}`).toEqual(
          after.annotations.get(articleId),
        );
      }
      // Only an article that came back with annotations of its own is left to read on opening.
      for (const articleId of after.annotations.keys()) {
        if (applied.annotations.has(articleId)) continue;
        expect(name, `${label}: ${articleId} is not held`).toBe('restoreArticle');
        expect(after.annotations.get(articleId)!.length).toBeGreaterThan(0);
        unread.push(articleId);
      }
      // Changes keep being applied to what was applied; an article opened is read.
      const opened = new Map(applied.annotations);
      for (const articleId of unread) opened.set(articleId, after.annotations.get(articleId)!);
      held = { articles: applied.articles, annotations: opened };
    }
    expect(steps.length).toBeGreaterThanOrEqual(15);
    expect(unread).toEqual([secondId, SAMPLE_ARTICLE_ID]);
  });
});

describe('findAnnotations', () => {
  /** Every statement `work` runs on `db`, with the values it was run with. */
  function statementsRun(db: Database, work: () => void): { sql: string; args: unknown[] }[] {
    const run: { sql: string; args: unknown[] }[] = [];
    const prepare = db.prepare.bind(db);
    const spy = vi.spyOn(db, 'prepare').mockImplementation((sql: string) => {
      const statement = prepare(sql);
      return new Proxy(statement, {
        get(target, property, receiver) {
          const value: unknown = Reflect.get(target, property, receiver);
          if (typeof value !== 'function') return value;
          if (property === 'all' || property === 'get' || property === 'iterate') {
            return (...args: unknown[]) => {
              run.push({ sql, args });
              return (value as (...a: unknown[]) => unknown).apply(target, args);
            };
          }
          // `raw(true)` and the like answer the statement itself: answer the proxy instead, so
          // that the run that follows is seen too.
          return (...args: unknown[]) => {
            const answer = (value as (...a: unknown[]) => unknown).apply(target, args);
            return answer === target ? receiver : answer;
          };
        },
      });
    });
    try {
      work();
    } finally {
      spy.mockRestore();
    }
    return run;
  }

  function planOf(db: Database, statement: { sql: string; args: unknown[] }): string[] {
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.args) as {
      detail: string;
    }[];
    return rows.map((r) => r.detail);
  }

  it('looks one annotation up by key, without scanning the annotations', () => {
    const { db, service } = harness();
    const accusation = create(service, SAMPLE_ARTICLE_ID, ACCUSATION, { tags: ['NATO'] });
    const denial = create(service, SAMPLE_ARTICLE_ID, DENIAL);
    service.createLink({ fromId: denial.id, toId: accusation.id, relation: 'denies' });
    for (const quote of ['Stoltenberg', 'Boris Johnson', 'Vladimir Putin', FINDING]) {
      create(service, SAMPLE_ARTICLE_ID, quote, { tags: ['NATO'] });
    }

    let found: Annotation[] = [];
    const statements = statementsRun(db, () => {
      found = findAnnotations(db, [accusation.id]);
    });
    expect(found).toEqual([listed(service, accusation)]);

    const [lookup, ...rest] = statements;
    expect(lookup?.sql).toMatch(/FROM annotations n/);
    const plan = planOf(db, lookup!);
    expect(plan, plan.join('\n')).toContainEqual(
      expect.stringMatching(
        /^SEARCH n USING (INTEGER PRIMARY KEY|PRIMARY KEY|INDEX \S+) \(id=\?\)/,
      ),
    );
    // Neither the annotation nor its tags and links are found by reading a whole table.
    for (const statement of statements) {
      const details = planOf(db, statement);
      expect(
        details.filter((d) => /^SCAN (n|annotations|f|t|a|at|l|links)\b/.test(d)),
        `${statement.sql}\n${details.join('\n')}`,
      ).toEqual([]);
    }
    expect(rest.length).toBeGreaterThan(0);
  });
});
