/**
 * Migration 9 on a database in the shape migration 8 left it: every article (deleted ones too)
 * becomes version 1 of itself, its text left in `articles`; annotations are untouched.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/main/store/connection';
import { MIGRATIONS } from '../../../../src/main/store/migrations/index';
import { listVersions } from '../../../../src/main/store/versions';
import { sha256Hex } from '../../../../src/main/store/content-hash';
import { useTempDirs } from '../../helpers';

const tempDir = useTempDirs('marginalia-m0009-');
const AT = '2024-01-01T00:00:00.000Z';
const A1 = '01950000-0000-7000-8000-000000000001';
const A2 = '01950000-0000-7000-8000-000000000002';
const N1 = '01950000-0000-7000-8000-000000000011';
const N2 = '01950000-0000-7000-8000-000000000012';
const TEXT = 'The envoy 👍🏽 denied everything.';
const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});

function open(file: string, migrations = MIGRATIONS.slice(0, 9)) {
  const result = openDatabase(file, { migrations, now: () => new Date(Date.UTC(2024, 5, 1)) });
  opened.push(result.db);
  return result;
}

/** A version-8 library: a live article from a file with two annotations, a deleted one. */
function version8File(): string {
  const file = path.join(tempDir(), 'marginalia.db');
  const { db } = open(file, MIGRATIONS.slice(0, 8));
  const article = db.prepare(
    `INSERT INTO articles (id, title, source_format, document, text, content_hash,
       document_hash, source_file_name, source_url, added_at, updated_at, deleted_at)
     VALUES (?, ?, 'text', '{}', ?, ?, 'dh', ?, ?, ?, ?, ?)`,
  );
  article.run(A1, 'Notes', TEXT, sha256Hex(TEXT), 'notes.txt', null, AT, AT, null);
  article.run(A2, 'Gone', 'Old words.', 'h2', null, 'https://example.org/a', AT, AT, AT);
  const annotation = db.prepare(
    `INSERT INTO annotations (id, article_id, quote_exact, quote_prefix, quote_suffix,
       position_start, position_end, color, note, created_at, updated_at, anchor_start,
       anchor_end, deleted_at)
     VALUES (?, ?, 'denied', '', '', 15, 21, 'yellow', '', ?, ?, 15, 21, ?)`,
  );
  annotation.run(N1, A1, AT, AT, null);
  annotation.run(N2, A1, AT, AT, AT);
  db.close();
  return file;
}

describe('migration 9: article versions', () => {
  it('makes every article its version 1 without copying its text; annotations stay', () => {
    const file = version8File();
    const { db: old } = open(file, MIGRATIONS.slice(0, 8));
    const annotationsBefore = old.prepare('SELECT * FROM annotations ORDER BY id').all();
    old.close();

    const { db } = open(file);
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(db.prepare('SELECT * FROM annotations ORDER BY id').all()).toEqual(annotationsBefore);
    expect(db.prepare('SELECT count(*) AS n FROM annotation_anchors').get()).toEqual({ n: 0 });

    const [v1] = listVersions(db, A1);
    expect(listVersions(db, A1)).toHaveLength(1);
    expect(v1).toMatchObject({
      articleId: A1,
      number: 1,
      source: 'import',
      sourceName: 'notes.txt',
      title: 'Notes',
      contentHash: sha256Hex(TEXT),
      // UTF-16 code units, as the contract counts (the emoji with its modifier is 4).
      textLength: TEXT.length,
      report: null,
      addedAt: AT,
      current: true,
    });
    expect(v1?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(listVersions(db, A2)).toEqual([
      expect.objectContaining({ number: 1, sourceName: 'https://example.org/a', title: 'Gone' }),
    ]);
    const stored = db.prepare('SELECT document, text FROM article_versions').all();
    expect(stored).toEqual([
      { document: null, text: null },
      { document: null, text: null },
    ]);
    expect(db.prepare('SELECT version_notice_seen FROM articles WHERE id = ?').get(A1)).toEqual({
      version_notice_seen: null,
    });
  });

  it('numbers versions once per article and ties anchors to real annotations and versions', () => {
    const { db } = open(version8File());
    const [v1] = listVersions(db, A1);
    const version = db.prepare(
      `INSERT INTO article_versions (id, article_id, number, source, title, content_hash,
         document_hash, text_length, added_at) VALUES (?, ?, ?, 'file', 't', 'h', 'd', 0, ?)`,
    );
    expect(() => version.run('v-dup', A1, 1, AT)).toThrow(/UNIQUE/);
    expect(() => version.run('v-x', 'no-such-article', 2, AT)).toThrow(/FOREIGN KEY/);
    const anchor = db.prepare(
      `INSERT INTO annotation_anchors VALUES (?, ?, 'denied', '', '', 15, 21, 'anchored', 15, 21)`,
    );
    anchor.run(N1, v1!.id);
    expect(() => anchor.run(N1, v1!.id)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => anchor.run('no-such-annotation', v1!.id)).toThrow(/FOREIGN KEY/);
    expect(() => anchor.run(N2, 'no-such-version')).toThrow(/FOREIGN KEY/);
  });
});
