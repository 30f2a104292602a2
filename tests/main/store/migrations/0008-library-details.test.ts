/**
 * Migration 8 on a database in the shape migration 7 left it: articles gain when they were last
 * opened and the file they came from (both unknown for existing rows), and article tags get their
 * own table over the same tags; every existing row is kept.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/main/store/connection';
import { MIGRATIONS } from '../../../../src/main/store/migrations/index';
import { findArticleSummary, listArticles } from '../../../../src/main/store/articles';
import { useTempDirs } from '../../helpers';

const tempDir = useTempDirs('marginalia-m0008-');
const AT = '2024-01-01T00:00:00.000Z';
const A1 = '01950000-0000-7000-8000-000000000001';
const N1 = '01950000-0000-7000-8000-000000000011';
const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});

function open(file: string, migrations = MIGRATIONS.slice(0, 8)) {
  const result = openDatabase(file, { migrations, now: () => new Date(Date.UTC(2024, 5, 1)) });
  opened.push(result.db);
  return result;
}

/** A version-7 library: one article with a tagged annotation. */
function version7File(): string {
  const file = path.join(tempDir(), 'marginalia.db');
  const { db } = open(file, MIGRATIONS.slice(0, 7));
  db.prepare(
    `INSERT INTO articles (id, title, source_format, document, text, content_hash, added_at,
       updated_at) VALUES (?, 'Notes', 'text', '{}', 'The envoy denied everything.', 'h', ?, ?)`,
  ).run(A1, AT, AT);
  db.prepare(
    `INSERT INTO annotations (id, article_id, quote_exact, quote_prefix, quote_suffix,
       position_start, position_end, color, note, claim_type, created_at, updated_at,
       anchor_start, anchor_end)
     VALUES (?, ?, 'denied', '', '', 10, 16, 'yellow', '', 'denial', ?, ?, 10, 16)`,
  ).run(N1, A1, AT, AT);
  db.prepare(
    `INSERT INTO tags (id, name, name_key, created_at) VALUES ('t1', 'Défense', 'défense', ?)`,
  ).run(AT);
  db.prepare(`INSERT INTO annotation_tags VALUES (?, 't1', ?)`).run(N1, AT);
  db.close();
  return file;
}

describe('migration 8: library details', () => {
  it('keeps every row; existing articles were never opened and name no file', () => {
    const file = version7File();
    const { db: old } = open(file, MIGRATIONS.slice(0, 7));
    const before = old.prepare('SELECT * FROM articles').all();
    old.close();

    const { db } = open(file);
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    const after = db.prepare('SELECT * FROM articles').all() as Record<string, unknown>[];
    expect(after.map(({ last_opened_at: _o, source_file_name: _f, ...rest }) => rest)).toEqual(
      before,
    );
    expect(after[0]).toMatchObject({ last_opened_at: null, source_file_name: null });
    expect(findArticleSummary(db, A1)).toMatchObject({
      lastOpenedAt: null,
      sourceFileName: null,
      annotationCount: 1,
      claimCount: 1,
      tags: [],
      facets: { annotationTags: ['Défense'], speakers: [], claimTypes: ['denial'] },
    });
  });

  it('article tags must name an existing article and tag, once per pair, indexed by tag', () => {
    const { db } = open(version7File());
    const tag = db.prepare('INSERT INTO article_tags VALUES (?, ?, ?)');
    tag.run(A1, 't1', AT);
    expect(() => tag.run(A1, 't1', AT)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => tag.run('no-such-article', 't1', AT)).toThrow(/FOREIGN KEY/);
    expect(() => tag.run(A1, 'no-such-tag', AT)).toThrow(/FOREIGN KEY/);
    expect(listArticles(db)[0]?.tags).toEqual(['Défense']);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT article_id FROM article_tags WHERE tag_id = 't1'")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/article_tags_by_tag/);
  });
});
