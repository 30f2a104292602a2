/** Queries over the `articles` table. Bound parameters only; soft deletes. */
import type { Database } from 'better-sqlite3';
import type { Article, ArticleSummary, DocumentJson } from '../../shared/contract/entities';
import type { ArticleDetails } from '../../shared/contract/article-details';
import { articleTagNames } from './article-tags';
import { sha256Hex } from './content-hash';
import { factsOfAllArticles, factsOfArticle, noFacts, type ArticleFacts } from './article-facts';
import { readReadingPosition } from './settings';
import { insertFirstVersion } from './versions';

export type ArticleOrigin = ArticleSummary['origin'];

export interface NewArticle {
  readonly id: string;
  readonly title: string;
  readonly byline: string | null;
  readonly site: string | null;
  readonly sourceUrl: string | null;
  readonly publishedAt: string | null;
  readonly canonicalUrl: string | null;
  readonly language: string | null;
  readonly direction: 'ltr' | 'rtl' | null;
  readonly origin: ArticleOrigin;
  readonly sourceFormat: string;
  readonly document: DocumentJson;
  readonly text: string;
  readonly contentHash: string;
  readonly addedAt: string;
  /** The base name of the file it came from (origin 'file'). */
  readonly sourceFileName?: string | null;
}

interface SummaryRow {
  id: string;
  title: string;
  byline: string | null;
  site: string | null;
  source_url: string | null;
  published_at: string | null;
  added_at: string;
  canonical_url: string | null;
  language: string | null;
  direction: 'ltr' | 'rtl' | null;
  origin: ArticleOrigin;
  source_file_name: string | null;
  last_opened_at: string | null;
}

interface ArticleRow extends SummaryRow {
  document: string;
  text: string;
  content_hash: string;
  document_hash: string;
}

/** What a damaged article shows when its stored document cannot even be read: its text. */
function documentFromText(text: string): DocumentJson {
  return {
    type: 'doc',
    content: text
      .split('\n')
      .map((line) =>
        line === ''
          ? { type: 'paragraph' }
          : { type: 'paragraph', content: [{ type: 'text', text: line }] },
      ),
  };
}

function parseDocument(json: string): DocumentJson | null {
  try {
    const parsed = JSON.parse(json) as unknown;
    return typeof parsed === 'object' && parsed !== null && (parsed as DocumentJson).type === 'doc'
      ? (parsed as DocumentJson)
      : null;
  } catch {
    return null;
  }
}

const SUMMARY_COLUMNS = `
  a.id, a.title, a.byline, a.site, a.source_url, a.published_at, a.added_at,
  a.canonical_url, a.language, a.direction, a.origin, a.source_file_name, a.last_opened_at`;

function toSummary(row: SummaryRow, facts: ArticleFacts): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    byline: row.byline,
    site: row.site,
    sourceUrl: row.source_url,
    publishedAt: row.published_at,
    addedAt: row.added_at,
    annotationCount: facts.annotationCount,
    canonicalUrl: row.canonical_url,
    language: row.language,
    direction: row.direction,
    origin: row.origin,
    sourceFileName: row.source_file_name,
    lastOpenedAt: row.last_opened_at,
    claimCount: facts.claimCount,
    orphanCount: facts.orphanCount,
    tags: facts.tags,
    facets: facts.facets,
  };
}

/** Stores a new article with the hashes of its text and of its document as stored. */
export function insertArticle(db: Database, article: NewArticle): void {
  const document = JSON.stringify(article.document);
  const documentHash = sha256Hex(document);
  db.prepare(
    `INSERT INTO articles (id, title, byline, site, source_url, canonical_url, published_at,
       language, direction, origin, source_format, document, text, content_hash, document_hash,
       source_file_name, added_at, updated_at)
     VALUES (@id, @title, @byline, @site, @sourceUrl, @canonicalUrl, @publishedAt,
       @language, @direction, @origin, @sourceFormat, @document, @text, @contentHash,
       @documentHash, @sourceFileName, @addedAt, @addedAt)`,
  ).run({
    ...article,
    sourceFileName: article.sourceFileName ?? null,
    document,
    documentHash,
  });
  // Every article starts as its version 1 (its text stays here, in `articles`).
  insertFirstVersion(db, {
    id: article.id,
    title: article.title,
    sourceName: article.sourceFileName ?? article.sourceUrl,
    contentHash: article.contentHash,
    documentHash,
    textLength: article.text.length,
    addedAt: article.addedAt,
  });
}

