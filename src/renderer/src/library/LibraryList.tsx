/**
 * The library: every article that passes the filters, in the chosen order and density, each row
 * a button that opens it (with when it was added and last opened, and its annotation and claim
 * counts).
 * The list is a one-column grid with one tab stop: arrows, Home and End move between rows,
 * Enter opens, Delete moves the article to the Trash (the caller's delete, with its Undo). Only
 * the rows on screen are in the DOM, so 5,000 articles open as fast as 50.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ArticleSummary } from '../../../shared/contract/entities';
import { plural } from '../../../shared/text/plural';
import { gridMoveTarget } from '../components/grid-keys';
import { describeSource } from '../format';
import { LibraryControls, type LibraryView } from './LibraryControls';
import { LibraryFilters } from './LibraryFilters';
import {
  EMPTY_LIBRARY_FILTER,
  filterArticles,
  libraryFilterChoices,
  type LibraryFilter,
} from './library-filter';
import { sortArticles } from './library-sort';
import { useLibraryRows } from './use-library-rows';

export type { LibraryView } from './LibraryControls';

export interface LibraryListProps {
  readonly articles: readonly ArticleSummary[] | null;
  readonly selectedId: string | null;
  readonly onOpen: (id: string) => void;
  /** Moves the article to the Trash. */
  readonly onDelete: (id: string) => void;
  readonly view: LibraryView;
  readonly onViewChange: (patch: Partial<LibraryView>) => void;
}

/** Row heights before measuring, per density (the CSS sets the real ones). */
const ESTIMATED_HEIGHT = { comfortable: 64, compact: 32 } as const;

export function LibraryList(props: LibraryListProps) {
  const { articles, view, onViewChange } = props;
  // Kept for the session (this component lives as long as the window).
  const [filter, setFilter] = useState<LibraryFilter>(EMPTY_LIBRARY_FILTER);
  const all = articles ?? NO_ARTICLES;
  const choices = useMemo(() => libraryFilterChoices(all), [all]);
  const shown = useMemo(() => filterArticles(all, filter), [all, filter]);
  if (articles === null) return <p className="muted">Loading…</p>;
  if (articles.length === 0) return <p className="muted">The library is empty.</p>;
  return (
    <div className="library-view" data-density={view.libraryDensity}>
      <LibraryControls view={view} onChange={onViewChange} />
      <LibraryFilters
        filter={filter}
        choices={choices}
        onChange={setFilter}
        shown={shown.length}
        total={articles.length}
      />
      {shown.length > 0 ? (
        <LibraryRows {...props} articles={shown} />
      ) : (
        <p className="library-no-match muted">
          No articles match these filters. Choose others, or clear them to see every article.
        </p>
      )}
    </div>
  );
}

const NO_ARTICLES: readonly ArticleSummary[] = [];

