/**
 * Migration 5 on a database in the shape migration 4 left it: articles gain their page metadata
 * (none for what was imported before), the sample is known as the sample, every other column is
 * kept, and a page's direction can only be ltr or rtl.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_ARTICLE_ID } from '../../../../src/main/sample';
import { openDatabase } from '../../../../src/main/store/connection';
import { MIGRATIONS } from '../../../../src/main/store/migrations/index';
import { useTempDirs } from '../../helpers';

const tempDir = useTempDirs('marginalia-m0005-');
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

describe('migration 5: page metadata', () => {
  it('adds language, direction, canonical address and origin, keeping every row', () => {
    const file = path.join(tempDir(), 'marginalia.db');
    const { db: old } = open(file, MIGRATIONS.slice(0, 4));
    const insert = old.prepare(
      `INSERT INTO articles (id, title, source_url, source_format, document, text, content_hash,
         added_at, updated_at)
       VALUES (?, ?, ?, 'text', '{"type":"doc","content":[]}', 'words', 'h', ?, ?)`,
    );
    insert.run(SAMPLE_ARTICLE_ID, 'The sample', null, AT, AT);
    insert.run('b', 'Imported', 'https://news.example/a', AT, AT);
    const before = old.prepare('SELECT * FROM articles ORDER BY id').all();
    old.close();

    const { db } = open(file, MIGRATIONS.slice(0, 5));
    const after = db.prepare('SELECT * FROM articles ORDER BY id').all() as Record<
      string,
      unknown
    >[];
    const NEW_COLUMNS = ['language', 'direction', 'canonical_url', 'origin'];
    const withoutNew = (row: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(row).filter(([key]) => !NEW_COLUMNS.includes(key)));
    expect(after.map(withoutNew)).toEqual(before);
    expect(after.map((r) => [r['id'], r['origin'], r['language'], r['canonical_url']])).toEqual([
      [SAMPLE_ARTICLE_ID, 'sample', null, null],
      ['b', 'file', null, null],
    ]);
    expect(() => db.prepare(`UPDATE articles SET direction = 'up' WHERE id = 'b'`).run()).toThrow(
      /CHECK/,
    );
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM articles WHERE canonical_url = 'x'`)
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/articles_by_canonical_url/);
  });
});
