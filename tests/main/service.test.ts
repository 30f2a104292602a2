import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { assertImportSize } from '../../src/main/import/decode';
import { openLibrary, type Library } from '../../src/main/library';
import { resourcesDir } from '../../src/main/paths';
import { SAMPLE_ARTICLE_ID, readSample } from '../../src/main/sample';
import { createService, type Service } from '../../src/main/service';
import { openDatabase } from '../../src/main/store/connection';
import { BLOCK_SEPARATOR } from '../../src/shared/document/canonical-text';
import { dispatch } from '../../src/shared/contract/dispatch';
import { MAX_NOTE_LENGTH } from '../../src/shared/contract/entities';
import { ServiceError, type ErrorCode } from '../../src/shared/contract/errors';
import { OPERATION_NAMES } from '../../src/shared/contract/operation-names';
import { MAX_IMPORT_BYTES, operations } from '../../src/shared/contract/operations';
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

const tempDir = useTempDirs('marginalia-service-');

const SAMPLE_TITLE = 'Negotiations continue between Western and Russian diplomats';

interface Harness {
  readonly db: Database;
  readonly service: Service;
  readonly file: string;
}

const openDbs: Database[] = [];
const openLibraries: Library[] = [];
afterEach(() => {
  for (const db of openDbs.splice(0)) if (db.open) db.close();
  for (const lib of openLibraries.splice(0)) lib.close();
});

function harness(options: { sample?: boolean; newId?: () => string } = {}): Harness {
  const file = path.join(tempDir(), 'marginalia.db');
  const { db } = openDatabase(file);
  openDbs.push(db);
  const service = createService({
    db,
    newId: options.newId ?? idSource(),
    now: tickingClock(),
    ...(options.sample === false ? {} : { sample: readSample(resourcesDir()) }),
  });
  return { db, service, file };
}

function library(dataDir: string): Library {
  const lib = openLibrary({ dataDir });
  openLibraries.push(lib);
  return lib;
}

/** Every row of every table: equal snapshots mean an operation left no trace. */
function snapshot(db: Database): string {
  const tables = ['articles', 'annotations', 'tags', 'annotation_tags', 'links', 'meta'];
  return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()));
}

/** The bytes on disk: the database file and its WAL. */
function diskHash(file: string): string {
  const hash = crypto.createHash('sha256');
  for (const f of [file, `${file}-wal`]) if (fs.existsSync(f)) hash.update(fs.readFileSync(f));
  return hash.digest('hex');
}

function expectServiceError(work: () => unknown, code: ErrorCode): ServiceError {
  const error = serviceErrorOf(work);
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(0);
  return error;
}

function base64(text: string | Uint8Array): string {
  return Buffer.from(text).toString('base64');
}

/** Every link mark's href in a ProseMirror JSON document. */
function linkHrefs(node: unknown): string[] {
  const found: string[] = [];
  const walk = (n: {
    marks?: { type: string; attrs?: { href?: string } }[];
    content?: unknown[];
  }) => {
    for (const mark of n.marks ?? [])
      if (mark.type === 'link') found.push(String(mark.attrs?.href));
    for (const child of n.content ?? []) walk(child as typeof n);
  };
  walk(node as Parameters<typeof walk>[0]);
  return [...new Set(found)];
}

const PNG_BYTES = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const ZIP_BYTES = Uint8Array.from([
  0x50,
  0x4b,
  0x03,
  0x04,
  0x14,
  0,
  0,
  0,
  8,
  0,
  0x21,
  0x5a,
  ...Buffer.from('word/document.xml'),
]);

