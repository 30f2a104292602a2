/** The library: every article, newest first, each a button that opens it. */
import type { ArticleSummary } from '../../../shared/contract/entities';
import { describeSource } from '../format';
import { plural } from '../../../shared/text/plural';

export interface LibraryListProps {
  readonly articles: readonly ArticleSummary[] | null;
  readonly selectedId: string | null;
  readonly onOpen: (id: string) => void;
}

export function LibraryList({ articles, selectedId, onOpen }: LibraryListProps) {
  if (articles === null) return <p className="muted">Loading…</p>;
  if (articles.length === 0) return <p className="muted">The library is empty.</p>;
  return (
    <ul className="article-list">
      {articles.map((article) => (
        <li key={article.id}>
          <button
            type="button"
            className="article-item"
            aria-current={article.id === selectedId ? 'true' : undefined}
            onClick={() => onOpen(article.id)}
          >
            <span className="article-title" dir="auto">
              {article.title}
            </span>
            <span className="article-meta">
              {describeSource(article.byline, article.publishedAt)}
            </span>
            {article.annotationCount > 0 && (
              <span className="article-count">
                {plural(article.annotationCount, 'annotation', 'annotations')}
              </span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
