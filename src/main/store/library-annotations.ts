/**
 * Every live annotation of every live article, newest first, with the article it is in
 * (Annotations across the library). One query orders the ids and brings the articles' titles;
 * `findAnnotations` then reads the annotations whole (claims, tags, links, anchors) in three
 * queries, whatever the number of articles — never one query per article.
 */
import type { Database } from 'better-sqlite3';
import type { LibraryAnnotation } from '../../shared/contract/library-annotations';
import { findAnnotations } from './annotations';

interface OrderRow {
  id: string;
  article_id: string;
  title: string;
  published_at: string | null;
}

export function listLibraryAnnotations(db: Database): LibraryAnnotation[] {
  const order = db
    .prepare(
      `SELECT n.id, n.article_id, a.title, a.published_at FROM annotations n
         JOIN articles a ON a.id = n.article_id AND a.deleted_at IS NULL
       WHERE n.deleted_at IS NULL
       ORDER BY n.created_at DESC, n.id DESC`,
    )
    .all() as OrderRow[];
  if (order.length === 0) return [];
  const byId = new Map(
    findAnnotations(
      db,
      order.map((r) => r.id),
    ).map((a) => [a.id, a]),
  );
  const briefs = new Map<string, LibraryAnnotation['article']>();
  const result: LibraryAnnotation[] = [];
  for (const row of order) {
    const annotation = byId.get(row.id);
    if (!annotation) continue;
    let article = briefs.get(row.article_id);
    if (!article) {
      article = { id: row.article_id, title: row.title, publishedAt: row.published_at };
      briefs.set(row.article_id, article);
    }
    result.push({ article, annotation });
  }
  return result;
}
