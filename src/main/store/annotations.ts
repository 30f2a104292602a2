/** Queries over the `annotations` table. Bound parameters only; soft deletes. */
import type { Database } from 'better-sqlite3';
import type { Annotation, Claim, HighlightColor } from '../../shared/contract/entities';
import { tagsByAnnotation } from './tags';

interface AnnotationRow {
  id: string;
  article_id: string;
  quote_exact: string;
  quote_prefix: string;
  quote_suffix: string;
  position_start: number;
  position_end: number;
  color: string;
  note: string;
  claim_type: string | null;
  claim_speaker: string | null;
  claim_status: string | null;
  created_at: string;
  updated_at: string;
}

export type AnnotationRecord = Omit<Annotation, 'tags'>;

function toRecord(row: AnnotationRow): AnnotationRecord {
  const claim: Claim | null =
    row.claim_type !== null
      ? {
          type: row.claim_type,
          speaker: row.claim_speaker,
          status: (row.claim_status ?? 'unverified') as Claim['status'],
        }
      : null;
  return {
    id: row.id,
    articleId: row.article_id,
    quote: { exact: row.quote_exact, prefix: row.quote_prefix, suffix: row.quote_suffix },
    position: { start: row.position_start, end: row.position_end },
    color: row.color as HighlightColor,
    note: row.note,
    claim,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function claimColumns(claim: Claim | null) {
  return {
    claimType: claim?.type ?? null,
    claimSpeaker: claim?.speaker ?? null,
    claimStatus: claim?.status ?? null,
  };
}

export function insertAnnotation(db: Database, record: AnnotationRecord): void {
  db.prepare(
    `INSERT INTO annotations (id, article_id, quote_exact, quote_prefix, quote_suffix,
       position_start, position_end, color, note, claim_type, claim_speaker, claim_status,
       created_at, updated_at)
     VALUES (@id, @articleId, @exact, @prefix, @suffix, @start, @end, @color, @note,
       @claimType, @claimSpeaker, @claimStatus, @createdAt, @updatedAt)`,
  ).run({
    id: record.id,
    articleId: record.articleId,
    ...record.quote,
    ...record.position,
    color: record.color,
    note: record.note,
    ...claimColumns(record.claim),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  });
}

export function updateAnnotationRecord(db: Database, record: AnnotationRecord): void {
  db.prepare(
    `UPDATE annotations SET color = @color, note = @note, claim_type = @claimType,
       claim_speaker = @claimSpeaker, claim_status = @claimStatus, updated_at = @updatedAt
     WHERE id = @id AND deleted_at IS NULL`,
  ).run({
    id: record.id,
    color: record.color,
    note: record.note,
    ...claimColumns(record.claim),
    updatedAt: record.updatedAt,
  });
}

/** A live annotation whose article is live too, or null. */
export function findAnnotationRecord(db: Database, id: string): AnnotationRecord | null {
  const row = db
    .prepare(
      `SELECT n.* FROM annotations n JOIN articles a ON a.id = n.article_id AND a.deleted_at IS NULL
       WHERE n.id = ? AND n.deleted_at IS NULL`,
    )
    .get(id) as AnnotationRow | undefined;
  return row ? toRecord(row) : null;
}

/** The live annotations of an article, in document order, with their tags. */
export function listAnnotations(db: Database, articleId: string): Annotation[] {
  const rows = db
    .prepare(
      `SELECT * FROM annotations WHERE article_id = ? AND deleted_at IS NULL
       ORDER BY position_start, position_end, created_at, id`,
    )
    .all(articleId) as AnnotationRow[];
  const tags = tagsByAnnotation(db, articleId);
  return rows.map((row) => ({ ...toRecord(row), tags: tags.get(row.id) ?? [] }));
}

export function softDeleteAnnotation(db: Database, id: string, at: string): boolean {
  return (
    db
      .prepare(
        'UPDATE annotations SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL',
      )
      .run(at, at, id).changes === 1
  );
}

/** Soft-deletes the live links that touch an annotation; the annotation at the other end stays. */
export function softDeleteLinksOf(db: Database, annotationId: string, at: string): void {
  db.prepare(
    `UPDATE links SET deleted_at = ? WHERE deleted_at IS NULL
       AND (from_annotation_id = ? OR to_annotation_id = ?)`,
  ).run(at, annotationId, annotationId);
}
