/** Libraries for the backup tests: real ones through the service, and raw ones at any schema. */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openLibrary, type Library } from '../../../src/main/library';
import { openDatabase } from '../../../src/main/store/connection';
import { MIGRATIONS } from '../../../src/main/store/migrations/index';
import { create, idSource, tickingClock } from '../helpers';

export const NOTES_MD =
  '# Field notes\n\nThe envoy denied everything at the talks.\n\nA second paragraph follows here.\n';

/** A library with one imported article and `annotations` annotations on it (plus the sample). */
export function makeLibrary(dataDir: string, annotations = 2): Library & { articleId: string } {
  const library = openLibrary({ dataDir, newId: idSource(), now: tickingClock() });
  const { article } = library.service.importBytes('notes.md', Buffer.from(NOTES_MD));
  const quotes = ['envoy', 'denied', 'everything', 'talks', 'second', 'paragraph'];
  for (let i = 0; i < annotations; i++)
    create(library.service, article.id, quotes[i % quotes.length]!);
  return Object.assign(library, { articleId: article.id });
}

/** Live articles and annotations, read through a connection (the open one, or a fresh one). */
export function liveCounts(db: BetterSqlite3.Database): { articles: number; annotations: number } {
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    articles: n('SELECT count(*) AS n FROM articles WHERE deleted_at IS NULL'),
    annotations: n(
      `SELECT count(*) AS n FROM annotations a JOIN articles r ON r.id = a.article_id
       WHERE a.deleted_at IS NULL AND r.deleted_at IS NULL`,
    ),
  };
}

export function countsOfFile(file: string): { articles: number; annotations: number } {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return liveCounts(db);
  } finally {
    db.close();
  }
}

/**
 * A database at schema `version`, written at version 1 and migrated up: two live articles (one
 * with two live annotations and one deleted), one deleted article with an annotation.
 */
export function databaseAtVersion(file: string, version: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const at = '2024-01-01T00:00:00.000Z';
  const first = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) }).db;
  try {
    const article = first.prepare(
      `INSERT INTO articles (id, title, source_format, document, text, content_hash, added_at,
         updated_at, deleted_at)
       VALUES (?, ?, 'text', '{"type":"doc","content":[]}', 'Russia denies it.', 'h', ?, ?, ?)`,
    );
    article.run('a', 'Talks', at, at, null);
    article.run('b', 'More talks', at, at, null);
    article.run('c', 'Gone', at, at, at);
    const annotation = first.prepare(
      `INSERT INTO annotations (id, article_id, quote_exact, quote_prefix, quote_suffix,
         position_start, position_end, color, created_at, updated_at, deleted_at)
       VALUES (?, ?, ?, '', '', ?, ?, 'yellow', ?, ?, ?)`,
    );
    annotation.run('n1', 'a', 'Russia', 0, 6, at, at, null);
    annotation.run('n2', 'a', 'denies', 7, 13, at, at, null);
    annotation.run('n3', 'a', 'it', 14, 16, at, at, at);
    annotation.run('n4', 'c', 'Russia', 0, 6, at, at, null);
  } finally {
    first.close();
  }
  openDatabase(file, {
    migrations: MIGRATIONS.slice(0, version),
    backupBeforeMigrating: false,
  }).db.close();
}
