/**
 * Search everything: article titles and text, annotation quotes, notes, tags, speakers and claim
 * types, answered grouped by article. Words go to the FTS5 indexes of migration 7 (accents and
 * case folded); a query in Chinese, Japanese or Korean goes to the trigram index, by substring.
 * Groups whose title holds every word come first, then by bm25.
 */
import type { Database } from 'better-sqlite3';
import type {
  SearchGroup,
  SearchHit,
  SearchHitKind,
  SearchResponse,
} from '../../shared/contract/search';
import { filterCondition, type SqlCondition } from './filters';
import { ftsExpression, parseQuery, plainExpression, type QueryTerm } from './query';
import {
  fieldSnippet,
  findRanges,
  MARK_CLOSE,
  MARK_OPEN,
  parseHighlighted,
  textSnippets,
  type Range,
} from './snippets';

/** Most annotation hits listed in one group; the rest are counted. */
const ANNOTATIONS_PER_GROUP = 10;
/** Most places in an article's text listed in one group. */
const TEXT_HITS_PER_GROUP = 3;
/** Most rows read from each index before grouping. */
const CANDIDATES = 500;

interface AnnotationField {
  readonly kind: SearchHitKind;
  readonly text: string;
  readonly ranges: Range[];
}

/** An annotation that matched, and its fields in hit order, each with its matches. */
interface AnnotationMatch {
  readonly id: string;
  readonly seq: number;
  readonly articleId: string;
  readonly offset: number | null;
  readonly score: number;
  /** Null until asked for (FTS5 highlights, for the annotations listed only). */
  readonly fields: readonly AnnotationField[] | null;
}

interface ArticleRow {
  readonly seq: number;
  readonly id: string;
  readonly title: string;
  readonly site: string | null;
}

interface Group {
  readonly article: ArticleRow;
  titleMatch: boolean;
  score: number;
  textMatch: boolean;
  readonly annotations: AnnotationMatch[];
}

const FIELD_KINDS: readonly SearchHitKind[] = ['quote', 'note', 'tag', 'speaker', 'type'];
const ANNOTATION_COLUMNS = `n.seq AS n_seq, n.id, n.article_id, n.anchor_status, n.anchor_start,
  a.seq AS a_seq, a.title AS a_title, a.site AS a_site`;

interface AnnotationRow {
  n_seq: number;
  id: string;
  article_id: string;
  anchor_status: string;
  anchor_start: number | null;
  a_seq: number;
  a_title: string;
  a_site: string | null;
  score: number;
}

/** The fields of `annotations_fts`, in order, as read or highlighted. */
interface AnnotationTexts {
  f0: string;
  f1: string;
  f2: string;
  f3: string;
  f4: string;
}

const char = (c: string) => `char(${c.charCodeAt(0)})`;
const highlights = [0, 1, 2, 3, 4]
  .map((i) => `highlight(annotations_fts, ${i}, ${char(MARK_OPEN)}, ${char(MARK_CLOSE)}) AS f${i}`)
  .join(', ');

/** The search's state: groups by article id, built from each index in turn. */
class Results {
  readonly groups = new Map<string, Group>();

  private group(article: ArticleRow): Group {
    let group = this.groups.get(article.id);
    if (!group) {
      group = { article, titleMatch: false, score: 0, textMatch: false, annotations: [] };
      this.groups.set(article.id, group);
    }
    return group;
  }

  addArticle(article: ArticleRow, score: number, titleMatch: boolean, textMatch: boolean) {
    const group = this.group(article);
    group.score = Math.min(group.score, score);
    group.titleMatch ||= titleMatch;
    group.textMatch ||= textMatch;
  }

  addAnnotation(row: AnnotationRow, fields: AnnotationMatch['fields']) {
    const group = this.group({
      seq: row.a_seq,
      id: row.article_id,
      title: row.a_title,
      site: row.a_site,
    });
    group.score = Math.min(group.score, row.score);
    group.annotations.push({
      id: row.id,
      seq: row.n_seq,
      articleId: row.article_id,
      offset: row.anchor_status === 'orphan' ? null : row.anchor_start,
      score: row.score,
      fields,
    });
  }
}

