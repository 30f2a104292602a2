/** The library's article list, newest first, and how a reply's changes update it by id. */
import type { ArticleSummary, Changes } from '../../../shared/contract/entities';

/** Null until the list has been read. */
export type LibraryState = readonly ArticleSummary[] | null;

/** The service's order: added most recently first, then by id, descending. */
function compareArticles(a: ArticleSummary, b: ArticleSummary): number {
  if (a.addedAt !== b.addedAt) return a.addedAt < b.addedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Summaries are small plain data from one serializer: equal JSON is equal content. */
function sameSummary(a: ArticleSummary | undefined, b: ArticleSummary): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

export function applyLibraryChanges(
  state: LibraryState,
  changes: Pick<Changes, 'articles' | 'removedArticles'>,
): LibraryState {
  if (!state || (changes.articles.length === 0 && changes.removedArticles.length === 0)) {
    return state;
  }
  const removed = new Set(changes.removedArticles);
  // Most annotation replies (a note saved) answer summaries that did not change: keep the list
  // as it is, so nothing re-sorts or re-filters 5,000 rows for them.
  const current = new Map(state.map((a) => [a.id, a]));
  const changed = changes.articles.filter((a) => !sameSummary(current.get(a.id), a));
  if (changed.length === 0 && !changes.removedArticles.some((id) => current.has(id))) {
    return state;
  }
  const replaced = new Map(changed.map((a) => [a.id, a]));
  const kept = state
    .filter((a) => !removed.has(a.id))
    .map((a) => {
      const next = replaced.get(a.id);
      replaced.delete(a.id);
      return next ?? a;
    });
  return replaced.size === 0 ? kept : [...kept, ...replaced.values()].sort(compareArticles);
}
