/** Queries over `tags` and `annotation_tags`. Live tag names are unique, ignoring case and form. */
import type { Database } from 'better-sqlite3';
import type { TagSummary } from '../../shared/contract/entities';

/** The comparison key of a tag name: Unicode NFC, lower-cased in every script. */
export function tagKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

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
    name.normalize('NFC'),
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

/** Tag names per annotation, for the given annotations, sorted by name. */
export function tagsByAnnotation(db: Database, articleId: string): Map<string, string[]> {
  const rows = db
    .prepare(
      `SELECT at.annotation_id, t.name FROM annotation_tags at
       JOIN tags t ON t.id = at.tag_id AND t.deleted_at IS NULL
       JOIN annotations a ON a.id = at.annotation_id
       WHERE a.article_id = ? ORDER BY t.name_key`,
    )
    .all(articleId) as { annotation_id: string; name: string }[];
  const map = new Map<string, string[]>();
  for (const row of rows) {
    const list = map.get(row.annotation_id) ?? [];
    list.push(row.name);
    map.set(row.annotation_id, list);
  }
  return map;
}

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