describe('the sample article', () => {
  it('is in a new library, with its metadata and four paragraphs', () => {
    const { service } = harness();
    const { articles } = service.listArticles({});
    expect(articles).toHaveLength(1);
    const summary = articles[0]!;
    expect(summary).toMatchObject({
      id: SAMPLE_ARTICLE_ID,
      title: SAMPLE_TITLE,
      byline: 'Simon C.',
      publishedAt: '2022-02-11',
      annotationCount: 0,
    });

    const { article } = service.getArticle({ id: SAMPLE_ARTICLE_ID });
    const blocks =
      (article.document as { content?: { type: string; content?: { text?: string }[] }[] })
        .content ?? [];
    expect(blocks).toHaveLength(4);
    const paragraphs = blocks.map((b) => (b.content ?? []).map((c) => c.text ?? '').join(''));
    for (const block of blocks) expect(block.type).toBe('paragraph');
    for (const p of paragraphs) {
      expect(p).not.toBe(SAMPLE_TITLE);
      expect(p.length).toBeGreaterThan(100);
    }
    expect(paragraphs[0]).toMatch(/^In December of 2021/);
    expect(paragraphs[3]).toMatch(/Stoltenberg/);
    // The canonical text is the paragraphs joined by the separator, and the hash is of it.
    const text = service.articleText(article.id);
    expect(text).toBe(paragraphs.join(BLOCK_SEPARATOR));
    expect(text).not.toContain('By Simon C.');
    expect(article.contentHash).toBe(crypto.createHash('sha256').update(text).digest('hex'));
    // The text is the document's: it is not sent a second time beside it.
    expect(article).not.toHaveProperty('text');
  });

  it('is added once: reopening a library does not add it again', () => {
    const dir = tempDir();
    library(dir).close();
    const again = library(dir);
    const { articles } = again.service.listArticles({});
    expect(articles.map((a) => a.id)).toEqual([SAMPLE_ARTICLE_ID]);
  });

  it('does not come back after it is deleted and the library reopened', () => {
    const dir = tempDir();
    const first = library(dir);
    expect(first.service.deleteArticle({ id: SAMPLE_ARTICLE_ID })).toEqual({
      id: SAMPLE_ARTICLE_ID,
      changes: changesOf({ removedArticles: [SAMPLE_ARTICLE_ID] }),
    });
    expect(first.service.listArticles({}).articles).toEqual([]);
    first.close();

    const second = library(dir);
    expect(second.service.listArticles({}).articles).toEqual([]);
    expectServiceError(() => second.service.getArticle({ id: SAMPLE_ARTICLE_ID }), 'not_found');
    // Soft-deleted: the row is still there, for a future Trash.
    const row = second.db
      .prepare('SELECT deleted_at FROM articles WHERE id = ?')
      .get(SAMPLE_ARTICLE_ID) as { deleted_at: string | null } | undefined;
    expect(row?.deleted_at).toBeTruthy();
    second.close();
    expect(library(dir).service.listArticles({}).articles).toEqual([]);
  });

  it('is not added when the service is built without one', () => {
    const { service } = harness({ sample: false });
    expect(service.listArticles({}).articles).toEqual([]);
  });
});

