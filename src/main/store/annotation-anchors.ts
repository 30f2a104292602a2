/**
 * Where annotations are, version by version: `annotation_anchors` keeps each annotation's
 * selectors and anchor in a version a newer one replaced; the `annotations` row holds them in the
 * current version. Also the writes that move an annotation to a new place in the current text.
 */
import type { Database } from 'better-sqlite3';
import type { Anchor, AnchorStatus } from '../../shared/contract/entities';
import type { AnnotationPlace, VersionAnchor } from '../../shared/contract/versions';

/** An annotation's place and what re-anchoring needs to know of it. */
export interface PlacedAnnotation {
  readonly id: string;
  readonly place: AnnotationPlace;
  readonly live: boolean;
  readonly isClaim: boolean;
}

type PlaceTuple = [
  id: string,
  quote_exact: string,
  quote_prefix: string,
  quote_suffix: string,
  position_start: number,
  position_end: number,
  quote_original: string | null,
  anchor_status: AnchorStatus,
  anchor_start: number | null,
  anchor_end: number | null,
  live: number,
  is_claim: number,
];

const toAnchor = (status: AnchorStatus, start: number | null, end: number | null): Anchor =>
  status === 'orphan' || start === null || end === null
    ? { status: 'orphan' }
    : { status, start, end };

/** Every annotation of an article, deleted ones too, with its place in the current text. */
export function placedAnnotations(db: Database, articleId: string): PlacedAnnotation[] {
  const rows = db
    .prepare(
      `SELECT id, quote_exact, quote_prefix, quote_suffix, position_start, position_end,
         quote_original, anchor_status, anchor_start, anchor_end, deleted_at IS NULL,
         claim_type IS NOT NULL
       FROM annotations WHERE article_id = ? ORDER BY position_start, id`,
    )
    .raw(true)
    .all(articleId) as PlaceTuple[];
  return rows.map((r) => ({
    id: r[0],
    place: {
      quote: { exact: r[1], prefix: r[2], suffix: r[3] },
      position: { start: r[4], end: r[5] },
      originalQuote: r[6],
      anchor: toAnchor(r[7], r[8], r[9]),
    },
    live: r[10] === 1,
    isClaim: r[11] === 1,
  }));
}

/** Keeps where every annotation of the article (deleted ones too) is now, as `versionId`'s. */
export function snapshotAnchors(db: Database, articleId: string, versionId: string): void {
  db.prepare(
    `INSERT OR REPLACE INTO annotation_anchors (annotation_id, version_id, quote_exact,
       quote_prefix, quote_suffix, position_start, position_end, anchor_status, anchor_start,
       anchor_end)
     SELECT id, @versionId, quote_exact, quote_prefix, quote_suffix, position_start,
       position_end, anchor_status, anchor_start, anchor_end
     FROM annotations WHERE article_id = @articleId`,
  ).run({ articleId, versionId });
}

/** Where the live annotations were in an older version (those made later have no row). */
export function anchorsOfVersion(db: Database, versionId: string): VersionAnchor[] {
  const rows = db
    .prepare(
      `SELECT x.annotation_id, x.quote_exact, x.quote_prefix, x.quote_suffix, x.position_start,
         x.position_end, x.anchor_status, x.anchor_start, x.anchor_end
       FROM annotation_anchors x JOIN annotations n ON n.id = x.annotation_id
       WHERE x.version_id = ? AND n.deleted_at IS NULL
       ORDER BY x.position_start, x.position_end, x.annotation_id`,
    )
    .raw(true)
    .all(versionId) as [
    string,
    string,
    string,
    string,
    number,
    number,
    AnchorStatus,
    number | null,
    number | null,
  ][];
  return rows.map((r) => ({
    annotationId: r[0],
    quote: { exact: r[1], prefix: r[2], suffix: r[3] },
    position: { start: r[4], end: r[5] },
    anchor: toAnchor(r[6], r[7], r[8]),
  }));
}

/** Where the live annotations of an article are in its current text. */
export function currentAnchors(db: Database, articleId: string): VersionAnchor[] {
  return placedAnnotations(db, articleId)
    .filter((a) => a.live)
    .map(({ id, place }) => ({
      annotationId: id,
      quote: place.quote,
      position: place.position,
      anchor: place.anchor,
    }));
}

/**
 * Writes annotations' places (statements prepared once: re-anchoring writes thousands). The
 * quote's words are written only when they change: setting them re-indexes the annotation for
 * search, which for 10,000 annotations cost seconds. Not an edit: `updated_at` stays.
 */
export function placeWriter(db: Database): (id: string, place: AnnotationPlace) => void {
  const place = db.prepare(
    `UPDATE annotations SET quote_prefix = @prefix, quote_suffix = @suffix,
       position_start = @start, position_end = @end, quote_original = @originalQuote,
       anchor_status = @status, anchor_start = @anchorStart, anchor_end = @anchorEnd
     WHERE id = @id`,
  );
  const words = db.prepare(
    'UPDATE annotations SET quote_exact = @exact WHERE id = @id AND quote_exact IS NOT @exact',
  );
  return (id, { quote, position, originalQuote, anchor }) => {
    place.run({
      id,
      prefix: quote.prefix,
      suffix: quote.suffix,
      ...position,
      originalQuote,
      status: anchor.status,
      anchorStart: anchor.status === 'orphan' ? null : anchor.start,
      anchorEnd: anchor.status === 'orphan' ? null : anchor.end,
    });
    words.run({ id, exact: quote.exact });
  };
}
