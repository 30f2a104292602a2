/** Queries over the `annotations` table. Bound parameters only; soft deletes. */
import type { Database } from 'better-sqlite3';
import type { Annotation, Claim, HighlightColor } from '../../shared/contract/entities';
import { linksByAnnotation } from './links';
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
  claim_speaker_id: string | null;
  speaker_name: string | null;
  claim_status: string | null;
  quote_original: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** An annotation as stored in its own row; tags and links live in their own tables. */
export interface AnnotationRecord extends Omit<Annotation, 'tags' | 'links' | 'claim'> {
  readonly claim: (Omit<Claim, 'speaker'> & { speakerId: string | null }) | null;
}

const SELECT = `SELECT n.*, s.name AS speaker_name FROM annotations n
  LEFT JOIN speakers s ON s.id = n.claim_speaker_id`;

function toRecord(row: AnnotationRow): AnnotationRecord {
  return {
    id: row.id,
    articleId: row.article_id,
    quote: { exact: row.quote_exact, prefix: row.quote_prefix, suffix: row.quote_suffix },
    position: { start: row.position_start, end: row.position_end },
    color: row.color as HighlightColor,
    note: row.note,
    originalQuote: row.quote_original,
    claim:
      row.claim_type !== null
        ? {
            type: row.claim_type,
            speakerId: row.claim_speaker_id,
            status: (row.claim_status ?? 'unverified') as Claim['status'],
          }
        : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toClaim(row: AnnotationRow): Claim | null {
  if (row.claim_type === null) return null;
  return {
    type: row.claim_type,
    speaker: row.speaker_name,
    status: (row.claim_status ?? 'unverified') as Claim['status'],
  };
}

function claimColumns(claim: AnnotationRecord['claim']) {
  return {
    claimType: claim?.type ?? null,
    claimSpeakerId: claim?.speakerId ?? null,
    claimStatus: claim?.status ?? null,
  };
}

export function insertAnnotation(db: Database, record: AnnotationRecord): void {
  db.prepare(
    `INSERT INTO annotations (id, article_id, quote_exact, quote_prefix, quote_suffix,
       position_start, position_end, color, note, claim_type, claim_speaker_id, claim_status,
       quote_original, created_at, updated_at)
     VALUES (@id, @articleId, @exact, @prefix, @suffix, @start, @end, @color, @note,
       @claimType, @claimSpeakerId, @claimStatus, @originalQuote, @createdAt, @updatedAt)`,
  ).run({
    id: record.id,
    articleId: record.articleId,
    ...record.quote,
    ...record.position,
    color: record.color,
    note: record.note,
    ...claimColumns(record.claim),
    originalQuote: record.originalQuote,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  });
}

export function updateAnnotationRecord(db: Database, record: AnnotationRecord): void {
  db.prepare(
    `UPDATE annotations SET color = @color, note = @note, claim_type = @claimType,
       claim_speaker_id = @claimSpeakerId, claim_status = @claimStatus, updated_at = @updatedAt
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
      `${SELECT} JOIN articles a ON a.id = n.article_id AND a.deleted_at IS NULL
       WHERE n.id = ? AND n.deleted_at IS NULL`,
    )
    .get(id) as AnnotationRow | undefined;
  return row ? toRecord(row) : null;
}

/** A soft-deleted annotation whose article is live (so it can be restored), or null. */
export function findDeletedAnnotation(
  db: Database,
  id: string,
): { record: AnnotationRecord; deletedAt: string } | null {
  const row = db
    .prepare(
      `${SELECT} JOIN articles a ON a.id = n.article_id AND a.deleted_at IS NULL
       WHERE n.id = ? AND n.deleted_at IS NOT NULL`,
    )
    .get(id) as AnnotationRow | undefined;
  return row ? { record: toRecord(row), deletedAt: row.deleted_at! } : null;
}

/**
 * The live annotations of an article, in document order, with their tags and links; or just the
 * one named by `onlyId`.
 */
export function listAnnotations(
  db: Database,
  articleId: string,
  onlyId: string | null = null,
): Annotation[] {
  const rows = db
    .prepare(
      `${SELECT} WHERE n.article_id = @articleId AND n.deleted_at IS NULL
         AND (@only IS NULL OR n.id = @only)
       ORDER BY n.position_start, n.position_end, n.created_at, n.id`,
    )
    .all({ articleId, only: onlyId }) as AnnotationRow[];
  const tags = tagsByAnnotation(db, articleId, onlyId);
  const links = linksByAnnotation(db, articleId, onlyId);
  return rows.map((row) => {
    const { claim: _claim, ...record } = toRecord(row);
    return {
      ...record,
      claim: toClaim(row),
      tags: tags.get(row.id) ?? [],
      links: links.get(row.id) ?? [],
    };
  });
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

export function restoreAnnotationRow(db: Database, id: string, at: string): void {
  db.prepare('UPDATE annotations SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(at, id);
}

/** Where an annotation id is in use, live or deleted, or null when it is free. */
export function annotationIdUse(
  db: Database,
  id: string,
): { articleId: string; live: boolean } | null {
  const row = db
    .prepare(
      `SELECT n.article_id, n.deleted_at IS NULL AND a.deleted_at IS NULL AS live
       FROM annotations n JOIN articles a ON a.id = n.article_id WHERE n.id = ?`,
    )
    .get(id) as { article_id: string; live: number } | undefined;
  return row ? { articleId: row.article_id, live: row.live === 1 } : null;
}

/** Live articles holding at least one live claim, oldest first. */
export function articleIdsWithClaims(db: Database): string[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT n.article_id AS id FROM annotations n
         JOIN articles a ON a.id = n.article_id AND a.deleted_at IS NULL
       WHERE n.deleted_at IS NULL AND n.claim_type IS NOT NULL
       ORDER BY n.article_id`,
    )
    .all() as { id: string }[];
  return rows.map((r) => r.id);
}
