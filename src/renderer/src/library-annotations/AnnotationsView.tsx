/**
 * All annotations: every annotation in the library in place of the article, narrowed by the
 * sidebar's filters (text, colour, tag, claim type, speaker) and the article, newest or oldest
 * first (by when each was made) or by article, with a live count ("37 of 10,000 annotations").
 * Each row shows its colour, quote, note, tags, claim and article, and opens the article at it.
 * The list is a one-column grid with one tab stop, like the library: arrows, Page Up/Down, Home
 * and End move, Enter opens; Escape goes back. Only the rows on screen are in the DOM.
 */
import {
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { colorName, excerpt } from '../../../shared/annotations/wording';
import type { HighlightColor, Settings } from '../../../shared/contract/entities';
import type { LibraryAnnotation } from '../../../shared/contract/library-annotations';
import { plural } from '../../../shared/text/plural';
import { formatPublished } from '../format';
import { FilterSelect } from '../components/FilterSelect';
import { gridMoveTarget } from '../components/grid-keys';
import { useLibraryRows } from '../library/use-library-rows';
import {
  EMPTY_LIBRARY_ANNOTATION_FILTER,
  filterLibraryAnnotations,
  isLibraryFilterEmpty,
  libraryFilterChoices,
  LIBRARY_ANNOTATION_ORDERS,
  ORDER_LABELS,
  sortLibraryAnnotations,
  type LibraryAnnotationFilter,
  type LibraryAnnotationOrder,
} from './library-annotation-list';

export interface AnnotationsViewProps {
  /** null while loading. */
  readonly annotations: readonly LibraryAnnotation[] | null;
  /** The user's colour legend, for the colour filter and each row's colour name. */
  readonly colorLabels: Settings['colorLabels'];
  /** Opens the article and reveals the annotation (the ledger's "Go to passage"). */
  readonly onGoTo: (articleId: string, annotationId: string) => void;
  /** Escape: back to where the reader was. */
  readonly onClose: () => void;
}

const count = new Intl.NumberFormat();
const annotationCount = (n: number) =>
  `${count.format(n)} ${n === 1 ? 'annotation' : 'annotations'}`;

export function AnnotationsView({
  annotations,
  colorLabels,
  onGoTo,
  onClose,
}: AnnotationsViewProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [filter, setFilter] = useState<LibraryAnnotationFilter>(EMPTY_LIBRARY_ANNOTATION_FILTER);
  const [order, setOrder] = useState<LibraryAnnotationOrder>('newest');
  const set = (patch: Partial<LibraryAnnotationFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const all = annotations ?? NONE;
  const choices = useMemo(() => libraryFilterChoices(all), [all]);
  const sorted = useMemo(() => sortLibraryAnnotations(all, order), [all, order]);
  // Typing stays responsive over 10,000 annotations: the list follows the filter when it can.
  const deferredFilter = useDeferredValue(filter);
  const shown = useMemo(
    () => filterLibraryAnnotations(sorted, deferredFilter),
    [sorted, deferredFilter],
  );
  const filtered = !isLibraryFilterEmpty(filter);

  // Opening the view takes the reader here.
  useEffect(() => headingRef.current?.focus(), []);

  const summary = filtered
    ? `${count.format(shown.length)} of ${annotationCount(all.length)}`
    : `${annotationCount(all.length)} · ${plural(choices.articles.length, 'article', 'articles')}`;

  /** Escape anywhere in the view goes back, unless a field used it first. */
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    onClose();
  };

  return (
    <section className="ledger all-annotations" aria-label="All annotations" onKeyDown={onKeyDown}>
      <header className="ledger-header">
        <div className="ledger-header-inner aa-header-inner">
          <div className="ledger-title">
            <h2 ref={headingRef} tabIndex={-1}>
              All annotations
            </h2>
            {annotations && (
              <p className="ledger-summary" role="status">
                {summary}
              </p>
            )}
          </div>
          {all.length > 0 && (
            <div className="aa-filters" role="search" aria-label="Filter all annotations">
              <input
                type="search"
                className="ledger-filter aa-search"
                aria-label="Filter annotations"
                placeholder="Filter: words in quotes, notes, tags"
                value={filter.text}
                onChange={(event) => set({ text: event.target.value })}
                onKeyDown={(event) => {
                  if (event.key !== 'Escape' || !filter.text) return;
                  event.preventDefault();
                  set({ text: '' });
                }}
              />
              <FilterSelect
                className="aa-filter"
                label="Article"
                all="All articles"
                value={filter.articleId}
                options={choices.articles}
                onChange={(articleId) => set({ articleId })}
              />
              <FilterSelect
                className="aa-filter"
                label="Colour"
                all="All colours"
                value={filter.color}
                options={choices.colors.map((c) => ({
                  value: c,
                  label: colorName(c, colorLabels),
                }))}
                onChange={(color) => set({ color: color as HighlightColor | null })}
              />
              <FilterSelect
                className="aa-filter"
                label="Tag"
                all="All tags"
                value={filter.tag}
                options={choices.tags}
                onChange={(tag) => set({ tag })}
              />
              <FilterSelect
                className="aa-filter"
                label="Claim type"
                all="All types"
                value={filter.claimType}
                options={choices.types}
                onChange={(claimType) => set({ claimType })}
              />
              <FilterSelect
                className="aa-filter"
                label="Speaker"
                all="All speakers"
                value={filter.speaker}
                options={choices.speakers}
                onChange={(speaker) => set({ speaker })}
              />
              <OrderSelect order={order} onChange={setOrder} />
              {/* aria-disabled, not disabled: disabling it would drop the focus of whoever pressed it. */}
              <button
                type="button"
                className="aa-clear"
                aria-disabled={!filtered}
                onClick={() => filtered && setFilter(EMPTY_LIBRARY_ANNOTATION_FILTER)}
              >
                Clear filters
              </button>
            </div>
          )}
        </div>
      </header>
      {annotations === null ? (
        <div className="ledger-body">
          <p className="muted">Loading…</p>
        </div>
      ) : all.length === 0 ? (
        <div className="ledger-body">
          <p className="ledger-empty">
            No annotations yet. Open an article and select a passage to highlight it; every
            annotation in the library is listed here.
          </p>
        </div>
      ) : shown.length === 0 ? (
        <div className="ledger-body">
          <p className="ledger-empty">
            No annotations match these filters. Choose others, or clear them to see every one.
          </p>
        </div>
      ) : (
        <AnnotationRows entries={shown} colorLabels={colorLabels} onGoTo={onGoTo} />
      )}
    </section>
  );
}

const NONE: readonly LibraryAnnotation[] = [];

function OrderSelect({
  order,
  onChange,
}: {
  readonly order: LibraryAnnotationOrder;
  readonly onChange: (order: LibraryAnnotationOrder) => void;
}) {
  const id = useId();
  return (
    <div className="aa-filter">
      <label htmlFor={id}>Sort</label>
      <select
        id={id}
        value={order}
        onChange={(event) => onChange(event.target.value as LibraryAnnotationOrder)}
      >
        {LIBRARY_ANNOTATION_ORDERS.map((o) => (
          <option key={o} value={o}>
            {ORDER_LABELS[o]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A row's height before it is measured (quote, note and meta lines). */
const ESTIMATED_ROW_HEIGHT = 96;

interface RowsProps {
  readonly entries: readonly LibraryAnnotation[];
  readonly colorLabels: Settings['colorLabels'];
  readonly onGoTo: AnnotationsViewProps['onGoTo'];
}

function AnnotationRows({ entries, colorLabels, onGoTo }: RowsProps) {
  // The tab stop follows an annotation, not a place, so it stays put when the filter changes.
  const [active, setActive] = useState<{ id: string | null; index: number }>({
    id: null,
    index: 0,
  });
  let activeIndex = entries.findIndex((e) => e.annotation.id === active.id);
  if (activeIndex < 0) activeIndex = Math.min(active.index, entries.length - 1);

  const { scrollRef, virtualizer } = useLibraryRows<HTMLDivElement>({
    count: entries.length,
    keyOf: (index) => entries[index]!.annotation.id,
    estimatedHeight: ESTIMATED_ROW_HEIGHT,
    activeIndex,
  });

  const gridRef = useRef<HTMLDivElement>(null);
  /** Set when a key moved the tab stop: focus follows once the row is rendered. */
  const focusPending = useRef(false);
  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    gridRef.current
      ?.querySelector<HTMLElement>(`[data-row="${activeIndex}"] button`)
      ?.focus({ preventScroll: true });
  }, [activeIndex, entries]);

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(entries.length - 1, index));
    setActive({ id: entries[target]!.annotation.id, index: target });
    focusPending.current = true;
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const entry = entries[activeIndex];
    if (!entry) return;
    const page = Math.max(1, virtualizer.getVirtualItems().length - 2);
    const target = gridMoveTarget(event.key, activeIndex, entries.length, page);
    if (target !== null) moveTo(target);
    else if (event.key === 'Enter') onGoTo(entry.article.id, entry.annotation.id);
    else return;
    event.preventDefault();
  };

  return (
    <div ref={scrollRef} className="ledger-body aa-body">
      <div
        ref={gridRef}
        role="grid"
        aria-label="Annotations"
        aria-rowcount={entries.length}
        className="aa-list"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const entry = entries[item.index]!;
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              role="row"
              aria-rowindex={item.index + 1}
              data-index={item.index}
              data-row={item.index}
              className="aa-row"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <div role="gridcell">
                <AnnotationRow
                  entry={entry}
                  colorLabels={colorLabels}
                  tabStop={item.index === activeIndex}
                  onGoTo={onGoTo}
                  onFocus={() => setActive({ id: entry.annotation.id, index: item.index })}
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

function annotatedOn(timestamp: string): string {
  const time = Date.parse(timestamp);
  return Number.isNaN(time) ? timestamp : mediumDate.format(time);
}

interface RowProps {
  readonly entry: LibraryAnnotation;
  readonly colorLabels: Settings['colorLabels'];
  readonly tabStop: boolean;
  readonly onGoTo: AnnotationsViewProps['onGoTo'];
  readonly onFocus: () => void;
}

/** One annotation as a button: colour, quote, note, tags and claim, its article and dates. */
function AnnotationRow({ entry, colorLabels, tabStop, onGoTo, onFocus }: RowProps) {
  const { annotation, article } = entry;
  const { claim } = annotation;
  const published = formatPublished(article.publishedAt);
  const orphan = annotation.anchor.status === 'orphan';
  return (
    <button
      type="button"
      className="aa-item"
      tabIndex={tabStop ? 0 : -1}
      title={annotation.quote.exact}
      onClick={() => onGoTo(article.id, annotation.id)}
      onFocus={onFocus}
    >
      <span className={`aa-mark swatch-${annotation.color}`} aria-hidden="true" />
      <span className="aa-main">
        <span className="aa-quote" dir="auto">
          <span className="visually-hidden">{colorName(annotation.color, colorLabels)}: </span>
          {excerpt(annotation.quote.exact, 220)}
        </span>
        {annotation.note.trim() && (
          <span className="aa-note" dir="auto">
            <span className="visually-hidden">Note: </span>
            {excerpt(annotation.note, 200)}
          </span>
        )}
        {(claim || annotation.tags.length > 0 || orphan) && (
          <span className="aa-facets">
            {claim && (
              <span className="aa-claim">
                <span className="visually-hidden">Claim: </span>
                {claim.type}
                {claim.speaker && <> · {claim.speaker}</>}
                <span className={`claim-status claim-status-${claim.status}`}>{claim.status}</span>
              </span>
            )}
            {annotation.tags.map((tag) => (
              <span key={tag} className="aa-tag">
                <span className="visually-hidden">Tag: </span>
                {tag}
              </span>
            ))}
            {orphan && <span className="aa-orphan">passage not found</span>}
          </span>
        )}
        <span className="aa-meta">
          <span className="aa-article">
            in <cite dir="auto">{article.title || 'Untitled article'}</cite>
            {published && <> · {published}</>}
          </span>
          <span className="aa-created">annotated {annotatedOn(annotation.createdAt)}</span>
        </span>
      </span>
    </button>
  );
}
