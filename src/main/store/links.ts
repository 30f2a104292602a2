/** Queries over `links`: typed relations between two annotations, seen from either end. */
import type { Database } from 'better-sqlite3';
import type { AnnotationLink, Link, LinkRelation } from '../../shared/contract/entities';

interface LinkRow {
  id: string;
  from_annotation_id: string;
  to_annotation_id: string;
  relation: string;
  created_at: string;
  deleted_at: string | null;
}

function toLink(row: LinkRow): Link {
  return {
    id: row.id,
    fromId: row.from_annotation_id,
    toId: row.to_annotation_id,
    relation: row.relation as LinkRelation,
    createdAt: row.created_at,
  };
}

export function insertLink(db: Database, link: Link): void {
  db.prepare(
    `INSERT INTO links (id, from_annotation_id, to_annotation_id, relation, created_at)
     VALUES (?, ?, ?, ?, ?)`,
  ).run(link.id, link.fromId, link.toId, link.relation, link.createdAt);
}

export function findLink(
  db: Database,
  id: string,
): { link: Link; deletedAt: string | null } | null {
  const row = db.prepare('SELECT * FROM links WHERE id = ?').get(id) as LinkRow | undefined;
  return row ? { link: toLink(row), deletedAt: row.deleted_at } : null;
}

export function findLiveLink(
  db: Database,
  fromId: string,
  toId: string,
  relation: LinkRelation,
): Link | null {
  const row = db
    .prepare(
      `SELECT * FROM links WHERE from_annotation_id = ? AND to_annotation_id = ? AND relation = ?
       AND deleted_at IS NULL`,
    )
    .get(fromId, toId, relation) as LinkRow | undefined;
  return row ? toLink(row) : null;
}

