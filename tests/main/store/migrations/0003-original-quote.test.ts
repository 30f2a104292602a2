/**
 * Migration 3 on a database in the shape migration 2 left it: annotations gain an empty
 * `quote_original`, and every existing row and value is kept.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/main/store/connection';
import { MIGRATIONS } from '../../../../src/main/store/migrations/index';
import { useTempDirs } from '../../helpers';

const tempDir = useTempDirs('marginalia-m0003-');
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

describe('migration 3: original quote', () => {
  it('adds quote_original as NULL to existing annotations and keeps everything else', () => {
    const file = path.join(tempDir(), 'marginalia.db');
    const { db: old } = open(file, MIGRATIONS.slice(0, 2));
    expect(old.pragma('user_version', { simple: true })).toBe(2);
    old
      .prepare(
        `INSERT INTO articles (id, title, source_format, document, text, content_hash, added_at, updated_at)
         VALUES ('a', 'Talks', 'text', '{"type":"doc","content":[]}', 'Russia denies it.', 'h', ?, ?)`,
      )
      .run(AT, AT);
    old
      .prepare(
        `INSERT INTO annotations (id, article_id, quote_exact, quote_prefix, quote_suffix,
           position_start, position_end, color, note, created_at, updated_at)
         VALUES ('n', 'a', 'Russia denies', '', ' it.', 0, 13, 'blue', 'a note', ?, ?)`,
      )
      .run(AT, AT);
    const before = old.prepare('SELECT * FROM annotations').get() as Record<string, unknown>;
    old.close();

    const { db } = open(file, MIGRATIONS.slice(0, 3));
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    const after = db.prepare('SELECT * FROM annotations').get() as Record<string, unknown>;
    expect(after).toEqual({ ...before, quote_original: null });
  });
});
