/**
 * Migration 6 on a database in the shape migration 5 left it: every article gains the SHA-256 of
 * its stored document, every other column is kept, and a new article stores it too.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/main/store/connection';
import { insertArticle } from '../../../../src/main/store/articles';
import { MIGRATIONS } from '../../../../src/main/store/migrations/index';
import { useTempDirs } from '../../helpers';

const tempDir = useTempDirs('marginalia-m0006-');
const AT = '2024-01-01T00:00:00.000Z';
const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});

function open(file: string, migrations = MIGRATIONS) {
  const result = openDatabase(file, { migrations, now: () => new Date(Date.UTC(2024, 5, 1)) });
  opened.push(result.db);
  return result;
}

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

describe('migration 6: document hash', () => {
  it('stores the SHA-256 of each stored document, keeping every row as it was', () => {
    const file = path.join(tempDir(), 'marginalia.db');
    const { db: old } = open(file, MIGRATIONS.slice(0, 5));
    const insert = old.prepare(
      `INSERT INTO articles (id, title, source_format, document, text, content_hash, added_at,
         updated_at)
       VALUES (?, ?, 'text', ?, 'words', 'h', ?, ?)`,
    );
    const documents = [
      '{"type":"doc","content":[]}',
      '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"café"}]}]}',
    ];
    insert.run('a', 'First', documents[0], AT, AT);
    insert.run('b', 'Second', documents[1], AT, AT);
    const before = old.prepare('SELECT * FROM articles ORDER BY id').all();
    old.close();

    const { db } = open(file, MIGRATIONS.slice(0, 6));
    const after = db.prepare('SELECT * FROM articles ORDER BY id').all() as Record<
      string,
      unknown
    >[];
    expect(after.map(({ document_hash: _, ...rest }) => rest)).toEqual(before);
    expect(after.map((r) => r['document_hash'])).toEqual(documents.map(sha256));
  });

  it('a new article stores the hash of its document as stored', () => {
    const { db } = open(path.join(tempDir(), 'marginalia.db'));
    const document = { type: 'doc' as const, content: [{ type: 'paragraph' }] };
    insertArticle(db, {
      id: 'c',
      title: 'New',
      byline: null,
      site: null,
      sourceUrl: null,
      publishedAt: null,
      canonicalUrl: null,
      language: null,
      direction: null,
      origin: 'file',
      sourceFormat: 'text',
      document,
      text: '',
      contentHash: sha256(''),
      addedAt: AT,
    });
    const row = db.prepare('SELECT document, document_hash FROM articles').get() as {
      document: string;
      document_hash: string;
    };
    expect(row.document_hash).toBe(sha256(row.document));
    expect(row.document_hash).toBe(sha256(JSON.stringify(document)));
  });
});