export function softDeleteLink(db: Database, id: string, at: string): boolean {
  return (
    db.prepare('UPDATE links SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(at, id)
      .changes === 1
  );
}

export function restoreLinkRow(db: Database, id: string): void {
  db.prepare('UPDATE links SET deleted_at = NULL WHERE id = ?').run(id);
}

/**
 * Soft-deletes the live links that touch an annotation, stamped with the annotation's own delete
 * time so that restoring the annotation can bring back exactly these links.
 */
export function softDeleteLinksOf(db: Database, annotationId: string, at: string): void {
  db.prepare(
    `UPDATE links SET deleted_at = ? WHERE deleted_at IS NULL
       AND (from_annotation_id = ? OR to_annotation_id = ?)`,
  ).run(at, annotationId, annotationId);
}

/** Restores the links deleted together with an annotation whose other end is live. */
export function restoreLinksDeletedWith(db: Database, annotationId: string, at: string): void {
  db.prepare(
    `UPDATE links SET deleted_at = NULL
     WHERE deleted_at = @at AND (from_annotation_id = @id OR to_annotation_id = @id)
       AND NOT EXISTS (
         SELECT 1 FROM annotations o
         WHERE o.id IN (links.from_annotation_id, links.to_annotation_id)
           AND o.deleted_at IS NOT NULL AND o.id <> @id)
       AND NOT EXISTS (
         SELECT 1 FROM links l2 WHERE l2.deleted_at IS NULL
           AND l2.from_annotation_id = links.from_annotation_id
           AND l2.to_annotation_id = links.to_annotation_id AND l2.relation = links.relation)`,
  ).run({ at, id: annotationId });
}

/**
 * Which annotations a query is about: all of one article's, the ones named, or every live
 * annotation of every live article (`library`: read in plain scans, not looked up id by id).
 */
export type AnnotationScope =
  { readonly articleId: string } | { readonly ids: readonly string[] } | { readonly library: true };

interface LinkEndsRow {
  id: string;
  relation: LinkRelation;
  from_id: string;
  from_article: string;
  from_quote: string;
  to_id: string;
  to_article: string;
  to_quote: string;
}

const LINK_ENDS = `SELECT l.id, l.relation, l.created_at,
    f.id AS from_id, f.article_id AS from_article, f.quote_exact AS from_quote,
    t.id AS to_id, t.article_id AS to_article, t.quote_exact AS to_quote
  FROM links l
  JOIN annotations f ON f.id = l.from_annotation_id AND f.deleted_at IS NULL
  JOIN annotations t ON t.id = l.to_annotation_id AND t.deleted_at IS NULL
  JOIN articles fa ON fa.id = f.article_id AND fa.deleted_at IS NULL
  JOIN articles ta ON ta.id = t.article_id AND ta.deleted_at IS NULL
  WHERE l.deleted_at IS NULL`;

/**
 * Every live link touching a live annotation in `scope`, seen from each end in scope, by
 * annotation id. Scoped by ids, it looks links up by their ends' indexes.
 */
export function linksByAnnotation(
  db: Database,
  scope: AnnotationScope,
): Map<string, AnnotationLink[]> {
  let rows: LinkEndsRow[];
  let inScope: (annotationId: string, articleId: string) => boolean;
  if ('library' in scope) {
    // Both ends of every link read are live annotations of live articles: all in scope.
    rows = db.prepare(`${LINK_ENDS} ORDER BY l.created_at, l.id`).all() as LinkEndsRow[];
    inScope = () => true;
  } else if ('articleId' in scope) {
    rows = db
      .prepare(
        `${LINK_ENDS} AND (f.article_id = @articleId OR t.article_id = @articleId)
         ORDER BY l.created_at, l.id`,
      )
      .all({ articleId: scope.articleId }) as LinkEndsRow[];
    inScope = (_id, articleId) => articleId === scope.articleId;
  } else {
    if (scope.ids.length === 0) return new Map();
    const ids = new Set(scope.ids);
    rows = db
      .prepare(
        `${LINK_ENDS} AND (l.from_annotation_id IN (SELECT value FROM json_each(@ids))
           OR l.to_annotation_id IN (SELECT value FROM json_each(@ids)))
         ORDER BY l.created_at, l.id`,
      )
      .all({ ids: JSON.stringify([...ids]) }) as LinkEndsRow[];
    inScope = (id) => ids.has(id);
  }
  const map = new Map<string, AnnotationLink[]>();
  const add = (annotationId: string, link: AnnotationLink) => {
    const list = map.get(annotationId) ?? [];
    list.push(link);
    map.set(annotationId, list);
  };
  for (const r of rows) {
    if (inScope(r.from_id, r.from_article)) {
      add(r.from_id, {
        id: r.id,
        relation: r.relation,
        direction: 'outgoing',
        otherId: r.to_id,
        otherArticleId: r.to_article,
        otherQuote: r.to_quote,
      });
    }
    if (inScope(r.to_id, r.to_article)) {
      add(r.to_id, {
        id: r.id,
        relation: r.relation,
        direction: 'incoming',
        otherId: r.from_id,
        otherArticleId: r.from_article,
        otherQuote: r.from_quote,
      });
    }
  }
  return map;
}

/** The ids of the live annotations at the other ends of `annotationId`'s live links. */
export function linkedAnnotationIds(db: Database, annotationId: string): string[] {
  const rows = db
    .prepare(
      `SELECT to_annotation_id AS id FROM links WHERE from_annotation_id = @id AND deleted_at IS NULL
       UNION SELECT from_annotation_id FROM links WHERE to_annotation_id = @id AND deleted_at IS NULL`,
    )
    .all({ id: annotationId }) as { id: string }[];
  return rows.map((r) => r.id);
}

/**
 * Ids of the live annotations in other articles that have a live link to one of `articleId`'s
 * annotations: their link lists change when the article is deleted or restored.
 */
export function annotationIdsLinkedFromOtherArticles(db: Database, articleId: string): string[] {
  const rows = db
    .prepare(
      `SELECT o.id FROM annotations n
       JOIN links l ON l.deleted_at IS NULL
         AND (l.from_annotation_id = n.id OR l.to_annotation_id = n.id)
       JOIN annotations o ON o.deleted_at IS NULL AND o.article_id <> n.article_id
         AND o.id IN (l.from_annotation_id, l.to_annotation_id)
       WHERE n.article_id = ? AND n.deleted_at IS NULL`,
    )
    .all(articleId) as { id: string }[];
  return [...new Set(rows.map((r) => r.id))];
}
