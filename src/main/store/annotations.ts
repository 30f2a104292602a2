/** Queries over the `annotations` table. Bound parameters only; soft deletes. */
import type { Database } from 'better-sqlite3';
import type {
  Anchor,
  AnchorStatus,
  Annotation,
  Claim,
  HighlightColor,
} from '../../shared/contract/entities';
import { linksByAnnotation, type AnnotationScope } from './links';
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
  anchor_status: AnchorStatus;
  anchor_start: number | null;
  anchor_end: number | null;
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

function toAnchor(row: AnnotationRow): Anchor {
  return row.anchor_status === 'orphan' || row.anchor_start === null || row.anchor_end === null
    ? { status: 'orphan' }
    : { status: row.anchor_status, start: row.anchor_start, end: row.anchor_end };
}

function anchorColumns(anchor: Anchor) {
  return anchor.status === 'orphan'
    ? { anchorStatus: 'orphan', anchorStart: null, anchorEnd: null }
    : { anchorStatus: anchor.status, anchorStart: anchor.start, anchorEnd: anchor.end };
}

function toRecord(row: AnnotationRow): AnnotationRecord {
  return {
    id: row.id,
    articleId: row.article_id,
    quote: { exact: row.quote_exact, prefix: row.quote_prefix, suffix: row.quote_suffix },
    position: { start: row.position_start, end: row.position_end },
    color: row.color as HighlightColor,
    note: row.note,
    originalQuote: row.quote_original,
    anchor: toAnchor(row),
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
       quote_original, anchor_status, anchor_start, anchor_end, created_at, updated_at)
     VALUES (@id, @articleId, @exact, @prefix, @suffix, @start, @end, @color, @note,
       @claimType, @claimSpeakerId, @claimStatus, @originalQuote, @anchorStatus, @anchorStart,
       @anchorEnd, @createdAt, @updatedAt)`,
  ).run({
    id: record.id,
    articleId: record.articleId,
    ...record.quote,
    ...record.position,
    color: record.color,
    note: record.note,
    ...claimColumns(record.claim),
    originalQuote: record.originalQuote,
    ...anchorColumns(record.anchor),
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

/** The live annotations of an article, in document order, with their tags and links. */
export function listAnnotations(db: Database, articleId: string): Annotation[] {
  const rows = db
    .prepare(
      `${LIST_SELECT} WHERE n.article_id = ? AND n.deleted_at IS NULL
       ORDER BY n.position_start, n.position_end, n.created_at, n.id`,
    )
    .raw(true)
    .all(articleId) as ListTuple[];
  return withTagsAndLinks(db, rows, { articleId });
}

/** Ids of an article's live annotations (no tags or links read). */
export function annotationIdsOf(db: Database, articleId: string): string[] {
  const rows = db
    .prepare('SELECT id FROM annotations WHERE article_id = ? AND deleted_at IS NULL')
    .all(articleId) as { id: string }[];
  return rows.map((r) => r.id);
}

/**
 * The live annotations (of live articles) among `ids`, in document order, with their tags and
 * links: a lookup by key per id, whatever the size of their articles.
 */
export function findAnnotations(db: Database, ids: readonly string[]): Annotation[] {
  if (ids.length === 0) return [];
  const json = JSON.stringify([...new Set(ids)]);
  const rows = db
    .prepare(
      `${LIST_SELECT} JOIN articles a ON a.id = n.article_id AND a.deleted_at IS NULL
       WHERE n.id IN (SELECT value FROM json_each(?)) AND n.deleted_at IS NULL
       ORDER BY n.article_id, n.position_start, n.position_end, n.created_at, n.id`,
    )
    .raw(true)
    .all(json) as ListTuple[];
  return withTagsAndLinks(db, rows, { ids: rows.map((r) => r[0]) });
}

/**
 * Every live annotation of every live article, newest first (by creation, then id), with its
 * tags and links: three plain reads of the library, whatever its size.
 */
export function listAllAnnotations(db: Database): Annotation[] {
  const rows = db
    .prepare(
      `${LIST_SELECT} JOIN articles a ON a.id = n.article_id AND a.deleted_at IS NULL
       WHERE n.deleted_at IS NULL
       ORDER BY n.created_at DESC, n.id DESC`,
    )
    .raw(true)
    .all() as ListTuple[];
  return rows.length === 0 ? [] : withTagsAndLinks(db, rows, { library: true });
}

/**
 * The columns the lists read, as arrays (`raw`): at 10,000 annotations better-sqlite3's row
 * objects, and copies of them, cost more than the query, most of it in garbage collection.
 */
const LIST_SELECT = `SELECT n.id, n.article_id, n.quote_exact, n.quote_prefix, n.quote_suffix,
    n.position_start, n.position_end, n.color, n.note, n.quote_original, n.anchor_status,
    n.anchor_start, n.anchor_end, n.created_at, n.updated_at, n.claim_type, s.name,
    n.claim_status
  FROM annotations n LEFT JOIN speakers s ON s.id = n.claim_speaker_id`;

type ListTuple = [
  id: string,
  article_id: string,
  quote_exact: string,
  quote_prefix: string,
  quote_suffix: string,
  position_start: number,
  position_end: number,
  color: string,
  note: string,
  quote_original: string | null,
  anchor_status: AnchorStatus,
  anchor_start: number | null,
  anchor_end: number | null,
  created_at: string,
  updated_at: string,
  claim_type: string | null,
  speaker_name: string | null,
  claim_status: string | null,
];

function withTagsAndLinks(
  db: Database,
  rows: readonly ListTuple[],
  scope: AnnotationScope,
): Annotation[] {
  const tags = tagsByAnnotation(db, scope);
  const links = linksByAnnotation(db, scope);
  // The record's fields as `toRecord` makes them (claim with its speaker's name), in the order
  // clients have always received them.
  return rows.map((r) => ({
    id: r[0],
    articleId: r[1],
    quote: { exact: r[2], prefix: r[3], suffix: r[4] },
    position: { start: r[5], end: r[6] },
    color: r[7] as HighlightColor,
    note: r[8],
    originalQuote: r[9],
    anchor:
      r[10] === 'orphan' || r[11] === null || r[12] === null
        ? { status: 'orphan' }
        : { status: r[10], start: r[11], end: r[12] },
    createdAt: r[13],
    updatedAt: r[14],
    claim:
      r[15] === null
        ? null
        : { type: r[15], speaker: r[16], status: (r[17] ?? 'unverified') as Claim['status'] },
    tags: tags.get(r[0]) ?? [],
    links: links.get(r[0]) ?? [],
  }));
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
