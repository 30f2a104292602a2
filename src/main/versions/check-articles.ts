/**
 * "Check for changes" over many articles: one fetch at a time, each new text a version as it
 * comes in. Cancel stops between articles and aborts the fetch under way; what finished stays.
 * An article that fails is an item saying why, never a failed job.
 */
import type { Database } from 'better-sqlite3';
import type { Changes } from '../../shared/contract/entities';
import type {
  JobContext,
  JobProgress,
  JobResult,
  ParsedJobRequest,
} from '../../shared/contract/jobs';
import type { CheckItem, VersionOutcome } from '../../shared/contract/versions';

export interface CheckDeps {
  readonly refuseIfReadOnly: () => void;
  readonly check: (id: string, signal: AbortSignal) => Promise<VersionOutcome>;
  readonly changesOf: (what: {
    readonly annotationIds?: readonly string[];
    readonly articleIds?: readonly string[];
  }) => Changes;
}

interface Candidate {
  id: string;
  title: string | null;
  source_url: string | null;
}

/** The articles to check: the ones asked for (in that order), or every live one with an address. */
function candidates(db: Database, ids: readonly string[] | undefined): Candidate[] {
  if (ids === undefined) {
    return db
      .prepare(
        `SELECT id, title, source_url FROM articles
         WHERE deleted_at IS NULL AND source_url IS NOT NULL ORDER BY added_at, id`,
      )
      .all() as Candidate[];
  }
  const find = db.prepare(
    'SELECT id, title, source_url FROM articles WHERE id = ? AND deleted_at IS NULL',
  );
  return [...new Set(ids)].map(
    (id) => (find.get(id) as Candidate | undefined) ?? { id, title: null, source_url: null },
  );
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function checkArticlesJob(
  db: Database,
  request: ParsedJobRequest<'checkArticles'>,
  { progress, signal }: JobContext<JobProgress<'checkArticles'>>,
  deps: CheckDeps,
): Promise<JobResult<'checkArticles'>> {
  deps.refuseIfReadOnly(); // before anything is fetched
  const list = candidates(db, request.ids);
  const items: CheckItem[] = [];
  const updatedIds: string[] = [];
  const updatedAnnotations: string[] = [];
  const total = list.length;
  for (const article of list) {
    if (signal.aborted) break;
    const title = article.title ?? '';
    const item = (status: CheckItem['status'], reason: string | null = null): CheckItem => ({
      articleId: article.id,
      title,
      status,
      reason,
      report: null,
    });
    if (article.title === null) {
      items.push(item('failed', `no article with id ${article.id}`));
      continue;
    }
    if (article.source_url === null) {
      items.push(item('skipped', 'it has no source address'));
      continue;
    }
    progress({ done: items.length, total, current: title });
    try {
      const outcome = await deps.check(article.id, signal);
      items.push({ ...item(outcome.status), report: outcome.report });
      if (outcome.status === 'updated') {
        updatedIds.push(article.id);
        updatedAnnotations.push(...outcome.changes.annotations.map((a) => a.id));
      }
    } catch (error) {
      if (signal.aborted) break; // the fetch under way was cancelled: not a failure
      items.push(item('failed', messageOf(error)));
    }
  }
  progress({ done: items.length, total, current: null });
  return {
    items,
    cancelled: signal.aborted && items.length < total,
    changes: deps.changesOf({ annotationIds: updatedAnnotations, articleIds: updatedIds }),
  };
}
