/**
 * The Trash over the store: articles soft-deleted (`deleted_at` set) and not yet erased.
 *
 * Deleting an article only stamps the article row: its annotations, their tags and links stay as
 * they were, hidden because every live query joins a live article. Restoring clears the stamp,
 * so everything deleted with the article comes back, and an annotation deleted on its own
 * before stays deleted (it has its own stamp). Erasing removes the rows for good.
 */
import type { Database } from 'better-sqlite3';
import type { TrashedArticle } from '../../shared/contract/trash';

interface TrashedRow {
  id: string;
  title: string;
  byline: string | null;
  site: string | null;
  published_at: string | null;
  added_at: string;
  deleted_at: string;
  annotation_count: number;
}

/** Every article in the Trash, most recently deleted first. */
export function listTrashed(db: Database): TrashedArticle[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.title, a.byline, a.site, a.published_at, a.added_at, a.deleted_at,
         (SELECT count(*) FROM annotations n WHERE n.article_id = a.id AND n.deleted_at IS NULL)
           AS annotation_count
       FROM articles a WHERE a.deleted_at IS NOT NULL
       ORDER BY a.deleted_at DESC, a.id DESC`,
    )
    .all() as TrashedRow[];
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    byline: r.byline,
    site: r.site,
    publishedAt: r.published_at,
    addedAt: r.added_at,
    deletedAt: r.deleted_at,
    annotationCount: r.annotation_count,
  }));
}

/** The ids among `ids` (or all, when null) of articles that are in the Trash. */
function trashedIds(db: Database, ids: readonly string[] | null): string[] {
  const rows = (
    ids === null
      ? db.prepare('SELECT id FROM articles WHERE deleted_at IS NOT NULL').all()
      : db
          .prepare(
            `SELECT id FROM articles WHERE deleted_at IS NOT NULL
               AND id IN (SELECT value FROM json_each(?))`,
          )
          .all(JSON.stringify(ids))
  ) as { id: string }[];
  return rows.map((r) => r.id);
}

/** A table name from the schema, quoted for SQL (names are ours, but quoted all the same). */
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The columns of other tables that reference `parent`'s id, read from the schema itself: rows
 * pointing at an erased article or annotation must go with it (foreign keys are enforced), and
 * a table added by a later migration (article tags, say) is covered without a change here.
 */
function referencesTo(db: Database, parent: string): { table: string; column: string }[] {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'`,
    )
    .all() as { name: string }[];
  const found: { table: string; column: string }[] = [];
  const keys = db.prepare('SELECT "table", "from", "to" FROM pragma_foreign_key_list(?)');
  for (const { name } of tables) {
    if (name === parent) continue;
    for (const fk of keys.all(name) as { table: string; from: string; to: string | null }[]) {
      if (fk.table === parent && (fk.to === 'id' || fk.to === null)) {
        found.push({ table: name, column: fk.from });
      }
    }
  }
  return found;
}

/**
 * Erases the trashed articles among `ids` (every one, when null) for good: their annotations
 * (deleted or not), those annotations' tag links and links at both ends, reading positions and
 * any other row that references them; the FTS indexes follow through their delete triggers.
 * Live articles are never touched. Run it inside one write transaction. Answers the ids erased.
 */
export function eraseTrashed(db: Database, ids: readonly string[] | null): string[] {
  const erased = trashedIds(db, ids);
  if (erased.length === 0) return [];
  const articleIds = JSON.stringify(erased);
  const annotationIds = JSON.stringify(
    (
      db
        .prepare('SELECT id FROM annotations WHERE article_id IN (SELECT value FROM json_each(?))')
        .all(articleIds) as { id: string }[]
    ).map((r) => r.id),
  );
  const deleteReferencing = (parent: string, json: string, except: readonly string[]) => {
    for (const { table, column } of referencesTo(db, parent)) {
      if (except.includes(table)) continue;
      db.prepare(
        `DELETE FROM ${quoted(table)} WHERE ${quoted(column)} IN (SELECT value FROM json_each(?))`,
      ).run(json);
    }
  };
  // Children first: links and tag links of the annotations, then the annotations, then the
  // rest that points at the articles, then the articles.
  deleteReferencing('annotations', annotationIds, []);
  db.prepare('DELETE FROM annotations WHERE article_id IN (SELECT value FROM json_each(?))').run(
    articleIds,
  );
  deleteReferencing('articles', articleIds, ['annotations']);
  db.prepare(
    'DELETE FROM articles WHERE deleted_at IS NOT NULL AND id IN (SELECT value FROM json_each(?))',
  ).run(articleIds);
  return erased;
}
