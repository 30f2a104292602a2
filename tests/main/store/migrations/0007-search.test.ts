/**
 * Migration 7 on a database in the shape migration 6 left it: the search indexes are built for
 * every existing row (articles, annotations with their tags and speakers, CJK text), migration
 * 1's triggers are replaced, and the indexes stay in step afterwards.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/main/store/connection';
import { MIGRATIONS } from '../../../../src/main/store/migrations/index';
import { search } from '../../../../src/main/search/search';
import { useTempDirs } from '../../helpers';

const tempDir = useTempDirs('marginalia-m0007-');
const AT = '2024-01-01T00:00:00.000Z';
const A1 = '01950000-0000-7000-8000-000000000001';
const A2 = '01950000-0000-7000-8000-000000000002';
const N1 = '01950000-0000-7000-8000-000000000011';
const N2 = '01950000-0000-7000-8000-000000000012';
const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});

function open(file: string, migrations = MIGRATIONS) {
  const result = openDatabase(file, { migrations, now: () => new Date(Date.UTC(2024, 5, 1)) });
  opened.push(result.db);
  return result;
}

/** A version-6 library: two articles (one in Chinese), a tagged note, a claim with a speaker. */
function version6File(): string {
  const file = path.join(tempDir(), 'marginalia.db');
  const { db } = open(file, MIGRATIONS.slice(0, 6));
  const article = db.prepare(
    `INSERT INTO articles (id, title, source_format, document, text, content_hash, added_at,
       updated_at) VALUES (?, ?, 'text', '{}', ?, 'h', ?, ?)`,
  );
  article.run(A1, 'L’École des femmes', 'The envoy denied everything.', AT, AT);
  article.run(A2, '新闻', '北京大学的学生今天举行了会议。', AT, AT);
  const annotation = db.prepare(
    `INSERT INTO annotations (id, article_id, quote_exact, quote_prefix, quote_suffix,
       position_start, position_end, color, note, claim_type, claim_speaker_id, created_at,
       updated_at, anchor_start, anchor_end)
     VALUES (?, ?, ?, '', '', ?, ?, 'yellow', ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.prepare(
    `INSERT INTO speakers (id, name, name_key, created_at) VALUES ('s1', 'Jens Stoltenberg',
       'jens stoltenberg', ?)`,
  ).run(AT);
  db.prepare(
    `INSERT INTO tags (id, name, name_key, created_at) VALUES ('t1', 'Défense', 'défense', ?)`,
  ).run(AT);
  annotation.run(N1, A1, 'denied', 10, 16, 'a zeppelin memo', 'denial', 's1', AT, AT, 10, 16);
  annotation.run(N2, A2, '学生', 4, 6, '', null, null, AT, AT, 4, 6);
  db.prepare(`INSERT INTO annotation_tags VALUES (?, 't1', ?)`).run(N1, AT);
  db.close();
  return file;
}

const hitIds = (db: Database, query: string) =>
  search(db, { query, limit: 20 }).groups.flatMap((g) =>
    g.hits.map((h) => `${h.kind}:${h.annotationId ?? g.article.id}`),
  );

describe('migration 7: search', () => {
  it('builds the indexes for every existing row', () => {
    const { db } = open(version6File());
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(7);
    expect(hitIds(db, 'zeppelin')).toEqual([`note:${N1}`]);
    expect(hitIds(db, 'defense')).toEqual([`tag:${N1}`]);
    expect(hitIds(db, 'stoltenberg')).toEqual([`speaker:${N1}`]);
    expect(hitIds(db, 'ecole')).toEqual([]); // a title match alone has no snippet…
    expect(search(db, { query: 'ecole', limit: 20 }).groups[0]).toMatchObject({
      article: { id: A1 },
      titleMatch: true,
    });
    expect(hitIds(db, 'envoy')).toEqual([`text:${A1}`]);
    expect(hitIds(db, '大学的学生')).toEqual([`text:${A2}`]);
    expect(hitIds(db, 'speaker:stoltenberg tag:défense')).toEqual([`speaker:${N1}`]);
    for (const table of ['articles_fts', 'annotations_fts', 'search_cjk']) {
      expect(() =>
        db.exec(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`),
      ).not.toThrow();
    }
  });

  it('replaces migration 1’s triggers and keeps the indexes in step after', () => {
    const { db } = open(version6File());
    const triggers = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    expect(triggers.filter((t) => t.includes('_fts_'))).toEqual([]);
    expect(triggers).toContain('search_tags_update');
    db.prepare("UPDATE tags SET name = 'Sécurité', name_key = 'sécurité'").run();
    expect(hitIds(db, 'defense')).toEqual([]);
    expect(hitIds(db, 'securite')).toEqual([`tag:${N1}`]);
    db.prepare('UPDATE articles SET text = ? WHERE id = ?').run('东京的天气很好。', A1);
    expect(hitIds(db, 'envoy')).toEqual([]);
    expect(hitIds(db, '的天气')).toEqual([`text:${A1}`]);
    db.prepare('DELETE FROM annotation_tags').run();
    db.prepare('DELETE FROM annotations WHERE id = ?').run(N2);
    expect(hitIds(db, 'securite')).toEqual([]);
    expect(hitIds(db, '学生')).toEqual([`text:${A2}`]);
    expect(db.prepare('SELECT count(*) AS n FROM search_cjk').get()).toEqual({ n: 2 });
  });
});
