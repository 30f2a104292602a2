/**
 * An article's own tags (Article details), in `article_tags`: the same `tags` rows annotations
 * use, so a name is one tag across both and a rename or merge reaches both.
 */
import type { Database } from 'better-sqlite3';
import { ensureTag, tagKey } from './tags';

/**
 * `names` without repeats: two names with the same key (case and Unicode form ignored, see
 * name-key.ts) are one tag; the first spelling is kept.
 */
export function distinctTagNames(names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const name of names) {
    const key = tagKey(name);
    if (!seen.has(key)) seen.set(key, name);
  }
  return [...seen.values()];
}

/** The live tags of one article, by name key. */
export function articleTagNames(db: Database, articleId: string): string[] {
  const rows = db
    .prepare(
      `SELECT t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id AND t.deleted_at IS NULL
       WHERE x.article_id = ? ORDER BY t.name_key`,
    )
    .all(articleId) as { name: string }[];
  return rows.map((r) => r.name);
}

/**
 * Replaces an article's tags with `names` (deduplicated as `distinctTagNames` does; a new name
 * becomes a tag). A tag it keeps keeps its row (and the date it was added). Runs in a write.
 */
export function setArticleTags(
  db: Database,
  articleId: string,
  names: readonly string[],
  newId: () => string,
  at: string,
): void {
  const ids = distinctTagNames(names).map((name) => ensureTag(db, name, newId, at));
  db.prepare(
    `DELETE FROM article_tags WHERE article_id = ?
       AND tag_id NOT IN (SELECT value FROM json_each(?))`,
  ).run(articleId, JSON.stringify(ids));
  const insert = db.prepare(
    'INSERT OR IGNORE INTO article_tags (article_id, tag_id, created_at) VALUES (?, ?, ?)',
  );
  for (const id of ids) insert.run(articleId, id, at);
}

/** Ids of the live articles that carry the tag `tagId`. */
export function articleIdsWithTag(db: Database, tagId: string): string[] {
  const rows = db
    .prepare(
      `SELECT x.article_id AS id FROM article_tags x
       JOIN articles a ON a.id = x.article_id AND a.deleted_at IS NULL
       WHERE x.tag_id = ?`,
    )
    .all(tagId) as { id: string }[];
  return rows.map((r) => r.id);
}
