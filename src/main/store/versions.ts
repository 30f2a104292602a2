/**
 * Queries over `article_versions`: every text an article has had. The current version's
 * document and text live in `articles`; its row here keeps them NULL until a newer one comes in.
 */
import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { DocumentJson } from '../../shared/contract/entities';
import type { VERSION_SOURCES } from '../../shared/contract/versions';
import {
  ReanchorReportSchema,
  type ReanchorReport,
  type VersionSummary,
} from '../../shared/contract/versions';

export type VersionSource = (typeof VERSION_SOURCES)[number];

interface VersionRow {
  id: string;
  article_id: string;
  number: number;
  source: VersionSource;
  source_name: string | null;
  title: string;
  content_hash: string;
  document_hash: string;
  text_length: number;
  report_json: string | null;
  added_at: string;
  /** Whether this is the article's latest version (computed by the queries). */
  current: number;
}

const COLUMNS = `v.id, v.article_id, v.number, v.source, v.source_name, v.title, v.content_hash,
  v.document_hash, v.text_length, v.report_json, v.added_at,
  v.number = (SELECT max(w.number) FROM article_versions w WHERE w.article_id = v.article_id)
    AS current`;

function parseReport(json: string | null): ReanchorReport | null {
  if (json === null) return null;
  try {
    const parsed = ReanchorReportSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function toSummary(row: VersionRow): VersionSummary {
  return {
    id: row.id,
    articleId: row.article_id,
    number: row.number,
    addedAt: row.added_at,
    source: row.source,
    sourceName: row.source_name,
    title: row.title,
    contentHash: row.content_hash,
    textLength: row.text_length,
    report: parseReport(row.report_json),
    current: row.current === 1,
  };
}

export interface NewVersion {
  readonly id: string;
  readonly articleId: string;
  readonly number: number;
  readonly source: VersionSource;
  readonly sourceName: string | null;
  readonly title: string;
  readonly contentHash: string;
  readonly documentHash: string;
  readonly textLength: number;
  readonly report: ReanchorReport | null;
  readonly addedAt: string;
}

/** Stores a version row; its document and text stay NULL while it is the current one. */
export function insertVersion(db: Database, version: NewVersion): void {
  db.prepare(
    `INSERT INTO article_versions (id, article_id, number, source, source_name, title,
       content_hash, document_hash, text_length, report_json, added_at)
     VALUES (@id, @articleId, @number, @source, @sourceName, @title, @contentHash,
       @documentHash, @textLength, @report, @addedAt)`,
  ).run({ ...version, report: version.report === null ? null : JSON.stringify(version.report) });
}

/** Version 1 of a newly imported article (its id is random: it never shifts other ids). */
export function insertFirstVersion(
  db: Database,
  article: {
    readonly id: string;
    readonly title: string;
    readonly sourceName: string | null;
    readonly contentHash: string;
    readonly documentHash: string;
    readonly textLength: number;
    readonly addedAt: string;
  },
): void {
  insertVersion(db, {
    id: crypto.randomUUID(),
    articleId: article.id,
    number: 1,
    source: 'import',
    sourceName: article.sourceName,
    title: article.title,
    contentHash: article.contentHash,
    documentHash: article.documentHash,
    textLength: article.textLength,
    report: null,
    addedAt: article.addedAt,
  });
}

/** Every version of an article, oldest first (none for an unknown article). */
export function listVersions(db: Database, articleId: string): VersionSummary[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM article_versions v WHERE v.article_id = ? ORDER BY v.number`)
    .all(articleId) as VersionRow[];
  return rows.map(toSummary);
}

/** One version of an article by its number, or null. */
export function findVersion(
  db: Database,
  articleId: string,
  number: number,
): VersionSummary | null {
  const row = db
    .prepare(`SELECT ${COLUMNS} FROM article_versions v WHERE v.article_id = ? AND v.number = ?`)
    .get(articleId, number) as VersionRow | undefined;
  return row ? toSummary(row) : null;
}

/** The article's current (latest) version, or null when it has none. */
export function currentVersion(db: Database, articleId: string): VersionSummary | null {
  const row = db
    .prepare(
      `SELECT ${COLUMNS} FROM article_versions v WHERE v.article_id = ?
       ORDER BY v.number DESC LIMIT 1`,
    )
    .get(articleId) as VersionRow | undefined;
  return row ? toSummary(row) : null;
}

/**
 * The document and text of an older version as stored in its row; null for the current one
 * (read those from `articles`).
 */
export function storedVersionContent(
  db: Database,
  versionId: string,
): { document: DocumentJson | null; text: string } | null {
  const row = db
    .prepare('SELECT document, text FROM article_versions WHERE id = ?')
    .get(versionId) as { document: string | null; text: string | null } | undefined;
  if (!row || row.text === null) return null;
  let document: DocumentJson | null = null;
  try {
    const parsed = row.document === null ? null : (JSON.parse(row.document) as unknown);
    if (typeof parsed === 'object' && parsed !== null && (parsed as DocumentJson).type === 'doc')
      document = parsed as DocumentJson;
  } catch {
    document = null;
  }
  return { document, text: row.text };
}

/** Keeps the article's current document and text in its version row, before a newer one. */
export function archiveCurrentContent(db: Database, articleId: string, versionId: string): void {
  db.prepare(
    `UPDATE article_versions SET (document, text) =
       (SELECT document, text FROM articles WHERE id = @articleId)
     WHERE id = @versionId`,
  ).run({ articleId, versionId });
}

/** The version number whose banner the reader closed, or null. */
export function noticeSeen(db: Database, articleId: string): number | null {
  const row = db
    .prepare('SELECT version_notice_seen AS seen FROM articles WHERE id = ?')
    .get(articleId) as { seen: number | null } | undefined;
  return row?.seen ?? null;
}

/** Records that the banner of version `number` was closed; answers whether the article is live. */
export function markNoticeSeen(db: Database, articleId: string, number: number): boolean {
  return (
    db
      .prepare('UPDATE articles SET version_notice_seen = ? WHERE id = ? AND deleted_at IS NULL')
      .run(number, articleId).changes === 1
  );
}