/** A summary row as an array, in the order of `SUMMARY_COLUMNS`. */
type SummaryTuple = [
  id: string,
  title: string,
  byline: string | null,
  site: string | null,
  source_url: string | null,
  published_at: string | null,
  added_at: string,
  canonical_url: string | null,
  language: string | null,
  direction: 'ltr' | 'rtl' | null,
  origin: ArticleOrigin,
  source_file_name: string | null,
  last_opened_at: string | null,
];

/**
 * Every live article, newest first. The rows are read as arrays (`raw`): better-sqlite3 builds a
 * row object property by property, which for 5,000 articles cost twice the query itself, and the
 * summaries are new objects anyway.
 */
export function listArticles(db: Database): ArticleSummary[] {
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.deleted_at IS NULL
       ORDER BY a.added_at DESC, a.id DESC`,
    )
    .raw(true)
    .all() as SummaryTuple[];
  const facts = factsOfAllArticles(db);
  // As `toSummary` makes them, without a row object in between.
  return rows.map((r) => {
    const f = facts.get(r[0]) ?? noFacts();
    return {
      id: r[0],
      title: r[1],
      byline: r[2],
      site: r[3],
      sourceUrl: r[4],
      publishedAt: r[5],
      addedAt: r[6],
      annotationCount: f.annotationCount,
      canonicalUrl: r[7],
      language: r[8],
      direction: r[9],
      origin: r[10],
      sourceFileName: r[11],
      lastOpenedAt: r[12],
      claimCount: f.claimCount,
      orphanCount: f.orphanCount,
      tags: f.tags,
      facets: f.facets,
    };
  });
}

/** The summary of one live article, or null. */
export function findArticleSummary(db: Database, id: string): ArticleSummary | null {
  const row = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.id = ? AND a.deleted_at IS NULL`)
    .get(id) as SummaryRow | undefined;
  return row ? toSummary(row, factsOfArticle(db, id)) : null;
}

/**
 * A live article, or null. `damaged` when its text or its document no longer hashes to what was
 * stored with it: changed bytes are never served as fine. A document that cannot be read at all
 * is shown as its text.
 */