describe('importing', () => {
  it('imports Markdown: the leading heading is the title, unsafe links are dropped', () => {
    const { service } = harness({ sample: false, newId: idSource(0xabc) });
    const source = [
      '# Talks stall in Geneva',
      '',
      'Officials *met* again on **Monday**; see [the report](https://example.org/report).',
      '',
      'A [trap](javascript:alert(1)), an [app link](myapp://run) and an image ![a map](https://tracker.example/map.png).',
      '',
      '<script>window.pwned = 1</script>',
    ].join('\n');
    const { article, warnings } = service.importBytes('geneva.md', Buffer.from(source));
    expect(warnings).toEqual([]);
    expect(article.id).toBe('01950000-0000-7000-8000-000000000abc');
    expect(article.title).toBe('Talks stall in Geneva');
    expect(article.annotationCount).toBe(0);

    const full = service.getArticle({ id: article.id }).article;
    const text = service.articleText(article.id);
    expect(text).not.toContain('Talks stall in Geneva');
    expect(text).not.toContain('#');
    expect(text).toContain('Officials met again on Monday; see the report.');
    // Links with other schemes lose their link (their words may stay as text); only http(s) remains.
    expect(text).toContain('trap');
    expect(text).toContain(', an app link and an image a map.');
    expect(linkHrefs(full.document)).toEqual(['https://example.org/report']);
    const json = JSON.stringify(full.document);
    expect(json).not.toContain('myapp:');
    expect(json).not.toContain('tracker.example');
    // Raw HTML stays text, never markup.
    expect(json).not.toMatch(/"type":"html/);
    expect(text).toContain('<script>window.pwned = 1</script>');
  });

  it('imports plain text through importArticle (base64), with byline and date', () => {
    const { service } = harness({ sample: false });
    const text =
      'Ceasefire talks\nBy A. Reporter\n2024-05-06\n\nFirst paragraph.\n\nSecond paragraph.\n';
    const { article } = service.importArticle({
      fileName: 'talks.txt',
      contentBase64: base64(text),
    });
    expect(article).toMatchObject({
      title: 'Ceasefire talks',
      byline: 'A. Reporter',
      publishedAt: '2024-05-06',
    });
    expect(service.articleText(article.id)).toBe('First paragraph.\n\nSecond paragraph.');
    expect(service.listArticles({}).articles.map((a) => a.id)).toEqual([article.id]);
  });

  it('lists the newest import first', () => {
    const { service } = harness();
    const a = service.importBytes('a.txt', Buffer.from('Alpha\n\nbody a')).article;
    const b = service.importBytes('b.md', Buffer.from('# Beta\n\nbody b')).article;
    expect(service.listArticles({}).articles.map((x) => x.id)).toEqual([
      b.id,
      a.id,
      SAMPLE_ARTICLE_ID,
    ]);
  });

  it('reads windows-1252 with a warning instead of failing', () => {
    const { service } = harness({ sample: false });
    const bytes = Uint8Array.from([
      ...Buffer.from('Caf'),
      0xe9,
      ...Buffer.from('\n\nna'),
      0xef,
      ...Buffer.from('ve'),
    ]);
    const { article, warnings } = service.importBytes('cafe.txt', bytes);
    expect(article.title).toBe('Café');
    expect(warnings.join(' ')).toMatch(/windows-1252/);
    expect(service.articleText(article.id)).toBe('naïve');
  });

  const refusals: [string, string, Uint8Array, ErrorCode][] = [
    ['a PNG renamed .txt', 'photo.txt', PNG_BYTES, 'unsupported_file'],
    ['a ZIP renamed .md', 'report.md', ZIP_BYTES, 'unsupported_file'],
    ['a PNG renamed .md', 'photo.md', PNG_BYTES, 'unsupported_file'],
    ['a PNG renamed .html', 'photo.html', PNG_BYTES, 'unsupported_file'],
    ['a ZIP renamed .html', 'page.html', ZIP_BYTES, 'unsupported_file'],
    ['a ZIP renamed .txt', 'notes.txt', ZIP_BYTES, 'unsupported_file'],
    [
      'a file with NUL bytes',
      'binary.txt',
      Uint8Array.from([0x41, 0x42, 0, 0x43, 0x44]),
      'unsupported_file',
    ],
    ['an empty file', 'empty.txt', new Uint8Array(0), 'unsupported_file'],
    ['a blank file', 'blank.md', Buffer.from(' \n\t\n'), 'unsupported_file'],
    [
      'an unsupported extension',
      'slides.pptx',
      Buffer.from('Title\n\nplain words'),
      'unsupported_file',
    ],
    ['no extension at all', 'README', Buffer.from('Title\n\nplain words'), 'unsupported_file'],
  ];
  for (const [label, fileName, bytes, code] of refusals) {
    // RELIABILITY.md line 3 is the binary ones.
    const line = /renamed|NUL/.test(label) ? 'R03 ' : '';
    it(`${line}refuses ${label} (${code}) and stores nothing, through importBytes and importArticle`, () => {
      const { db, service, file } = harness();
      const before = snapshot(db);
      const disk = diskHash(file);
      expectServiceError(() => service.importBytes(fileName, bytes), code);
      expectServiceError(
        () => service.importArticle({ fileName, contentBase64: base64(bytes) }),
        code,
      );
      expect(snapshot(db)).toBe(before);
      expect(diskHash(file)).toBe(disk);
      expect(service.listArticles({}).articles).toHaveLength(1);
    });
  }

  it('R02 refuses a file over MAX_IMPORT_BYTES as too_large, and stores nothing', () => {
    const { db, service, file } = harness();
    const before = snapshot(db);
    const disk = diskHash(file);
    const big = Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x61);
    const error = expectServiceError(() => service.importBytes('big.txt', big), 'too_large');
    expect(error.message).toMatch(/MB/);
    expectServiceError(
      () => service.importArticle({ fileName: 'big.md', contentBase64: big.toString('base64') }),
      'too_large',
    );
    expect(snapshot(db)).toBe(before);
    expect(diskHash(file)).toBe(disk);
    // Exactly at the limit is still accepted (checked on the size alone; importing 25 MB is slow).
    expect(() => assertImportSize(MAX_IMPORT_BYTES, 'limit.txt')).not.toThrow();
    expect(() => assertImportSize(MAX_IMPORT_BYTES + 1, 'big.txt')).toThrow(ServiceError);
  });

  it('refuses contentBase64 that is not base64', () => {
    const { db, service } = harness();
    const before = snapshot(db);
    expectServiceError(
      () => service.importArticle({ fileName: 'x.txt', contentBase64: 'not base64 at all!' }),
      'invalid_request',
    );
    expect(snapshot(db)).toBe(before);
  });
});

