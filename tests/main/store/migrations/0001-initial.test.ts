import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tagKey } from '../../../../src/main/store/tags';
import { openDatabase } from '../../../../src/main/store/connection';
import { migration0001 } from '../../../../src/main/store/migrations/0001-initial';
import { MIGRATIONS } from '../../../../src/main/store/migrations/index';
import { useTempDirs } from '../../helpers';

const tempDir = useTempDirs('marginalia-m0001-');

const ARTICLE_ID = '01950000-0000-7000-8000-00000000a001';
const OTHER_ARTICLE_ID = '01950000-0000-7000-8000-00000000a002';
const NOTE_ID = '01950000-0000-7000-8000-00000000b001';
const AT = '2024-01-01T00:00:00.000Z';

let db: Database;

beforeEach(() => {
  // Migration 1 alone, exactly as a user's first launch applies it.
  db = openDatabase(path.join(tempDir(), 'marginalia.db'), { migrations: [migration0001] }).db;
});
afterEach(() => {
  if (db.open) db.close();
});

function insertArticle(id: string, title: string, text: string): void {
  db.prepare(
    `INSERT INTO articles (id, title, source_format, document, text, content_hash, added_at, updated_at)
     VALUES (?, ?, 'text', '{"type":"doc","content":[]}', ?, 'hash', ?, ?)`,
  ).run(id, title, text, AT, AT);
}

function insertAnnotation(id: string, articleId: string, exact: string, note: string): void {
  db.prepare(
    `INSERT INTO annotations (id, article_id, quote_exact, quote_prefix, quote_suffix,
       position_start, position_end, color, note, created_at, updated_at)
     VALUES (?, ?, ?, '', '', 0, ?, 'yellow', ?, ?, ?)`,
  ).run(id, articleId, exact, exact.length, note, AT, AT);
}

function articleMatches(query: string): string[] {
  return (
    db
      .prepare(
        `SELECT a.id FROM articles_fts f JOIN articles a ON a.seq = f.rowid
         WHERE articles_fts MATCH ? ORDER BY a.id`,
      )
      .all(query) as { id: string }[]
  ).map((r) => r.id);
}

function annotationMatches(query: string): string[] {
  return (
    db
      .prepare(
        `SELECT n.id FROM annotations_fts f JOIN annotations n ON n.seq = f.rowid
         WHERE annotations_fts MATCH ? ORDER BY n.id`,
      )
      .all(query) as { id: string }[]
  ).map((r) => r.id);
}

function insertTag(id: string, name: string, deletedAt: string | null = null): void {
  // name_key is computed by the store (tagKey); the migration's unique index is over it.
  db.prepare(
    'INSERT INTO tags (id, name, name_key, created_at, deleted_at) VALUES (?, ?, ?, ?, ?)',
  ).run(id, name, tagKey(name), AT, deletedAt);
}

