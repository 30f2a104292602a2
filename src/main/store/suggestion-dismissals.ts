/**
 * Queries over `suggestion_dismissals`: suggested claims the user dismissed, per article.
 * Bound parameters only; taking a dismissal back is a soft delete (`deleted_at`).
 */
import type { Database } from 'better-sqlite3';
import type { Selectors } from '../../shared/anchoring/selectors';
import type { SuggestionDismissal } from '../../shared/contract/claim-suggestions';

interface DismissalRow {
  id: string;
  article_id: string;
  quote_exact: string;
  quote_prefix: string;
  quote_suffix: string;
  position_start: number;
  position_end: number;
  speaker: string | null;
  created_at: string;
  deleted_at: string | null;
}

function toDismissal(row: DismissalRow): SuggestionDismissal {
  return {
    id: row.id,
    articleId: row.article_id,
    quote: { exact: row.quote_exact, prefix: row.quote_prefix, suffix: row.quote_suffix },
    position: { start: row.position_start, end: row.position_end },
    speaker: row.speaker,
    createdAt: row.created_at,
  };
}

/** The article's live dismissals, oldest first. */
export function listDismissals(db: Database, articleId: string): SuggestionDismissal[] {
  const rows = db
    .prepare(
      `SELECT * FROM suggestion_dismissals WHERE article_id = ? AND deleted_at IS NULL
       ORDER BY created_at, id`,
    )
    .all(articleId) as DismissalRow[];
  return rows.map(toDismissal);
}

/** The live dismissal of these very words at this very place, attributed to `speaker`, or null. */
export function findLiveDismissal(
  db: Database,
  articleId: string,
  selectors: Selectors,
  speaker: string | null,
): SuggestionDismissal | null {
  const row = db
    .prepare(
      `SELECT * FROM suggestion_dismissals
       WHERE article_id = ? AND deleted_at IS NULL AND position_start = ? AND position_end = ?
         AND quote_exact = ? AND quote_prefix = ? AND quote_suffix = ? AND speaker IS ?
       ORDER BY created_at, id LIMIT 1`,
    )
    .get(
      articleId,
      selectors.position.start,
      selectors.position.end,
      selectors.quote.exact,
      selectors.quote.prefix,
      selectors.quote.suffix,
      speaker,
    ) as DismissalRow | undefined;
  return row ? toDismissal(row) : null;
}

/** A dismissal by id, live or taken back, with whether it is live. */
export function findDismissal(
  db: Database,
  id: string,
): { dismissal: SuggestionDismissal; live: boolean } | null {
  const row = db.prepare('SELECT * FROM suggestion_dismissals WHERE id = ?').get(id) as
    DismissalRow | undefined;
  return row ? { dismissal: toDismissal(row), live: row.deleted_at === null } : null;
}

export function insertDismissal(db: Database, dismissal: SuggestionDismissal): void {
  db.prepare(
    `INSERT INTO suggestion_dismissals (id, article_id, quote_exact, quote_prefix, quote_suffix,
       position_start, position_end, speaker, created_at)
     VALUES (@id, @articleId, @exact, @prefix, @suffix, @start, @end, @speaker, @createdAt)`,
  ).run({
    id: dismissal.id,
    articleId: dismissal.articleId,
    ...dismissal.quote,
    ...dismissal.position,
    speaker: dismissal.speaker,
    createdAt: dismissal.createdAt,
  });
}

/** Takes a live dismissal back; answers whether one was. */
export function softDeleteDismissal(db: Database, id: string, at: string): boolean {
  return (
    db
      .prepare(
        'UPDATE suggestion_dismissals SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL',
      )
      .run(at, id).changes === 1
  );
}