describe('annotations', () => {
  it('refuses a quote that does not match the text at its position, and stores nothing', () => {
    const { db, service } = harness();
    const before = snapshot(db);
    const good = rangeOf(service, SAMPLE_ARTICLE_ID, 'false-flag operations');
    expectServiceError(
      () =>
        service.createAnnotation({
          articleId: SAMPLE_ARTICLE_ID,
          quote: { ...good.quote, exact: 'true-flag operations' },
          position: good.position,
          color: 'yellow',
          note: 'should not be saved',
          claim: null,
          tags: ['never'],
        }),
      'invalid_anchor',
    );
    // The right words, at the wrong place.
    expectServiceError(
      () =>
        service.createAnnotation({
          articleId: SAMPLE_ARTICLE_ID,
          quote: good.quote,
          position: { start: good.position.start + 1, end: good.position.end + 1 },
          color: 'yellow',
          note: '',
          claim: null,
          tags: [],
        }),
      'invalid_anchor',
    );
    // Past the end of the text.
    const text = service.articleText(SAMPLE_ARTICLE_ID);
    expectServiceError(
      () =>
        service.createAnnotation({
          articleId: SAMPLE_ARTICLE_ID,
          quote: { exact: 'x', prefix: '', suffix: '' },
          position: { start: text.length, end: text.length + 1 },
          color: 'yellow',
          note: '',
          claim: null,
          tags: [],
        }),
      'invalid_anchor',
    );
    expect(snapshot(db)).toBe(before);
    expect(service.listTags({}).tags).toEqual([]);
  });

  it('refuses an annotation on an unknown or deleted article', () => {
    const { service } = harness();
    const good = rangeOf(service, SAMPLE_ARTICLE_ID, 'Stoltenberg');
    const request = { ...good, color: 'yellow' as const, note: '', claim: null, tags: [] };
    expectServiceError(
      () => service.createAnnotation({ ...request, articleId: UNKNOWN_ID }),
      'not_found',
    );
    service.deleteArticle({ id: SAMPLE_ARTICLE_ID });
    expectServiceError(
      () => service.createAnnotation({ ...request, articleId: SAMPLE_ARTICLE_ID }),
      'not_found',
    );
  });

  it('creates an annotation with its note, colour, claim and tags, and counts it on the article', () => {
    const { service } = harness({ newId: idSource(0x5000) });
    const reply = createReply(service, SAMPLE_ARTICLE_ID, 'which Russia denies', {
      color: 'pink',
      note: 'The denial is unattributed.',
      claim: { type: 'denial', speaker: 'Russia', status: 'disputed' },
      tags: ['Russia', 'false flag'],
    });
    const { annotation } = reply;
    expect(annotation.id).toMatch(/^01950000-0000-7000-8000-0000000050/);
    expect(annotation).toMatchObject({
      articleId: SAMPLE_ARTICLE_ID,
      color: 'pink',
      note: 'The denial is unattributed.',
      claim: { type: 'denial', speaker: 'Russia', status: 'disputed' },
      tags: ['false flag', 'Russia'],
    });
    expect(annotation.quote.exact).toBe('which Russia denies');
    expect(annotation.createdAt).toBe(annotation.updatedAt);
    expect(operations.createAnnotation.response.safeParse(reply).success).toBe(true);

    expect(service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations).toEqual([
      annotation,
    ]);
    expect(service.listArticles({}).articles[0]!.annotationCount).toBe(1);
    // The reply carries the change: the annotation, and the article's summary with its count.
    expect(reply.changes).toEqual(
      changesOf({ annotations: [annotation], articles: service.listArticles({}).articles }),
    );
    expect(service.getArticle({ id: SAMPLE_ARTICLE_ID }).article.annotationCount).toBe(1);
  });

  it('lists annotations in document order, whatever order they were made in', () => {
    const { service } = harness();
    const last = create(service, SAMPLE_ARTICLE_ID, 'the biggest security crisis');
    const first = create(service, SAMPLE_ARTICLE_ID, 'In December of 2021');
    const middle = create(service, SAMPLE_ARTICLE_ID, 'false-flag operations');
    const inside = create(service, SAMPLE_ARTICLE_ID, 'false-flag');
    const listed = service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations;
    expect(listed.map((a) => a.id)).toEqual([first.id, inside.id, middle.id, last.id]);
    const starts = listed.map((a) => a.position.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('updates note, colour, claim and tags, each on its own, keeping the rest', () => {
    const { service } = harness();
    const created = create(service, SAMPLE_ARTICLE_ID, 'Jens Stoltenberg', {
      color: 'blue',
      note: 'first thought',
      claim: { type: 'warning', speaker: 'Stoltenberg', status: 'unverified' },
      tags: ['NATO'],
    });

    const noted = service.updateAnnotation({ id: created.id, note: 'second thought' }).annotation;
    expect(noted).toMatchObject({
      note: 'second thought',
      color: 'blue',
      claim: { type: 'warning', speaker: 'Stoltenberg', status: 'unverified' },
      tags: ['NATO'],
      createdAt: created.createdAt,
    });
    expect(noted.updatedAt > created.updatedAt).toBe(true);

    const coloured = service.updateAnnotation({ id: created.id, color: 'green' }).annotation;
    expect(coloured).toMatchObject({ color: 'green', note: 'second thought', tags: ['NATO'] });

    const confirmed = service.updateAnnotation({
      id: created.id,
      claim: { type: 'warning', speaker: null, status: 'confirmed' },
    }).annotation;
    expect(confirmed.claim).toEqual({ type: 'warning', speaker: null, status: 'confirmed' });

    const retagged = service.updateAnnotation({
      id: created.id,
      tags: ['troops', 'Warning'],
    }).annotation;
    expect(retagged.tags).toEqual(['troops', 'Warning']);
    expect(retagged.claim).toEqual({ type: 'warning', speaker: null, status: 'confirmed' });

    const unclaimed = service.updateAnnotation({
      id: created.id,
      claim: null,
      tags: [],
    }).annotation;
    expect(unclaimed.claim).toBeNull();
    expect(unclaimed.tags).toEqual([]);
    expect(unclaimed.note).toBe('second thought');
    expect(unclaimed.quote).toEqual(created.quote);
    expect(unclaimed.position).toEqual(created.position);

    // An empty note clears the note (it is not "no change").
    expect(service.updateAnnotation({ id: created.id, note: '' }).annotation.note).toBe('');
    const restored = service.updateAnnotation({
      id: created.id,
      note: 'second thought',
    }).annotation;
    expect(restored.note).toBe('second thought');

    // What was returned is what is stored.
    expect(service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations).toEqual([
      restored,
    ]);
  });

  it('deduplicates tags case-insensitively and counts them in listTags', () => {
    const { service } = harness();
    const a = create(service, SAMPLE_ARTICLE_ID, 'Vladimir Putin', {
      tags: ['Russia', 'russia', 'RUSSIA', 'Kremlin'],
    });
    expect(a.tags).toEqual(['Kremlin', 'Russia']);
    const b = create(service, SAMPLE_ARTICLE_ID, 'Moscow views the West', { tags: ['russia'] });
    // The tag keeps the spelling it was first given.
    expect(b.tags).toEqual(['Russia']);
    const c = create(service, SAMPLE_ARTICLE_ID, 'Boris Johnson', { tags: ['UK'] });

    const tags = service.listTags({}).tags;
    expect(tags.map((t) => [t.name, t.annotationCount])).toEqual([
      ['Kremlin', 1],
      ['Russia', 2],
      ['UK', 1],
    ]);
    expect(new Set(tags.map((t) => t.id)).size).toBe(3);
    expect(operations.listTags.response.safeParse({ tags }).success).toBe(true);

    service.deleteAnnotation({ id: b.id });
    service.updateAnnotation({ id: c.id, tags: [] });
    expect(service.listTags({}).tags.map((t) => [t.name, t.annotationCount])).toEqual([
      ['Kremlin', 1],
      ['Russia', 1],
      ['UK', 0],
    ]);
  });

  it('treats tag names that differ only in case or Unicode form as one tag, in any script', () => {
    const { service } = harness();
    const a = create(service, SAMPLE_ARTICLE_ID, 'Vladimir Putin', {
      tags: ['Ärger', 'äRGER', 'caf\u00e9', 'CAFE\u0301', 'Украина', 'УКРАИНА'],
    });
    expect(a.tags).toEqual(['caf\u00e9', 'Ärger', 'Украина']);
    expect(service.listTags({}).tags).toHaveLength(3);
  });

  it('R26 soft-deletes: gone from lists and counts, the row kept with deleted_at', () => {
    const { db, service } = harness();
    const keep = create(service, SAMPLE_ARTICLE_ID, 'Stoltenberg', { tags: ['NATO'] });
    const gone = create(service, SAMPLE_ARTICLE_ID, 'Boris Johnson', {
      tags: ['NATO'],
      note: 'to delete',
    });
    const deleted = service.deleteAnnotation({ id: gone.id });
    expect(deleted.id).toBe(gone.id);
    expect(deleted.changes).toEqual(
      changesOf({
        removedAnnotations: [gone.id],
        articles: [expect.objectContaining({ id: SAMPLE_ARTICLE_ID, annotationCount: 1 })],
      }),
    );
    expect(deleted.changes.articles).toEqual(service.listArticles({}).articles);

    expect(
      service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations.map((a) => a.id),
    ).toEqual([keep.id]);
    expect(service.listArticles({}).articles[0]!.annotationCount).toBe(1);
    expect(service.listTags({}).tags).toMatchObject([{ name: 'NATO', annotationCount: 1 }]);

    const row = db
      .prepare('SELECT note, deleted_at FROM annotations WHERE id = ?')
      .get(gone.id) as {
      note: string;
      deleted_at: string | null;
    };
    expect(row.note).toBe('to delete');
    expect(row.deleted_at).toEqual(expect.any(String));

    expectServiceError(() => service.deleteAnnotation({ id: gone.id }), 'not_found');
    expectServiceError(
      () => service.updateAnnotation({ id: gone.id, note: 'revived?' }),
      'not_found',
    );
    expect(
      (db.prepare('SELECT note FROM annotations WHERE id = ?').get(gone.id) as { note: string })
        .note,
    ).toBe('to delete');
  });

  it("hides a deleted article's annotations and their tag counts", () => {
    const { service } = harness();
    const other = service.importBytes(
      'other.txt',
      Buffer.from('Other\n\nNATO met in Brussels.'),
    ).article;
    create(service, SAMPLE_ARTICLE_ID, 'Stoltenberg', { tags: ['NATO'] });
    const mine = create(service, other.id, 'NATO met', { tags: ['NATO'] });
    service.deleteArticle({ id: SAMPLE_ARTICLE_ID });
    expect(service.listTags({}).tags).toMatchObject([{ name: 'NATO', annotationCount: 1 }]);
    expectServiceError(
      () => service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }),
      'not_found',
    );
    expect(service.listAnnotations({ articleId: other.id }).annotations.map((a) => a.id)).toEqual([
      mine.id,
    ]);
    expectServiceError(() => service.deleteArticle({ id: SAMPLE_ARTICLE_ID }), 'not_found');
  });

  it('stores an annotation and its tags together or not at all', () => {
    // The id source hands out an id a tag already has: the second tag insert fails.
    const ids = idSource(0x7000);
    let replay: string | null = null;
    const newId = () => replay ?? ids();
    const { db, service } = harness({ newId });
    const first = create(service, SAMPLE_ARTICLE_ID, 'Stoltenberg', { tags: ['NATO'] });
    const natoId = service.listTags({}).tags[0]!.id;
    const before = snapshot(db);

    replay = natoId;
    let caught: unknown;
    try {
      create(service, SAMPLE_ARTICLE_ID, 'Boris Johnson', { tags: ['UK'] });
    } catch (error) {
      caught = error;
    }
    replay = null;
    expect(caught).toBeDefined();
    expect(snapshot(db)).toBe(before);
    expect(
      service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations.map((a) => a.id),
    ).toEqual([first.id]);
  });
});

describe('through dispatch (the receiving side of every transport)', () => {
  it('answers every operation with a value its response schema accepts', async () => {
    const { service } = harness();
    const listed = await dispatch(service, 'listArticles', {});
    expect(listed.ok).toBe(true);
    if (!listed.ok) return;
    expect(operations.listArticles.response.parse(listed.value)).toEqual(listed.value);

    const got = await dispatch(service, 'getArticle', { id: SAMPLE_ARTICLE_ID });
    expect(got.ok && operations.getArticle.response.safeParse(got.value).success).toBe(true);

    // Defaults are filled in: colour yellow, empty note, no claim, no tags.
    const created = await dispatch(service, 'createAnnotation', {
      articleId: SAMPLE_ARTICLE_ID,
      ...rangeOf(service, SAMPLE_ARTICLE_ID, 'Stoltenberg'),
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const { annotation } = operations.createAnnotation.response.parse(created.value);
    expect(annotation).toMatchObject({ color: 'yellow', note: '', claim: null, tags: [] });

    // Tag names are trimmed by the schema.
    const updated = await dispatch(service, 'updateAnnotation', {
      id: annotation.id,
      tags: ['  spaced  '],
    });
    expect(
      updated.ok && (updated.value as { annotation: { tags: string[] } }).annotation.tags,
    ).toEqual(['spaced']);

    const imported = await dispatch(service, 'importArticle', {
      fileName: 'n.md',
      contentBase64: base64('# N\n\nbody'),
    });
    expect(imported.ok && operations.importArticle.response.safeParse(imported.value).success).toBe(
      true,
    );
    const tags = await dispatch(service, 'listTags', {});
    expect(tags.ok && operations.listTags.response.safeParse(tags.value).success).toBe(true);
    const annotations = await dispatch(service, 'listAnnotations', {
      articleId: SAMPLE_ARTICLE_ID,
    });
    expect(
      annotations.ok && operations.listAnnotations.response.safeParse(annotations.value).success,
    ).toBe(true);
    const deleted = await dispatch(service, 'deleteAnnotation', { id: annotation.id });
    const sample = service.listArticles({}).articles.find((a) => a.id === SAMPLE_ARTICLE_ID);
    expect(sample?.annotationCount).toBe(0);
    expect(deleted).toEqual({
      ok: true,
      value: {
        id: annotation.id,
        changes: changesOf({ removedAnnotations: [annotation.id], articles: [sample!] }),
      },
    });
    expect(
      deleted.ok && operations.deleteAnnotation.response.safeParse(deleted.value).success,
    ).toBe(true);
  });

  it('answers unknown_operation for an operation that does not exist', async () => {
    const { db, service } = harness();
    const before = snapshot(db);
    for (const name of [
      'dropDatabase',
      'constructor',
      '__proto__',
      'toString',
      'importBytes',
      '',
    ]) {
      const result = await dispatch(service, name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    }
    expect(OPERATION_NAMES).not.toContain('importBytes');
    expect(snapshot(db)).toBe(before);
  });

  it('R27 answers invalid_request for malformed payloads and leaves the database file unchanged', async () => {
    const { db, service, file } = harness();
    const existing = create(service, SAMPLE_ARTICLE_ID, 'Stoltenberg');
    const range = rangeOf(service, SAMPLE_ARTICLE_ID, 'Boris Johnson');
    const before = snapshot(db);
    const disk = diskHash(file);
    const cases: [string, unknown][] = [
      ['getArticle', { id: 42 }],
      ['getArticle', { id: 'not-a-uuid' }],
      ['getArticle', { id: `${SAMPLE_ARTICLE_ID}' OR 1=1 --` }],
      ['getArticle', {}],
      ['getArticle', 'a string'],
      ['getArticle', [SAMPLE_ARTICLE_ID]],
      ['listArticles', { extra: true }],
      ['deleteArticle', { id: SAMPLE_ARTICLE_ID, force: true }],
      ['listAnnotations', { articleId: null }],
      ['createAnnotation', { articleId: SAMPLE_ARTICLE_ID, ...range, extra: 'key' }],
      ['createAnnotation', { articleId: SAMPLE_ARTICLE_ID, ...range, color: 'red' }],
      ['createAnnotation', { articleId: SAMPLE_ARTICLE_ID, ...range, tags: ['a,b'] }],
      ['createAnnotation', { articleId: SAMPLE_ARTICLE_ID, ...range, tags: 'NATO' }],
      [
        'createAnnotation',
        { articleId: SAMPLE_ARTICLE_ID, ...range, position: { start: 5, end: 5 } },
      ],
      [
        'createAnnotation',
        { articleId: SAMPLE_ARTICLE_ID, ...range, position: { start: -1, end: 5 } },
      ],
      [
        'createAnnotation',
        { articleId: SAMPLE_ARTICLE_ID, ...range, position: { start: 1.5, end: 5 } },
      ],
      [
        'createAnnotation',
        { articleId: SAMPLE_ARTICLE_ID, ...range, quote: { ...range.quote, exact: '' } },
      ],
      [
        'createAnnotation',
        {
          articleId: SAMPLE_ARTICLE_ID,
          ...range,
          claim: { type: 'x', speaker: null, status: 'maybe' },
        },
      ],
      ['createAnnotation', { articleId: SAMPLE_ARTICLE_ID, quote: range.quote }],
      ['updateAnnotation', { id: existing.id, note: 7 }],
      ['updateAnnotation', { id: existing.id, unknownField: 1 }],
      ['updateAnnotation', { id: 'nope', note: 'hi' }],
      ['deleteAnnotation', { id: 'nope' }],
      ['importArticle', { fileName: '', contentBase64: base64('Title\n\nbody') }],
      ['importArticle', { fileName: 'a.txt' }],
      ['importArticle', { fileName: 'a.txt', contentBase64: 12 }],
    ];
    for (const [operation, payload] of cases) {
      const result = await dispatch(service, operation, payload);
      expect(result.ok, `${operation} ${JSON.stringify(payload).slice(0, 80)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code, `${operation} ${JSON.stringify(payload).slice(0, 80)}`).toBe(
          'invalid_request',
        );
        expect(result.error.message).toContain(operation);
      }
    }
    expect(snapshot(db)).toBe(before);
    expect(diskHash(file)).toBe(disk);
    expect(service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations).toEqual([
      existing,
    ]);
    // Refused only for size: "too large", and still nothing stored.
    for (const [operation, payload] of [
      [
        'createAnnotation',
        { articleId: SAMPLE_ARTICLE_ID, ...range, note: 'x'.repeat(MAX_NOTE_LENGTH + 1) },
      ],
      ['updateAnnotation', { id: existing.id, note: 'x'.repeat(MAX_NOTE_LENGTH + 1) }],
    ] as const) {
      const result = await dispatch(service, operation, payload);
      expect(result.ok ? null : result.error.code).toBe('too_large');
    }
    expect(snapshot(db)).toEqual(before);
  });

  it('accepts a note of exactly MAX_NOTE_LENGTH', async () => {
    const { service } = harness();
    const existing = create(service, SAMPLE_ARTICLE_ID, 'Stoltenberg');
    const result = await dispatch(service, 'updateAnnotation', {
      id: existing.id,
      note: 'n'.repeat(MAX_NOTE_LENGTH),
    });
    expect(result.ok).toBe(true);
    expect(
      service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations[0]!.note,
    ).toHaveLength(MAX_NOTE_LENGTH);
  });

  it('answers not_found for well-formed ids that name nothing', async () => {
    const { db, service } = harness();
    const before = snapshot(db);
    for (const [operation, payload] of [
      ['getArticle', { id: UNKNOWN_ID }],
      ['deleteArticle', { id: UNKNOWN_ID }],
      ['listAnnotations', { articleId: UNKNOWN_ID }],
      ['updateAnnotation', { id: UNKNOWN_ID, note: 'x' }],
      ['deleteAnnotation', { id: UNKNOWN_ID }],
      [
        'createAnnotation',
        {
          articleId: UNKNOWN_ID,
          quote: { exact: 'x', prefix: '', suffix: '' },
          position: { start: 0, end: 1 },
        },
      ],
    ] as const) {
      expect(await dispatch(service, operation, payload)).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    }
    expect(snapshot(db)).toBe(before);
  });

  it('answers the service error for refused imports and anchors, as data', async () => {
    const { db, service } = harness();
    const before = snapshot(db);
    expect(
      await dispatch(service, 'importArticle', {
        fileName: 'p.txt',
        contentBase64: base64(PNG_BYTES),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'unsupported_file' },
    });
    expect(
      await dispatch(service, 'importArticle', {
        fileName: 'z.md',
        contentBase64: base64(ZIP_BYTES),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'unsupported_file' },
    });
    expect(
      await dispatch(service, 'importArticle', { fileName: 'x.exe', contentBase64: base64('MZ') }),
    ).toMatchObject({
      ok: false,
      error: { code: 'unsupported_file' },
    });
    const range = rangeOf(service, SAMPLE_ARTICLE_ID, 'Stoltenberg');
    expect(
      await dispatch(service, 'createAnnotation', {
        articleId: SAMPLE_ARTICLE_ID,
        quote: { ...range.quote, exact: 'Stoltenburg' },
        position: range.position,
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_anchor' } });
    expect(snapshot(db)).toBe(before);
  });

  it('R02 R27 answers too_large for an import of MAX_IMPORT_BYTES + 1 bytes', async () => {
    const { db, service } = harness();
    const before = snapshot(db);
    const result = await dispatch(service, 'importArticle', {
      fileName: 'big.txt',
      contentBase64: Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x61).toString('base64'),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(snapshot(db)).toBe(before);
  });
});

describe('storage faults', () => {
  it('R18 answers storage_full when the library cannot grow, and stores nothing', () => {
    const { db, service } = harness();
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const before = snapshot(db);
    const big = Buffer.from(`Big\n\n${'word '.repeat(200_000)}`).toString('base64');
    const error = expectServiceError(
      () => service.importArticle({ fileName: 'big.txt', contentBase64: big }),
      'storage_full',
    );
    expect(error.message).toMatch(/full; nothing was saved/);
    expect(snapshot(db)).toEqual(before);
  });

  it('R18 a note or a new annotation that does not fit is refused as storage_full and rolled back', () => {
    const { db, service } = harness();
    const existing = create(service, SAMPLE_ARTICLE_ID, 'Stoltenberg', { note: 'short' });
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const before = snapshot(db);
    // Random words do not compress into the pages left, whatever SQLite does with them.
    const long = crypto.randomBytes(MAX_NOTE_LENGTH / 2).toString('hex');
    const edit = expectServiceError(
      () => service.updateAnnotation({ id: existing.id, note: long, tags: ['full-disk'] }),
      'storage_full',
    );
    expect(edit.message).toMatch(/full; nothing was saved/);
    expectServiceError(
      () =>
        service.createAnnotation({
          articleId: SAMPLE_ARTICLE_ID,
          ...rangeOf(service, SAMPLE_ARTICLE_ID, 'false-flag operations'),
          color: 'yellow',
          note: long,
          claim: null,
          tags: ['full-disk'],
        }),
      'storage_full',
    );
    expect(snapshot(db)).toEqual(before);
    expect(service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations).toEqual([
      existing,
    ]);
    // Room again: the same edit goes through.
    db.pragma('max_page_count = 1073741823');
    service.updateAnnotation({ id: existing.id, note: long });
    expect(service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations[0]!.note).toBe(
      long,
    );
  });
});