function LibraryRows({
  articles,
  selectedId,
  onOpen,
  onDelete,
  view,
}: LibraryListProps & { readonly articles: readonly ArticleSummary[] }) {
  const { librarySort: key, librarySortDirection: direction, libraryDensity: density } = view;
  const sorted = useMemo(
    () => sortArticles(articles, { key, direction }),
    [articles, key, direction],
  );

  // The tab stop follows an article, not a place, so it stays put when the order changes; when
  // its article goes (deleted), it falls to the row that took its place.
  const [active, setActive] = useState<{ id: string | null; index: number }>({
    id: null,
    index: 0,
  });
  let activeIndex = sorted.findIndex((a) => a.id === (active.id ?? selectedId));
  if (activeIndex < 0) activeIndex = Math.min(active.index, sorted.length - 1);

  const { scrollRef, virtualizer } = useLibraryRows<HTMLDivElement>({
    count: sorted.length,
    keyOf: (index) => sorted[index]!.id,
    estimatedHeight: ESTIMATED_HEIGHT[density],
    activeIndex,
  });

  // Sizes measured at the other density are wrong now.
  useEffect(() => virtualizer.measure(), [virtualizer, density]);

  const gridRef = useRef<HTMLDivElement>(null);
  /** Set when a key moved the tab stop (focus follows) or deleted its row (focus is lost). */
  const focusPending = useRef(false);
  useEffect(() => {
    if (!focusPending.current) return;
    const focused = document.activeElement;
    if (focused && focused !== document.body && !gridRef.current?.contains(focused)) return;
    focusPending.current = false;
    gridRef.current
      ?.querySelector<HTMLElement>(`[data-row="${activeIndex}"] button`)
      ?.focus({ preventScroll: true });
  }, [activeIndex, sorted]);

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(sorted.length - 1, index));
    setActive({ id: sorted[target]!.id, index: target });
    focusPending.current = true;
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.shiftKey) return;
    const article = sorted[activeIndex];
    if (!article) return;
    const page = Math.max(1, virtualizer.getVirtualItems().length - 2);
    const handled = (() => {
      if (event.metaKey) {
        // ⌘⌫ is the Mac's delete; other ⌘ keys are the app's.
        if (event.key !== 'Backspace') return false;
        onDelete(article.id);
        focusPending.current = true;
        return true;
      }
      const target = gridMoveTarget(event.key, activeIndex, sorted.length, page);
      if (target !== null) return (moveTo(target), true);
      switch (event.key) {
        case 'Enter':
          return (onOpen(article.id), true);
        case 'Delete':
          onDelete(article.id);
          focusPending.current = true;
          return true;
        default:
          return false;
      }
    })();
    if (handled) event.preventDefault();
  };

  return (
    <div ref={scrollRef} className="library-rows">
      <div
        ref={gridRef}
        role="grid"
        aria-label="Articles"
        aria-rowcount={sorted.length}
        className="article-list"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const article = sorted[item.index]!;
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              role="row"
              aria-rowindex={item.index + 1}
              data-index={item.index}
              data-row={item.index}
              data-article-id={article.id}
              className="library-row"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <div role="gridcell">
                <ArticleRow
                  article={article}
                  compact={density === 'compact'}
                  showOpened={density === 'comfortable' || key === 'opened'}
                  current={article.id === selectedId}
                  tabStop={item.index === activeIndex}
                  onOpen={onOpen}
                  onFocus={() => setActive({ id: article.id, index: item.index })}
                />
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

const mediumDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** "today", "yesterday", "3 days ago" within the week, else the date ("Mar 12, 2024"). */
function describeDay(timestamp: string | null, now = new Date()): string | null {
  const time = timestamp ? Date.parse(timestamp) : NaN;
  if (Number.isNaN(time)) return null;
  const days = Math.round((startOfDay(now) - startOfDay(new Date(time))) / 86_400_000);
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days > 1 && days < 7) return `${days} days ago`;
  return mediumDate.format(time);
}

interface ArticleRowProps {
  readonly article: ArticleSummary;
  readonly compact: boolean;
  /** Compact rows name the day last opened only when sorted by it: the title needs the room. */
  readonly showOpened: boolean;
  readonly current: boolean;
  readonly tabStop: boolean;
  readonly onOpen: (id: string) => void;
  readonly onFocus: () => void;
}

/**
 * Comfortable: title, source, dates ("Added … · Opened …"; never opened says nothing), counts.
 * Compact, on one line: title, when last opened (when sorted by it), and the two counts as
 * numbers (spelled out for screen readers and in the tooltip).
 */
function ArticleRow({
  article,
  compact,
  showOpened,
  current,
  tabStop,
  onOpen,
  onFocus,
}: ArticleRowProps) {
  const source = describeSource(article.byline, article.publishedAt, article.site);
  const added = describeDay(article.addedAt);
  const opened = describeDay(article.lastOpenedAt);
  const annotations = plural(article.annotationCount, 'annotation', 'annotations');
  const claims = plural(article.claimCount, 'claim', 'claims');
  return (
    <button
      type="button"
      className="article-item"
      tabIndex={tabStop ? 0 : -1}
      aria-current={current ? 'true' : undefined}
      onClick={() => onOpen(article.id)}
      onFocus={onFocus}
    >
      <span className="article-title" dir="auto">
        {article.title}
      </span>
      {compact ? (
        <>
          {showOpened && opened && (
            <span className="article-opened" title={`Last opened ${opened}`}>
              <span className="visually-hidden">Opened </span>
              {opened}
            </span>
          )}
          {article.annotationCount > 0 && (
            <span className="article-counts" title={`${annotations}, ${claims}`}>
              <span aria-hidden="true">
                {article.annotationCount}
                {article.claimCount > 0 && (
                  <span className="article-claims-badge">{article.claimCount}</span>
                )}
              </span>
              <span className="visually-hidden">
                {article.claimCount > 0 ? `${annotations}, ${claims}` : annotations}
              </span>
            </span>
          )}
        </>
      ) : (
        <>
          {source && <span className="article-meta">{source}</span>}
          <span className="article-dates">
            {[added && `Added ${added}`, opened && `Opened ${opened}`].filter(Boolean).join(' · ')}
          </span>
          {article.annotationCount > 0 && (
            <span className="article-counts">
              <span className="article-count">{annotations}</span>
              {article.claimCount > 0 && (
                <>
                  {' · '}
                  <span className="article-claims">{claims}</span>
                </>
              )}
            </span>
          )}
        </>
      )}
    </button>
  );
}
