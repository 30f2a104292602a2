/**
 * Migration 10 on a library in the shape migration 9 left it: the dismissals table appears,
 * empty, and everything else is as it was; the service can dismiss at once.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createService } from '../../../../src/main/service';
import { openDatabase } from '../../../../src/main/store/connection';
import { MIGRATIONS } from '../../../../src/main/store/migrations/index';
import { sha256Hex } from '../../../../src/main/store/content-hash';
import { idSource, tickingClock, useTempDirs } from '../../helpers';

const tempDir = useTempDirs('marginalia-m0010-');
const AT = '2024-01-01T00:00:00.000Z';
const A1 = '01950000-0000-7000-8000-000000000001';
const N1 = '01950000-0000-7000-8000-000000000011';
const TEXT = 'The envoy denied everything.';
const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});

function open(file: string, migrations = MIGRATIONS.slice(0, 10)) {
  const result = openDatabase(file, { migrations, now: () => new Date(Date.UTC(2024, 5, 1)) });
  opened.push(result.db);
  return result;
}

/** A version-9 library: one article with one annotation. */
function version9File(): string {
  const file = path.join(tempDir(), 'marginalia.db');
  const { db } = open(file, MIGRATIONS.slice(0, 9));
  db.prepare(
    `INSERT INTO articles (id, title, source_format, document, text, content_hash,
       document_hash, added_at, updated_at)
     VALUES (?, 'Notes', 'text', '{}', ?, ?, 'dh', ?, ?)`,
  ).run(A1, TEXT, sha256Hex(TEXT), AT, AT);
  db.prepare(
    `INSERT INTO annotations (id, article_id, quote_exact, quote_prefix, quote_suffix,
       position_start, position_end, color, note, created_at, updated_at, anchor_start,
       anchor_end)
     VALUES (?, ?, 'denied', '', '', 10, 16, 'yellow', '', ?, ?, 10, 16)`,
  ).run(N1, A1, AT, AT);
  db.close();
  return file;
}

describe('migration 10: suggestion dismissals', () => {
  it('adds an empty dismissals table with its index; the rest stays as it was', () => {
    const file = version9File();
    const { db: old } = open(file, MIGRATIONS.slice(0, 9));
    const before = {
      articles: old.prepare('SELECT * FROM articles').all(),
      annotations: old.prepare('SELECT * FROM annotations').all(),
    };
    old.close();

    const { db } = open(file);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(db.prepare('SELECT * FROM articles').all()).toEqual(before.articles);
    expect(db.prepare('SELECT * FROM annotations').all()).toEqual(before.annotations);
    expect(db.prepare('SELECT count(*) AS n FROM suggestion_dismissals').get()).toEqual({ n: 0 });
    expect(
      db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?")
        .all('suggestion_dismissals')
        .map((r) => (r as { name: string }).name),
    ).toContain('suggestion_dismissals_by_article');
    expect(db.pragma('foreign_key_list(suggestion_dismissals)')).toMatchObject([
      { table: 'articles', from: 'article_id', to: 'id' },
    ]);

    const service = createService({ db, newId: idSource(), now: tickingClock() });
    const quote = { exact: 'denied', prefix: 'The envoy ', suffix: ' everything.' };
    const { dismissal } = service.dismissSuggestion({
      articleId: A1,
      quote,
      position: { start: 10, end: 16 },
      speaker: 'The envoy',
    });
    expect(service.listSuggestionDismissals({ articleId: A1 }).dismissals).toEqual([dismissal]);
  });
});