export function findArticle(db: Database, id: string): Article | null {
  const row = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, a.document, a.text, a.content_hash, a.document_hash
       FROM articles a WHERE a.id = ? AND a.deleted_at IS NULL`,
    )
    .get(id) as ArticleRow | undefined;
  if (!row) return null;
  const document = parseDocument(row.document);
  const damaged =
    document === null ||
    sha256Hex(row.text) !== row.content_hash ||
    sha256Hex(row.document) !== row.document_hash;
  return {
    ...toSummary(row, factsOfArticle(db, id)),
    document: document ?? documentFromText(row.text),
    contentHash: row.content_hash,
    damaged,
    readingPosition: readReadingPosition(db, id),
  };
}

/** The canonical text of a live article, or null; cheaper than `findArticle`. */
export function findArticleText(db: Database, id: string): string | null {
  const row = db
    .prepare('SELECT text FROM articles WHERE id = ? AND deleted_at IS NULL')
    .get(id) as { text: string } | undefined;
  return row?.text ?? null;
}

/** Soft-deletes a live article; answers whether one was deleted. */
export function softDeleteArticle(db: Database, id: string, at: string): boolean {
  return (
    db
      .prepare(
        'UPDATE articles SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL',
      )
      .run(at, at, id).changes === 1
  );
}

/** Restores a soft-deleted article; answers whether one was restored. */
export function restoreArticleRow(db: Database, id: string, at: string): boolean {
  return (
    db
      .prepare(
        'UPDATE articles SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL',
      )
      .run(at, id).changes === 1
  );
}

/** Whether a row with this id exists at all, deleted or not. */
export function articleExists(db: Database, id: string): boolean {
  return db.prepare('SELECT 1 FROM articles WHERE id = ?').get(id) !== undefined;
}

/** The ids of live articles whose canonical text has this SHA-256, oldest first. */
export function findArticleIdsByContentHash(db: Database, contentHash: string): string[] {
  const rows = db
    .prepare(
      'SELECT id FROM articles WHERE content_hash = ? AND deleted_at IS NULL ORDER BY added_at, id',
    )
    .all(contentHash) as { id: string }[];
  return rows.map((r) => r.id);
}

/**
 * The oldest live article that is already this page: the same canonical text, or the same
 * address (its source or its canonical address matching either of the new page's).
 */
export function findDuplicateArticle(
  db: Database,
  page: { contentHash: string; addresses: readonly string[] },
): { id: string; reason: 'content' | 'address' } | null {
  const byContent = db
    .prepare(
      'SELECT id FROM articles WHERE content_hash = ? AND deleted_at IS NULL ORDER BY added_at, id LIMIT 1',
    )
    .get(page.contentHash) as { id: string } | undefined;
  if (byContent) return { id: byContent.id, reason: 'content' };
  const byAddress = db.prepare(
    `SELECT id FROM articles WHERE deleted_at IS NULL AND (source_url = @url OR canonical_url = @url)
     ORDER BY added_at, id LIMIT 1`,
  );
  for (const url of new Set(page.addresses)) {
    const found = byAddress.get({ url }) as { id: string } | undefined;
    if (found) return { id: found.id, reason: 'address' };
  }
  return null;
}

/** The details Article details edits, of a live article, or null. */
export function findArticleDetails(db: Database, id: string): ArticleDetails | null {
  const row = db
    .prepare(
      `SELECT title, byline, site, published_at, source_url FROM articles
       WHERE id = ? AND deleted_at IS NULL`,
    )
    .get(id) as
    Pick<SummaryRow, 'title' | 'byline' | 'site' | 'published_at' | 'source_url'> | undefined;
  if (!row) return null;
  return {
    title: row.title,
    byline: row.byline,
    site: row.site,
    publishedAt: row.published_at,
    sourceUrl: row.source_url,
    tags: articleTagNames(db, id),
  };
}

/** Writes an article's own columns among the details (its tags are in `article-tags.ts`). */
export function updateArticleColumns(
  db: Database,
  id: string,
  current: Omit<ArticleDetails, 'tags'>,
  next: Omit<ArticleDetails, 'tags'>,
  at: string,
): boolean {
  // Only the columns that change: setting the title (even to itself) re-indexes the article's
  // whole text for search, ~50 ms on a long article, for a byline or a tag edited.
  const changed = DETAIL_FIELDS.filter((field) => next[field] !== current[field]);
  const sets = [
    ...changed.map((field) => `${DETAIL_COLUMNS[field]} = @${field}`),
    'updated_at = @at',
  ];
  return (
    db
      .prepare(`UPDATE articles SET ${sets.join(', ')} WHERE id = @id AND deleted_at IS NULL`)
      .run({ ...next, id, at }).changes === 1
  );
}

const DETAIL_COLUMNS = {
  title: 'title',
  byline: 'byline',
  site: 'site',
  publishedAt: 'published_at',
  sourceUrl: 'source_url',
} as const;
const DETAIL_FIELDS = Object.keys(DETAIL_COLUMNS) as (keyof typeof DETAIL_COLUMNS)[];

/**
 * Records that a live article was opened for reading; answers whether it is live. Not an edit:
 * `updated_at` stays.
 */
export function markArticleOpened(db: Database, id: string, at: string): boolean {
  return (
    db
      .prepare('UPDATE articles SET last_opened_at = ? WHERE id = ? AND deleted_at IS NULL')
      .run(at, id).changes === 1
  );
}

/** The ids of live articles imported from this source URL, oldest first. */
export function findArticleIdsBySourceUrl(db: Database, sourceUrl: string): string[] {
  const rows = db
    .prepare(
      'SELECT id FROM articles WHERE source_url = ? AND deleted_at IS NULL ORDER BY added_at, id',
    )
    .all(sourceUrl) as { id: string }[];
  return rows.map((r) => r.id);
}
