/**
 * The open article's header: its title, byline, site, publication date and source address as the
 * library holds them now (so an edit in Article details shows here at once, from the reply, with
 * nothing read again), and the "Article details" button beside the title.
 */
import { useMemo, type ReactNode } from 'react';
import type { ArticleSummary } from '../../../shared/contract/entities';
import { isSafeLinkHref } from '../../../shared/document/url-policy';
import { describeSource, hostOf } from '../format';
import { memoSelector, useSelector } from '../store/external-store';
import { useStore } from '../store/hooks';
import type { RendererState } from '../store/renderer-store';

type HeaderFields = Pick<ArticleSummary, 'title' | 'byline' | 'site' | 'publishedAt' | 'sourceUrl'>;

export interface ArticleHeaderProps {
  readonly articleId: string;
  /** The article as it was read, shown until (or unless) the library lists it. */
  readonly article: HeaderFields;
  /** Opens Article details for this article; without it there is no button. */
  readonly onShowDetails?: (articleId: string) => void;
  /** More of the article's actions, under the byline (the reader's version actions). */
  readonly children?: ReactNode;
}

export function ArticleHeader({ articleId, article, onShowDetails, children }: ArticleHeaderProps) {
  const store = useStore();
  // Looked up again only when the library list itself changes.
  const selectSummary = useMemo(
    () =>
      memoSelector(
        (state: RendererState) => [state.library] as const,
        (library) => library?.find((a) => a.id === articleId),
      ),
    [articleId],
  );
  const shown: HeaderFields = useSelector(store, selectSummary) ?? article;
  return (
    <header className="article-header">
      <div className="article-title-row">
        <h2>{shown.title}</h2>
        {onShowDetails && (
          <button
            type="button"
            className="article-details-button"
            aria-haspopup="dialog"
            title="Article details (Ctrl/⌘+I)"
            onClick={() => onShowDetails(articleId)}
          >
            Article details
          </button>
        )}
      </div>
      <p className="article-meta">
        {describeSource(shown.byline, shown.publishedAt, shown.site)}
        {shown.sourceUrl && isSafeLinkHref(shown.sourceUrl) && (
          <>
            {' · '}
            <a
              href={shown.sourceUrl}
              target="_blank"
              rel="noopener noreferrer nofollow"
              title={shown.sourceUrl}
            >
              {hostOf(shown.sourceUrl)}
            </a>
          </>
        )}
      </p>
      {children}
    </header>
  );
}