function annotationHit(match: AnnotationMatch, fields: readonly AnnotationField[]): SearchHit {
  const field = fields.find((f) => f.ranges.length > 0) ?? fields[0];
  return {
    kind: field?.kind ?? 'quote',
    annotationId: match.id,
    offset: match.offset,
    snippet: fieldSnippet(field?.text ?? '', field?.ranges ?? []),
  };
}

/** Words: the FTS5 indexes. */
function searchWords(
  db: Database,
  results: Results,
  expression: string,
  filters: SqlCondition | null,
): void {
  if (!filters) {
    const articles = db
      .prepare(
        `SELECT a.seq, a.id, a.title, a.site, bm25(articles_fts, 10.0, 1.0) AS score
         FROM articles_fts f CROSS JOIN articles a ON a.seq = f.rowid
         WHERE articles_fts MATCH ? AND a.deleted_at IS NULL ORDER BY score LIMIT ${CANDIDATES}`,
      )
      .all(expression) as (ArticleRow & { score: number })[];
    const inTitle = new Set(
      (
        db
          .prepare(
            `SELECT a.id FROM articles_fts f CROSS JOIN articles a ON a.seq = f.rowid
             WHERE articles_fts MATCH ? AND a.deleted_at IS NULL`,
          )
          .all(`{title} : (${expression})`) as { id: string }[]
      ).map((r) => r.id),
    );
    for (const a of articles) results.addArticle(a, a.score, inTitle.has(a.id), true);
  }
  // Scores first, from the index alone; highlights later, for the annotations listed only. CROSS
  // JOIN keeps the index's few hundred rows the outer loop: left to itself the planner may walk
  // every live article's annotations and look each up in them (40 ms with a tag filter).
  const rows = db
    .prepare(
      `SELECT ${ANNOTATION_COLUMNS}, f.score
       FROM (SELECT rowid, bm25(annotations_fts) AS score FROM annotations_fts
             WHERE annotations_fts MATCH ? ORDER BY score LIMIT ${CANDIDATES}) f
       CROSS JOIN annotations n ON n.seq = f.rowid AND n.deleted_at IS NULL
       CROSS JOIN articles a ON a.id = n.article_id AND a.deleted_at IS NULL
       WHERE ${filters?.sql ?? '1'}
       ORDER BY f.score`,
    )
    .all(expression, ...(filters?.params ?? [])) as AnnotationRow[];
  for (const row of rows) results.addAnnotation(row, null);
}

