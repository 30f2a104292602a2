/**
 * What the library list shows of each article beyond its own row: counts of its live
 * annotations (all, claims, orphans), its own tags, and the facets its filters choose from (the
 * tags, speakers and claim types on its live annotations).
 *
 * The whole library is read in a few grouped queries, one per kind of fact, not one correlated
 * subquery per article and fact. With the list's own columns read from a covering index
 * (migration 8) and every row read as an array, `listArticles` over 5,000 articles and 10,000
 * annotations took about 60–70 ms of CPU on a busy 2-core machine, down from 75–115 with row
 * objects (printed by tests/main/store/article-facts.test.ts). One article reads the same
 * queries narrowed to it.
 *
 * An index leading with `deleted_at` would let the counts skip the annotation rows (SQLite does
 * not read the partial `annotations_live_facts` alone), but the planner then prefers it to the
 * id and seq lookups of `findAnnotations` and search: tried, and left out.
 */
import type { Database } from 'better-sqlite3';
import type { ArticleSummary } from '../../shared/contract/entities';
import { nameKey } from './name-key';

export type ArticleFacts = Pick<
  ArticleSummary,
  'annotationCount' | 'claimCount' | 'orphanCount' | 'tags' | 'facets'
>;

/** An article with no annotations and no tags (new lists each time: callers may fill them). */
export const noFacts = (): ArticleFacts => ({
  annotationCount: 0,
  claimCount: 0,
  orphanCount: 0,
  tags: [],
  facets: { annotationTags: [], speakers: [], claimTypes: [] },
});

/**
 * The queries, each for every article (`scope` empty) or for one (`scope` binds `@id`). Counts
 * and claim types read the partial index `annotations_live_facts` (migration 8), not the rows.
 */
function queries(scope: string) {
  const byArticle = scope && `AND n.article_id = @id`;
  return {
    counts: `SELECT n.article_id AS article_id, count(*) AS annotations,
        count(n.claim_type) AS claims, sum(n.anchor_status = 'orphan') AS orphans
      FROM annotations n WHERE n.deleted_at IS NULL ${byArticle} GROUP BY n.article_id`,
    articleTags: `SELECT x.article_id AS article_id, t.name AS name FROM article_tags x
      JOIN tags t ON t.id = x.tag_id AND t.deleted_at IS NULL
      ${scope && 'WHERE x.article_id = @id'} ORDER BY t.name_key`,
    annotationTags: `SELECT DISTINCT n.article_id AS article_id, t.name AS name, t.name_key
      FROM annotations n JOIN annotation_tags x ON x.annotation_id = n.id
      JOIN tags t ON t.id = x.tag_id AND t.deleted_at IS NULL
      WHERE n.deleted_at IS NULL ${byArticle} ORDER BY t.name_key`,
    speakers: `SELECT DISTINCT n.article_id AS article_id, s.name AS name, s.name_key
      FROM annotations n JOIN speakers s ON s.id = n.claim_speaker_id AND s.deleted_at IS NULL
      WHERE n.deleted_at IS NULL AND n.claim_type IS NOT NULL ${byArticle} ORDER BY s.name_key`,
    claimTypes: `SELECT DISTINCT n.article_id AS article_id, n.claim_type AS name
      FROM annotations n WHERE n.deleted_at IS NULL AND n.claim_type IS NOT NULL ${byArticle}`,
  };
}

/** Rows are read as arrays (`raw`): cheaper than better-sqlite3's row objects. */
type CountTuple = [article_id: string, annotations: number, claims: number, orphans: number | null];
type NameTuple = [article_id: string, name: string];

const byNameKey = (a: string, b: string) => {
  const [ka, kb] = [nameKey(a), nameKey(b)];
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

function collect(db: Database, scope: string, params: object): Map<string, ArticleFacts> {
  const sql = queries(scope);
  const facts = new Map<string, ArticleFacts>();
  const of = (id: string): ArticleFacts => {
    let found = facts.get(id);
    if (!found) {
      found = noFacts();
      facts.set(id, found);
    }
    return found;
  };
  const all = <T>(query: string) => db.prepare(query).raw(true).all(params) as T[];
  // The counts come first, one row per article: each starts that article's facts.
  for (const [id, annotations, claims, orphans] of all<CountTuple>(sql.counts)) {
    facts.set(id, {
      annotationCount: annotations,
      claimCount: claims,
      orphanCount: orphans ?? 0,
      tags: [],
      facets: { annotationTags: [], speakers: [], claimTypes: [] },
    });
  }
  for (const [id, name] of all<NameTuple>(sql.articleTags)) of(id).tags.push(name);
  for (const [id, name] of all<NameTuple>(sql.annotationTags))
    of(id).facets.annotationTags.push(name);
  for (const [id, name] of all<NameTuple>(sql.speakers)) of(id).facets.speakers.push(name);
  for (const [id, name] of all<NameTuple>(sql.claimTypes)) of(id).facets.claimTypes.push(name);
  for (const article of facts.values()) {
    if (article.facets.claimTypes.length > 1) article.facets.claimTypes.sort(byNameKey);
  }
  return facts;
}

/** The facts of every article that has annotations or tags, by article id. */
export function factsOfAllArticles(db: Database): Map<string, ArticleFacts> {
  return collect(db, '', {});
}

/** The facts of one article. */
export function factsOfArticle(db: Database, id: string): ArticleFacts {
  return collect(db, 'one', { id }).get(id) ?? noFacts();
}