describe('migration 1 (initial)', () => {
  it('is the first migration, version 1, and leaves user_version at 1', () => {
    expect(MIGRATIONS[0]).toBe(migration0001);
    expect(migration0001.version).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
  });

  it('creates every table, including the FTS5 indexes', () => {
    const names = (
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]
    ).map((r) => r.name);
    for (const table of [
      'articles',
      'annotations',
      'tags',
      'annotation_tags',
      'links',
      'meta',
      'articles_fts',
      'annotations_fts',
    ]) {
      expect(names).toContain(table);
    }
    const fts = db
      .prepare(
        "SELECT name, sql FROM sqlite_schema WHERE name IN ('articles_fts', 'annotations_fts')",
      )
      .all() as { name: string; sql: string }[];
    expect(fts).toHaveLength(2);
    for (const row of fts) expect(row.sql).toMatch(/USING fts5/i);
  });

  it('keeps the article index in sync on insert, update and delete', () => {
    insertArticle(ARTICLE_ID, 'Diplomats meet', 'Stoltenberg warned about troops');
    insertArticle(OTHER_ARTICLE_ID, 'Weather', 'Sunny with a chance of rain');
    expect(articleMatches('stoltenberg')).toEqual([ARTICLE_ID]);
    expect(articleMatches('title:diplomats')).toEqual([ARTICLE_ID]);
    expect(articleMatches('rain')).toEqual([OTHER_ARTICLE_ID]);

    db.prepare('UPDATE articles SET text = ? WHERE id = ?').run(
      'Johnson spoke of a security crisis',
      ARTICLE_ID,
    );
    expect(articleMatches('stoltenberg')).toEqual([]);
    expect(articleMatches('johnson')).toEqual([ARTICLE_ID]);

    db.prepare('UPDATE articles SET title = ? WHERE id = ?').run('Talks stall', ARTICLE_ID);
    expect(articleMatches('title:diplomats')).toEqual([]);
    expect(articleMatches('title:stall')).toEqual([ARTICLE_ID]);

    // Updating other columns leaves the index as it is.
    db.prepare('UPDATE articles SET deleted_at = ? WHERE id = ?').run(AT, ARTICLE_ID);
    expect(articleMatches('johnson')).toEqual([ARTICLE_ID]);

    db.prepare('DELETE FROM articles WHERE id = ?').run(OTHER_ARTICLE_ID);
    expect(articleMatches('rain')).toEqual([]);
    db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");
  });

  it('keeps the annotation index in sync with quote_exact and note', () => {
    insertArticle(ARTICLE_ID, 'Diplomats meet', 'false-flag operations were alleged');
    insertAnnotation(NOTE_ID, ARTICLE_ID, 'false-flag operations', 'check the White House finding');
    expect(annotationMatches('operations')).toEqual([NOTE_ID]);
    expect(annotationMatches('note:finding')).toEqual([NOTE_ID]);

    db.prepare('UPDATE annotations SET note = ? WHERE id = ?').run('Russia denies it', NOTE_ID);
    expect(annotationMatches('note:finding')).toEqual([]);
    expect(annotationMatches('denies')).toEqual([NOTE_ID]);

    db.prepare('UPDATE annotations SET quote_exact = ? WHERE id = ?').run('were alleged', NOTE_ID);
    expect(annotationMatches('quote_exact:operations')).toEqual([]);
    expect(annotationMatches('alleged')).toEqual([NOTE_ID]);

    db.prepare('DELETE FROM annotations WHERE id = ?').run(NOTE_ID);
    expect(annotationMatches('alleged')).toEqual([]);
    expect(annotationMatches('denies')).toEqual([]);
    db.exec("INSERT INTO annotations_fts (annotations_fts) VALUES ('integrity-check')");
  });

  it('enforces foreign keys: no annotation for an unknown article, no tag link to unknown rows', () => {
    expect(() => insertAnnotation(NOTE_ID, ARTICLE_ID, 'orphan', '')).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT count(*) AS n FROM annotations').get()).toEqual({ n: 0 });

    insertArticle(ARTICLE_ID, 'T', 'some text');
    insertAnnotation(NOTE_ID, ARTICLE_ID, 'some', '');
    expect(() =>
      db
        .prepare('INSERT INTO annotation_tags (annotation_id, tag_id, created_at) VALUES (?, ?, ?)')
        .run(NOTE_ID, 'no-such-tag', AT),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO links (id, from_annotation_id, to_annotation_id, relation, created_at)
           VALUES ('l1', ?, 'no-such-annotation', 'denies', ?)`,
        )
        .run(NOTE_ID, AT),
    ).toThrow(/FOREIGN KEY/);
    // A hard delete of an article that still has annotations is refused too.
    expect(() => db.prepare('DELETE FROM articles WHERE id = ?').run(ARTICLE_ID)).toThrow(
      /FOREIGN KEY/,
    );
  });

  it('checks annotation ranges, link ends and document JSON', () => {
    insertArticle(ARTICLE_ID, 'T', 'some text');
    expect(() =>
      db
        .prepare(
          `INSERT INTO annotations (id, article_id, quote_exact, quote_prefix, quote_suffix,
             position_start, position_end, color, created_at, updated_at)
           VALUES ('bad', ?, 'x', '', '', 5, 5, 'yellow', ?, ?)`,
        )
        .run(ARTICLE_ID, AT, AT),
    ).toThrow(/CHECK/);
    insertAnnotation(NOTE_ID, ARTICLE_ID, 'some', '');
    expect(() =>
      db
        .prepare(
          `INSERT INTO links (id, from_annotation_id, to_annotation_id, relation, created_at)
           VALUES ('self', ?, ?, 'supports', ?)`,
        )
        .run(NOTE_ID, NOTE_ID, AT),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO articles (id, title, source_format, document, text, content_hash, added_at, updated_at)
           VALUES ('x', 'x', 'text', 'not json', '', '', ?, ?)`,
        )
        .run(AT, AT),
    ).toThrow(/CHECK/);
    expect(() => insertArticle(ARTICLE_ID, 'duplicate id', '')).toThrow(/UNIQUE/);
  });

  it('makes a tag name unique by its key among live tags only', () => {
    insertTag('t1', 'False-Flag');
    expect(() => insertTag('t2', 'false-flag')).toThrow(/UNIQUE/);
    expect(() => insertTag('t3', 'FALSE-FLAG')).toThrow(/UNIQUE/);
    insertTag('u1', 'Ärger');
    expect(() => insertTag('u2', 'äRGER')).toThrow(/UNIQUE/);
    insertTag('c1', 'caf\u00e9');
    expect(() => insertTag('c2', 'CAFE\u0301')).toThrow(/UNIQUE/);
    // Once the first is deleted, the name is free again, and deleted duplicates may pile up.
    db.prepare('UPDATE tags SET deleted_at = ? WHERE id = ?').run(AT, 't1');
    insertTag('t4', 'false-flag');
    insertTag('t5', 'FALSE-flag', AT);
    expect(
      db
        .prepare('SELECT id FROM tags WHERE name_key = ? AND deleted_at IS NULL')
        .all(tagKey('False-Flag')),
    ).toEqual([{ id: 't4' }]);
  });

  it('uses strict tables', () => {
    expect(() =>
      db
        .prepare(
          `INSERT INTO annotations (id, article_id, quote_exact, quote_prefix, quote_suffix,
             position_start, position_end, color, created_at, updated_at)
           VALUES ('n', 'a', 'x', '', '', 'zero', 1, 'yellow', ?, ?)`,
        )
        .run(AT, AT),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
  });
});
