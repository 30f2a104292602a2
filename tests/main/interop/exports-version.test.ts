/**
 * The current version an export dates changed quotes by: read from `article_versions` when the
 * store has it, and null (never an error) when it does not.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { currentVersionReader } from '../../../src/main/interop/exports';

const ARTICLE = '0190d6e4-8f6b-7c3a-9d2e-1a2b3c4d5e6f';
let db: Database.Database;

afterEach(() => db?.close());

describe('currentVersionReader', () => {
  it('answers null when the store has no article_versions table', () => {
    db = new Database(':memory:');
    expect(currentVersionReader(db)(ARTICLE)).toBeNull();
  });

  it('answers the newest version’s number and date', () => {
    db = new Database(':memory:');
    db.exec(
      'CREATE TABLE article_versions (article_id TEXT, number INTEGER, added_at TEXT, document TEXT)',
    );
    const insert = db.prepare(
      'INSERT INTO article_versions (article_id, number, added_at, document) VALUES (?, ?, ?, ?)',
    );
    insert.run(ARTICLE, 1, '2026-01-01T00:00:00.000Z', '{}');
    insert.run(ARTICLE, 2, '2026-02-12T09:30:00.000Z', null);
    insert.run('other', 5, '2026-03-01T00:00:00.000Z', null);
    const read = currentVersionReader(db);
    expect(read(ARTICLE)).toEqual({ number: 2, addedAt: '2026-02-12T09:30:00.000Z' });
    expect(read('missing')).toBeNull();
  });
});
