/**
 * Queries over `tags` and `annotation_tags` (an article's own tags are in `article-tags.ts`, over
 * the same `tags`). Live tag names are unique, ignoring case and form.
 */
import type { Database } from 'better-sqlite3';
import type { AnnotationScope } from './links';
import type { TagSummary } from '../../shared/contract/entities';

import { cleanName, nameKey } from './name-key';

/** The comparison key of a tag name. */
export const tagKey = nameKey;

/** Answers the id of the live tag named `name`, creating it if there is none. */
export function ensureTag(db: Database, name: string, newId: () => string, at: string): string {
  const key = tagKey(name);
  const existing = db
    .prepare('SELECT id FROM tags WHERE name_key = ? AND deleted_at IS NULL')
    .get(key) as { id: string } | undefined;
  if (existing) return existing.id;
  const id = newId();
  db.prepare('INSERT INTO tags (id, name, name_key, created_at) VALUES (?, ?, ?, ?)').run(
    id,
    cleanName(name),
    key,
    at,
  );
  return id;
}

/** Replaces an annotation's tags with `names` (deduplicated, case-insensitively). */
export function setAnnotationTags(
  db: Database,
  annotationId: string,
  names: readonly string[],
  newId: () => string,
  at: string,
): void {
  db.prepare('DELETE FROM annotation_tags WHERE annotation_id = ?').run(annotationId);
  const insert = db.prepare(
    'INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id, created_at) VALUES (?, ?, ?)',
  );
  for (const name of names) insert.run(annotationId, ensureTag(db, name, newId, at), at);
}

/**
 * The live tags of the annotations in `scope`, by annotation id, each list in name order. The
 * library scope reads every annotation's tags, deleted annotations' too: callers look up only
 * the annotations they list.
 */
export function tagsByAnnotation(db: Database, scope: AnnotationScope): Map<string, string[]> {
  const rows = (
    'library' in scope
      ? db
          .prepare(
            `SELECT at.annotation_id, t.name FROM annotation_tags at
             JOIN tags t ON t.id = at.tag_id AND t.deleted_at IS NULL ORDER BY t.name_key`,
          )
          .all()
      : 'articleId' in scope
        ? db
            .prepare(
              `SELECT at.annotation_id, t.name FROM annotation_tags at
             JOIN tags t ON t.id = at.tag_id AND t.deleted_at IS NULL
             JOIN annotations a ON a.id = at.annotation_id
             WHERE a.article_id = ? ORDER BY t.name_key`,
            )
            .all(scope.articleId)
        : db
            .prepare(
              `SELECT at.annotation_id, t.name FROM annotation_tags at
             JOIN tags t ON t.id = at.tag_id AND t.deleted_at IS NULL
             WHERE at.annotation_id IN (SELECT value FROM json_each(?)) ORDER BY t.name_key`,
            )
            .all(JSON.stringify(scope.ids))
  ) as { annotation_id: string; name: string }[];
  const map = new Map<string, string[]>();
  for (const row of rows) {
    const list = map.get(row.annotation_id) ?? [];
    list.push(row.name);
    map.set(row.annotation_id, list);
  }
  return map;
}

/** Ids of the live annotations that carry the tag `tagId`. */
export function annotationIdsWithTag(db: Database, tagId: string): string[] {
  const rows = db
    .prepare(
      `SELECT at.annotation_id AS id FROM annotation_tags at
       JOIN annotations a ON a.id = at.annotation_id AND a.deleted_at IS NULL
       WHERE at.tag_id = ?`,
    )
    .all(tagId) as { id: string }[];
  return rows.map((r) => r.id);
}

/**
 * Every live tag, by name, with the number of live annotations that carry it. A tag used only
 * by articles (Article details) is listed too, with 0: it is a tag like any other, so it can be
 * renamed or merged, and the tag list never loses a name the library still uses.
 */
export function listTags(db: Database): TagSummary[] {
  const rows = db
    .prepare(
      `SELECT t.id, t.name,
         (SELECT count(*) FROM annotation_tags at
            JOIN annotations a ON a.id = at.annotation_id AND a.deleted_at IS NULL
            JOIN articles r ON r.id = a.article_id AND r.deleted_at IS NULL
          WHERE at.tag_id = t.id) AS annotation_count
       FROM tags t WHERE t.deleted_at IS NULL ORDER BY t.name_key`,
    )
    .all() as { id: string; name: string; annotation_count: number }[];
  return rows.map((r) => ({ id: r.id, name: r.name, annotationCount: r.annotation_count }));
}

/**
 * Renames a live tag. If another live tag already has the new name (ignoring case and form), the
 * two merge: the renamed tag's annotations and articles move to that tag and the renamed one is
 * soft-deleted.
 * Answers the id of the tag that carries the name, or null if `id` is no live tag.
 */
export function renameTag(
  db: Database,
  id: string,
  name: string,
  at: string,
): { id: string; merged: boolean } | null {
  const live = db.prepare('SELECT id FROM tags WHERE id = ? AND deleted_at IS NULL').get(id);
  if (!live) return null;
  const key = tagKey(name);
  const other = db
    .prepare('SELECT id FROM tags WHERE name_key = ? AND deleted_at IS NULL AND id <> ?')
    .get(key, id) as { id: string } | undefined;
  if (!other) {
    db.prepare('UPDATE tags SET name = ?, name_key = ? WHERE id = ?').run(cleanName(name), key, id);
    return { id, merged: false };
  }
  db.prepare(
    `INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id, created_at)
     SELECT annotation_id, ?, ? FROM annotation_tags WHERE tag_id = ?`,
  ).run(other.id, at, id);
  db.prepare('DELETE FROM annotation_tags WHERE tag_id = ?').run(id);
  db.prepare(
    `INSERT OR IGNORE INTO article_tags (article_id, tag_id, created_at)
     SELECT article_id, ?, ? FROM article_tags WHERE tag_id = ?`,
  ).run(other.id, at, id);
  db.prepare('DELETE FROM article_tags WHERE tag_id = ?').run(id);
  db.prepare('UPDATE tags SET deleted_at = ? WHERE id = ?').run(at, id);
  return { id: other.id, merged: true };
}
