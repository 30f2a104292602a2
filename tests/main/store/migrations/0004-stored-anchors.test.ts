/**
 * Migration 4 on a database in the shape migration 3 left it: every annotation gets its stored
 * anchor, computed against its article's text (anchored, moved, or orphan), and keeps the rest.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/main/store/connection';
import { MIGRATIONS } from '../../../../src/main/store/migrations/index';
import { useTempDirs } from '../../helpers';

const tempDir = useTempDirs('marginalia-m0004-');
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

const TEXT = 'Russia denies it. Moscow says the reports are false.';

describe('migration 4: stored anchors', () => {
  it('anchors every existing annotation against its text and keeps every other column', () => {
    const file = path.join(tempDir(), 'marginalia.db');
    const { db: old } = open(file, MIGRATIONS.slice(0, 3));
    old
      .prepare(
        `INSERT INTO articles (id, title, source_format, document, text, content_hash, added_at, updated_at)
         VALUES ('a', 'Talks', 'text', '{"type":"doc","content":[]}', ?, 'h', ?, ?)`,
      )
      .run(TEXT, AT, AT);
    const insert = old.prepare(
      `INSERT INTO annotations (id, article_id, quote_exact, quote_prefix, quote_suffix,
         position_start, position_end, color, note, deleted_at, created_at, updated_at)
       VALUES (?, 'a', ?, '', '', ?, ?, 'blue', 'a note', ?, ?, ?)`,
    );
    // In place; at a stale position; nowhere in the text; deleted but still anchored.
    insert.run('in-place', 'Russia denies', 0, 13, null, AT, AT);
    insert.run('moved', 'Moscow says', 0, 11, null, AT, AT);
    insert.run('gone', 'Kyiv insists on it firmly', 0, 25, null, AT, AT);
    const reports = TEXT.indexOf('reports');
    insert.run('deleted', 'reports', reports, reports + 7, AT, AT, AT);
    const before = old.prepare('SELECT * FROM annotations ORDER BY id').all() as Record<
      string,
      unknown
    >[];
    old.close();

    const { db } = open(file);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4);
    const after = db.prepare('SELECT * FROM annotations ORDER BY id').all() as Record<
      string,
      unknown
    >[];
    const anchors = Object.fromEntries(
      after.map((row) => [row.id, [row.anchor_status, row.anchor_start, row.anchor_end]]),
    );
    expect(anchors).toEqual({
      'in-place': ['anchored', 0, 13],
      moved: ['moved', TEXT.indexOf('Moscow says'), TEXT.indexOf('Moscow says') + 11],
      gone: ['orphan', null, null],
      deleted: ['anchored', reports, reports + 7],
    });
    const rest = (rows: Record<string, unknown>[]) =>
      rows.map(({ anchor_status: _s, anchor_start: _a, anchor_end: _b, ...row }) => row);
    expect(rest(after)).toEqual(before);
  });

  it('refuses an anchor status outside the four', () => {
    const file = path.join(tempDir(), 'marginalia.db');
    const { db } = open(file);
    db.prepare(
      `INSERT INTO articles (id, title, source_format, document, text, content_hash, added_at, updated_at)
       VALUES ('a', 'Talks', 'text', '{"type":"doc","content":[]}', ?, 'h', ?, ?)`,
    ).run(TEXT, AT, AT);
    expect(() =>
      db
        .prepare(
          `INSERT INTO annotations (id, article_id, quote_exact, quote_prefix, quote_suffix,
             position_start, position_end, color, note, anchor_status, created_at, updated_at)
           VALUES ('x', 'a', 'Russia', '', '', 0, 6, 'blue', '', 'lost', ?, ?)`,
        )
        .run(AT, AT),
    ).toThrow(/CHECK constraint/);
  });
});
