/**
 * The library list's columns and Article details through the service: what each summary says
 * (file name, last opened, claim and orphan counts, the article's own tags, its facets), editing
 * the details with undo, marking an article opened, every annotation change answering the
 * summaries of the articles it touched, and article tags through Trash and tag renames.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_ARTICLE_ID } from '../../src/main/sample';
import type { Service } from '../../src/main/service';
import { createDirectClient } from '../../src/shared/contract/direct';
import type { ArticleSummary, Changes } from '../../src/shared/contract/entities';
import {
  UNKNOWN_ID,
  create,
  createReply,
  serviceErrorOf,
  useSampleLibrary,
  useTempDirs,
} from './helpers';

const tempDir = useTempDirs('marginalia-library-details-');
const openLibrary = useSampleLibrary(tempDir);

function harness() {
  const { db, service, readOnlyService } = openLibrary();
  return { db, service, readOnlyService, client: createDirectClient(service) };
}

const ACCUSATION = 'Western intelligence reports have said';
const DENIAL = 'which Russia denies';

function importNotes(service: Service, fileName = 'notes.md'): string {
  return service.importBytes(
    fileName,
    Buffer.from('# Field notes\n\nRussia denies it. Western intelligence disagrees.'),
  ).article.id;
}

const summaryIn = (changes: Changes, id: string): ArticleSummary | undefined =>
  changes.articles.find((a) => a.id === id);

const listed = (service: Service, id: string) =>
  service.listArticles({}).articles.find((a) => a.id === id);

describe('article summaries', () => {
  it('name the file an article came from (its base name only), and no file for a paste or the sample', () => {
    const { service } = harness();
    const id = importNotes(service, path.join('/home/someone/reading', 'notes.md'));
    expect(listed(service, id)).toMatchObject({ origin: 'file', sourceFileName: 'notes.md' });
    const pasted = service.importPaste({ html: null, text: 'A pasted line\n\nMore.' });
    expect(pasted.article.sourceFileName).toBeNull();
    expect(listed(service, SAMPLE_ARTICLE_ID)).toMatchObject({
      origin: 'sample',
      sourceFileName: null,
      lastOpenedAt: null,
    });
  });

  it('count live claims and orphans, and list the facets of live annotations, sorted and distinct', () => {
    const { db, service } = harness();
    const empty = listed(service, SAMPLE_ARTICLE_ID)!;
    expect(empty).toMatchObject({ annotationCount: 0, claimCount: 0, orphanCount: 0, tags: [] });
    expect(empty.facets).toEqual({ annotationTags: [], speakers: [], claimTypes: [] });

    create(service, SAMPLE_ARTICLE_ID, ACCUSATION, {
      tags: ['intel', 'Geneva'],
      claim: { type: 'prediction', speaker: 'NATO', status: 'unverified' },
    });
    const denial = create(service, SAMPLE_ARTICLE_ID, DENIAL, {
      tags: ['geneva'],
      claim: { type: 'denial', speaker: 'Russia', status: 'unverified' },
    });
    const plain = create(service, SAMPLE_ARTICLE_ID, 'the White House announced', {
      tags: ['zeal'],
    });
    // An annotation whose passage is gone from the text (as re-anchoring would store it).
    db.prepare(
      "UPDATE annotations SET anchor_status = 'orphan', anchor_start = NULL, anchor_end = NULL WHERE id = ?",
    ).run(plain.id);
    expect(listed(service, SAMPLE_ARTICLE_ID)).toMatchObject({
      annotationCount: 3,
      claimCount: 2,
      orphanCount: 1,
      facets: {
        annotationTags: ['Geneva', 'intel', 'zeal'],
        speakers: ['NATO', 'Russia'],
        claimTypes: ['denial', 'prediction'],
      },
    });

    service.deleteAnnotation({ id: plain.id });
    service.deleteAnnotation({ id: denial.id });
    const after = listed(service, SAMPLE_ARTICLE_ID)!;
    expect(after).toMatchObject({ annotationCount: 1, claimCount: 1, orphanCount: 0 });
    expect(after.facets).toEqual({
      annotationTags: ['Geneva', 'intel'],
      speakers: ['NATO'],
      claimTypes: ['prediction'],
    });
    // getArticle says the same as the list.
    const { article } = service.getArticle({ id: SAMPLE_ARTICLE_ID });
    expect({ ...after }).toEqual(
      Object.fromEntries(Object.keys(after).map((k) => [k, article[k as keyof ArticleSummary]])),
    );
  });
});

describe('updateArticle (Article details)', () => {
  it('changes only the fields given, answers the details before, and the summary in changes', async () => {
    const { client, service } = harness();
    const id = importNotes(service);
    const before = listed(service, id)!;
    const reply = await client.updateArticle({
      id,
      byline: ' Ann Onymous ',
      site: 'Field Review',
      publishedAt: '2024-02-29',
      sourceUrl: 'https://example.org/notes',
      tags: ['Geneva', 'geneva', 'GENEVA', 'talks'],
    });
    expect(reply.previous).toEqual({
      title: 'Field notes',
      byline: null,
      site: null,
      publishedAt: null,
      sourceUrl: null,
      tags: [],
    });
    expect(reply.article).toMatchObject({
      title: 'Field notes',
      byline: 'Ann Onymous',
      site: 'Field Review',
      publishedAt: '2024-02-29',
      sourceUrl: 'https://example.org/notes',
      tags: ['Geneva', 'talks'], // repeats ignoring case are one tag: the first spelling kept
      addedAt: before.addedAt,
    });
    expect(reply.changes.articles).toEqual([reply.article]);
    expect(listed(service, id)).toEqual(reply.article);

    // null clears a field; tags are the whole new list; the rest stay.
    const again = await client.updateArticle({ id, byline: null, tags: ['talks'] });
    expect(again.previous).toMatchObject({ byline: 'Ann Onymous', tags: ['Geneva', 'talks'] });
    expect(again.article).toMatchObject({ byline: null, site: 'Field Review', tags: ['talks'] });
  });

  it('an existing tag is reused with its own spelling', async () => {
    const { client, service } = harness();
    create(service, SAMPLE_ARTICLE_ID, ACCUSATION, { tags: ['Intel'] });
    const reply = await client.updateArticle({ id: SAMPLE_ARTICLE_ID, tags: ['intel'] });
    expect(reply.article.tags).toEqual(['Intel']);
    expect(service.listTags({}).tags.filter((t) => t.name.toLowerCase() === 'intel')).toHaveLength(
      1,
    );
  });

  it('a patch that changes nothing writes nothing, even on a read-only library', async () => {
    const { db, service, readOnlyService } = harness();
    const id = importNotes(service);
    await createDirectClient(service).updateArticle({ id, tags: ['Talks'] });
    const stamp = () => db.prepare('SELECT updated_at FROM articles WHERE id = ?').get(id);
    const before = stamp();
    const reply = readOnlyService().updateArticle({ id, title: 'Field notes', tags: ['talks'] });
    expect(reply.previous).toMatchObject({ title: 'Field notes', tags: ['Talks'] });
    expect(reply.article.tags).toEqual(['Talks']);
    expect(stamp()).toEqual(before);
    // A real change is refused there, and nothing is saved.
    expect(serviceErrorOf(() => readOnlyService().updateArticle({ id, title: 'New' })).code).toBe(
      'read_only',
    );
    expect(listed(service, id)!.title).toBe('Field notes');
  });

  it('refuses an unknown or deleted article, and an invalid patch through the contract', async () => {
    const { client, service } = harness();
    const id = importNotes(service);
    expect(serviceErrorOf(() => service.updateArticle({ id: UNKNOWN_ID, title: 'x' })).code).toBe(
      'not_found',
    );
    service.deleteArticle({ id });
    expect(serviceErrorOf(() => service.updateArticle({ id, site: 'x' })).code).toBe('not_found');
    await expect(
      client.updateArticle({ id: SAMPLE_ARTICLE_ID, publishedAt: '2023-02-31' }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(
      client.updateArticle({ id: SAMPLE_ARTICLE_ID, sourceUrl: 'ftp://example.org/' }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
  });
});

describe('markArticleOpened', () => {
  it('records when an article was opened, without counting as an edit', () => {
    const { db, service } = harness();
    const stamp = () =>
      db.prepare('SELECT updated_at FROM articles WHERE id = ?').get(SAMPLE_ARTICLE_ID);
    const edited = stamp();
    const first = service.markArticleOpened({ id: SAMPLE_ARTICLE_ID });
    expect(first.article.lastOpenedAt).not.toBeNull();
    expect(first.changes.articles).toEqual([first.article]);
    const second = service.markArticleOpened({ id: SAMPLE_ARTICLE_ID });
    expect(second.article.lastOpenedAt! > first.article.lastOpenedAt!).toBe(true);
    expect(listed(service, SAMPLE_ARTICLE_ID)!.lastOpenedAt).toBe(second.article.lastOpenedAt);
    expect(stamp()).toEqual(edited);
  });

  it('refuses an unknown or deleted article, and a read-only library', () => {
    const { service, readOnlyService } = harness();
    expect(serviceErrorOf(() => service.markArticleOpened({ id: UNKNOWN_ID })).code).toBe(
      'not_found',
    );
    expect(
      serviceErrorOf(() => readOnlyService().markArticleOpened({ id: SAMPLE_ARTICLE_ID })).code,
    ).toBe('read_only');
    expect(listed(service, SAMPLE_ARTICLE_ID)!.lastOpenedAt).toBeNull();
    service.deleteArticle({ id: SAMPLE_ARTICLE_ID });
    expect(serviceErrorOf(() => service.markArticleOpened({ id: SAMPLE_ARTICLE_ID })).code).toBe(
      'not_found',
    );
  });
});

describe('annotation changes answer the summaries of the articles they touched', () => {
  it('create, update, delete and restore an annotation', () => {
    const { service } = harness();
    const created = createReply(service, SAMPLE_ARTICLE_ID, DENIAL, {
      claim: { type: 'denial', speaker: 'Russia', status: 'unverified' },
    });
    expect(summaryIn(created.changes, SAMPLE_ARTICLE_ID)).toMatchObject({
      claimCount: 1,
      facets: { speakers: ['Russia'], claimTypes: ['denial'] },
    });
    const updated = service.updateAnnotation({
      id: created.annotation.id,
      claim: null,
      tags: ['kremlin'],
    });
    expect(summaryIn(updated.changes, SAMPLE_ARTICLE_ID)).toMatchObject({
      claimCount: 0,
      facets: { annotationTags: ['kremlin'], speakers: [], claimTypes: [] },
    });
    const deleted = service.deleteAnnotation({ id: created.annotation.id });
    expect(summaryIn(deleted.changes, SAMPLE_ARTICLE_ID)).toMatchObject({
      annotationCount: 0,
      facets: { annotationTags: [] },
    });
    const restored = service.restoreAnnotation({ id: created.annotation.id });
    expect(summaryIn(restored.changes, SAMPLE_ARTICLE_ID)).toMatchObject({
      annotationCount: 1,
      facets: { annotationTags: ['kremlin'] },
    });
  });

  it('links made, unmade and restored answer both articles', () => {
    const { service } = harness();
    const otherId = importNotes(service);
    const accusation = create(service, SAMPLE_ARTICLE_ID, ACCUSATION);
    const denial = create(service, otherId, 'Russia denies it');
    const both = (changes: Changes) => changes.articles.map((a) => a.id).sort();
    const expected = [SAMPLE_ARTICLE_ID, otherId].sort();
    const made = service.createLink({ fromId: denial.id, toId: accusation.id, relation: 'denies' });
    expect(both(made.changes)).toEqual(expected);
    expect(both(service.deleteLink({ id: made.link.id }).changes)).toEqual(expected);
    expect(both(service.restoreLink({ id: made.link.id }).changes)).toEqual(expected);
  });

  it('renameTag answers the articles of the annotations and the articles carrying it', async () => {
    const { client, service } = harness();
    const otherId = importNotes(service);
    create(service, SAMPLE_ARTICLE_ID, ACCUSATION, { tags: ['intel'] });
    await client.updateArticle({ id: otherId, tags: ['intel'] });
    const tag = service.listTags({}).tags.find((t) => t.name === 'intel')!;
    const renamed = service.renameTag({ id: tag.id, name: 'Intelligence' });
    expect(summaryIn(renamed.changes, SAMPLE_ARTICLE_ID)?.facets.annotationTags).toEqual([
      'Intelligence',
    ]);
    expect(summaryIn(renamed.changes, otherId)?.tags).toEqual(['Intelligence']);
  });

  it('restoreArticle answers the article with its tags, counts and facets', async () => {
    const { client, service } = harness();
    create(service, SAMPLE_ARTICLE_ID, DENIAL, {
      claim: { type: 'denial', speaker: 'Russia', status: 'unverified' },
    });
    await client.updateArticle({ id: SAMPLE_ARTICLE_ID, tags: ['ukraine'] });
    const before = listed(service, SAMPLE_ARTICLE_ID);
    const deleted = service.deleteArticle({ id: SAMPLE_ARTICLE_ID });
    expect(deleted.changes.removedArticles).toEqual([SAMPLE_ARTICLE_ID]);
    expect(summaryIn(deleted.changes, SAMPLE_ARTICLE_ID)).toBeUndefined();
    const restored = service.restoreArticle({ id: SAMPLE_ARTICLE_ID });
    expect(summaryIn(restored.changes, SAMPLE_ARTICLE_ID)).toEqual(before);
    expect(restored.article).toMatchObject({ tags: ['ukraine'], claimCount: 1 });
  });
});

describe('article tags, the Trash and the tag list', () => {
  it('Empty Trash erases the article tags of erased articles, and keeps the tag', async () => {
    const { db, client, service } = harness();
    const id = importNotes(service);
    await client.updateArticle({ id, tags: ['gone', 'kept'] });
    await client.updateArticle({ id: SAMPLE_ARTICLE_ID, tags: ['kept'] });
    service.deleteArticle({ id });
    expect(service.emptyTrash({}).erased).toBe(1);
    const rows = db.prepare('SELECT article_id FROM article_tags').all() as {
      article_id: string;
    }[];
    expect(rows.map((r) => r.article_id)).toEqual([SAMPLE_ARTICLE_ID]);
    expect(listed(service, SAMPLE_ARTICLE_ID)!.tags).toEqual(['kept']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('lists a tag only articles use (with no annotations), which can be renamed and merged', async () => {
    const { client, service } = harness();
    const id = importNotes(service);
    await client.updateArticle({ id, tags: ['reading list'] });
    create(service, SAMPLE_ARTICLE_ID, ACCUSATION, { tags: ['Reading'] });
    const onlyArticles = service.listTags({}).tags.find((t) => t.name === 'reading list');
    expect(onlyArticles).toMatchObject({ annotationCount: 0 });

    const renamed = service.renameTag({ id: onlyArticles!.id, name: 'To read' });
    expect(renamed.tag).toMatchObject({ name: 'To read', annotationCount: 0 });
    expect(listed(service, id)!.tags).toEqual(['To read']);

    // Renamed to a name another tag has: the two merge, articles and annotations together.
    const merged = service.renameTag({ id: onlyArticles!.id, name: 'reading' });
    expect(merged).toMatchObject({ merged: true, tag: { name: 'Reading', annotationCount: 1 } });
    expect(listed(service, id)!.tags).toEqual(['Reading']);
    expect(service.listTags({}).tags.map((t) => t.name)).toEqual(['Reading']);
  });
});