/** The fields of the annotations `seqs` with FTS5's highlights: which matched, and where. */
function highlightedFields(
  db: Database,
  seqs: readonly number[],
  expression: string,
): Map<number, AnnotationField[]> {
  const rows = db
    .prepare(
      `SELECT rowid, ${highlights} FROM annotations_fts
       WHERE annotations_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
    )
    .all(expression, JSON.stringify(seqs)) as (AnnotationTexts & { rowid: number })[];
  return new Map(
    rows.map((row) => [
      row.rowid,
      [row.f0, row.f1, row.f2, row.f3, row.f4].map((marked, i) => ({
        kind: FIELD_KINDS[i]!,
        ...parseHighlighted(marked),
      })),
    ]),
  );
}

const ANNOTATION_FIELDS = `n.quote_exact AS f0, n.note AS f1,
  coalesce((SELECT group_concat(t.name, ', ') FROM annotation_tags at
    JOIN tags t ON t.id = at.tag_id AND t.deleted_at IS NULL WHERE at.annotation_id = n.id), '') AS f2,
  coalesce((SELECT s.name FROM speakers s WHERE s.id = n.claim_speaker_id), '') AS f3,
  coalesce(n.claim_type, '') AS f4`;

/** Fields with the needles found in them by substring. */
function fieldsBySubstring(row: AnnotationTexts, needles: readonly string[]): AnnotationField[] {
  return [row.f0, row.f1, row.f2, row.f3, row.f4].map((text, i) => ({
    kind: FIELD_KINDS[i]!,
    text,
    ranges: findRanges(text, needles),
  }));
}

/**
 * Filters alone: every annotation they select, newest first. Annotations drive the join (a
 * speaker filter then uses its index) rather than every live article's annotations in turn.
 */
function searchFiltersOnly(
  db: Database,
  results: Results,
  filters: SqlCondition,
  filterKind: SearchHitKind,
) {
  const rows = db
    .prepare(
      `SELECT ${ANNOTATION_COLUMNS}, 0 AS score, ${ANNOTATION_FIELDS}
       FROM annotations n CROSS JOIN articles a ON a.id = n.article_id AND a.deleted_at IS NULL
       WHERE n.deleted_at IS NULL AND ${filters.sql}
       ORDER BY n.created_at DESC LIMIT ${CANDIDATES}`,
    )
    .all(...filters.params) as (AnnotationRow & AnnotationTexts)[];
  for (const row of rows) {
    const fields = fieldsBySubstring(row, []);
    // Show the field the filter chose, whole, as the match.
    const chosen = fields.find((f) => f.kind === filterKind);
    if (chosen && chosen.text !== '') chosen.ranges.push([0, chosen.text.length]);
    results.addAnnotation(row, chosen ? [chosen, ...fields.filter((f) => f !== chosen)] : fields);
  }
}

/** `%needle%` for LIKE, with LIKE's own characters escaped. */
const likePattern = (needle: string) => `%${needle.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;

/**
 * Chinese, Japanese, Korean: the trigram index, by substring. A term of three characters or
 * more is looked up in it; a shorter one is matched with LIKE over the rows the index holds
 * (only those with such characters in them: a small set).
 */
function searchSubstrings(
  db: Database,
  results: Results,
  terms: readonly QueryTerm[],
  filters: SqlCondition | null,
): void {
  const needles = terms.map((t) => t.text);
  const long = needles.filter((n) => [...n].length >= 3);
  const short = needles.filter((n) => [...n].length < 3);
  const where: string[] = [];
  const params: unknown[] = [];
  if (long.length > 0) {
    where.push('search_cjk MATCH ?');
    params.push(long.map((n) => `"${n.replace(/"/gu, '""')}"`).join(' '));
  }
  for (const n of short) {
    where.push(`(title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\' OR extra LIKE ? ESCAPE '\\')`);
    const pattern = likePattern(n);
    params.push(pattern, pattern, pattern);
  }
  const score = long.length > 0 ? 'bm25(search_cjk, 10.0, 1.0, 1.0)' : '0';
  const found = db
    .prepare(
      `SELECT rowid, ${score} AS score FROM search_cjk WHERE ${where.join(' AND ')}
       ORDER BY score LIMIT ${CANDIDATES * 2}`,
    )
    .all(...params) as { rowid: number; score: number }[];
  const articleSeqs = found.filter((r) => r.rowid % 2 === 0);
  const annotationSeqs = found.filter((r) => r.rowid % 2 === 1);

  if (!filters && articleSeqs.length > 0) {
    const scores = new Map(articleSeqs.map((r) => [r.rowid / 2, r.score]));
    const articles = db
      .prepare(
        `SELECT seq, id, title, site FROM articles
         WHERE seq IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
      )
      .all(JSON.stringify([...scores.keys()])) as ArticleRow[];
    for (const a of articles) {
      const titleMatch = needles.every((n) => findRanges(a.title, [n]).length > 0);
      results.addArticle(a, scores.get(a.seq)!, titleMatch, true);
    }
  }
  if (annotationSeqs.length > 0) {
    const scores = new Map(annotationSeqs.map((r) => [(r.rowid - 1) / 2, r.score]));
    const rows = db
      .prepare(
        `SELECT ${ANNOTATION_COLUMNS}, 0 AS score, ${ANNOTATION_FIELDS}
         FROM annotations n JOIN articles a ON a.id = n.article_id AND a.deleted_at IS NULL
         WHERE n.seq IN (SELECT value FROM json_each(?)) AND n.deleted_at IS NULL
           AND ${filters?.sql ?? '1'}`,
      )
      .all(JSON.stringify([...scores.keys()]), ...(filters?.params ?? [])) as (AnnotationRow &
      AnnotationTexts)[];
    rows.sort((a, b) => scores.get(a.n_seq)! - scores.get(b.n_seq)!);
    for (const row of rows) {
      results.addAnnotation(
        { ...row, score: scores.get(row.n_seq)! },
        fieldsBySubstring(row, needles),
      );
    }
  }
}

/**
 * Where the query's words are in an article's text, for each article asked about. The
 * statements are prepared once per search, not once per article.
 */
function textRangesOf(
  db: Database,
  expression: string | null,
  needles: readonly string[],
): (seq: number) => { text: string; ranges: Range[] } {
  const highlighted =
    expression === null
      ? null
      : db.prepare(
          `SELECT highlight(articles_fts, 1, ${char(MARK_OPEN)}, ${char(MARK_CLOSE)}) AS marked
           FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?`,
        );
  let plain: ReturnType<Database['prepare']> | null = null;
  return (seq) => {
    const row = highlighted?.get(expression, seq) as { marked: string } | undefined;
    if (row) return parseHighlighted(row.marked);
    plain ??= db.prepare('SELECT text FROM articles WHERE seq = ?');
    const { text } = plain.get(seq) as { text: string };
    return { text, ranges: findRanges(text, needles) };
  };
}

export interface SearchRequest {
  readonly query: string;
  readonly limit: number;
}

export function search(db: Database, request: SearchRequest): SearchResponse {
  const parsed = parseQuery(request.query);
  const filters = parsed.filters.length > 0 ? filterCondition(db, parsed.filters) : null;
  if (parsed.filters.length > 0 && filters === null) return { groups: [], total: 0 };

  const results = new Results();
  let expression: string | null = null;
  if (parsed.terms.length === 0) {
    if (!filters) return { groups: [], total: 0 };
    const kind = parsed.filters[0]!.field;
    searchFiltersOnly(db, results, filters, kind);
  } else if (parsed.cjk) {
    searchSubstrings(db, results, parsed.terms, filters);
  } else {
    expression = ftsExpression(parsed.terms);
    try {
      if (expression !== null) searchWords(db, results, expression, filters);
    } catch {
      // FTS5 refused the expression after all: search the words it holds, as plain words.
      expression = plainExpression(parsed.terms);
      results.groups.clear();
      if (expression !== null) searchWords(db, results, expression, filters);
    }
  }

  const ordered = [...results.groups.values()].sort(
    (a, b) => Number(b.titleMatch) - Number(a.titleMatch) || a.score - b.score,
  );
  const needles = parsed.terms.map((t) => t.text);
  const shown = ordered.slice(0, request.limit);
  const toHighlight = shown.flatMap((g) =>
    g.annotations.slice(0, ANNOTATIONS_PER_GROUP).flatMap((m) => (m.fields ? [] : [m.seq])),
  );
  const highlighted =
    expression !== null && toHighlight.length > 0
      ? highlightedFields(db, toHighlight, expression)
      : new Map<number, AnnotationField[]>();
  const textRanges = textRangesOf(db, expression, needles);
  const groups: SearchGroup[] = shown.map((group) => {
    const listed = group.annotations.slice(0, ANNOTATIONS_PER_GROUP);
    const hits: SearchHit[] = listed.map((match) =>
      annotationHit(match, match.fields ?? highlighted.get(match.seq) ?? []),
    );
    if (group.textMatch) {
      const { text, ranges } = textRanges(group.article.seq);
      for (const { offset, length, snippet } of textSnippets(text, ranges, TEXT_HITS_PER_GROUP)) {
        hits.push({ kind: 'text', annotationId: null, offset, length, snippet });
      }
    }
    const { id, title, site } = group.article;
    return {
      article: { id, title, site },
      titleMatch: group.titleMatch,
      hits,
      moreAnnotations: group.annotations.length - listed.length,
    };
  });
  return { groups, total: ordered.length };
}
