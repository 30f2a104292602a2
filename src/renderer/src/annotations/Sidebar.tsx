/**
 * The "Annotations" landmark beside the article: every annotation in document order as a card,
 * narrowed by a filter bar (text, colour, tag, claim type, speaker) with a count. The open card
 * is always shown, even when the filter would hide it, so clicking a highlight always finds it.
 * Only the cards on screen are rendered (the list is virtual, with its full size and each card's
 * place in it told to screen readers); the open card is scrolled into the list when it changes.
 * Orphans (passages not in the current text) are listed apart, under "Orphaned (n)", each with
 * its words as annotated and "Re-attach…".
 */
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  HIGHLIGHT_COLORS,
  type Annotation,
  type HighlightColor,
  type Settings,
} from '../../../shared/contract/entities';
import { FilterSelect } from '../components/FilterSelect';
import { useVirtualRows } from '../components/use-virtual-rows';
import { AnnotationCard, type AnnotationCardProps } from './AnnotationCard';
import type { FocusField } from './AnnotationEditor';
import {
  EMPTY_FILTER,
  distinctValues,
  isFilterEmpty,
  annotationMatcher,
  type AnnotationFilter,
} from './filter';
import { colorName } from '../../../shared/annotations/wording';
import { useAnnotation, useAnnotationList } from '../store/hooks';
import type { AnnotationActions } from './annotation-actions';
import { plural } from '../../../shared/text/plural';
import type { SuggestionsController } from '../suggestions/controller';
import { SuggestionsPanel } from '../suggestions/SuggestionsPanel';

export interface SidebarProps {
  readonly actions: AnnotationActions;
  /** The user's colour legend; '' means "just the colour name". */
  readonly colorLabels: Settings['colorLabels'];
  /** The card open for editing. */
  readonly activeId: string | null;
  /** The field to focus when a card is opened by N, T or C. */
  readonly focusField: FocusField | null;
  readonly onActivate: (id: string | null) => void;
  /** Scrolls the article to the passage and flashes it. */
  readonly onJump: (id: string) => void;
  /**
   * Copies annotations as Markdown: each card's "Copy as Markdown", and "Select" mode for several.
   * Without it the sidebar offers neither.
   */
  readonly onCopyMarkdown?: (annotations: readonly Annotation[]) => void;
  /**
   * "Re-attach…" on an orphan: starts choosing new words for it in the article. Without it the
   * orphans are listed with no button.
   */
  readonly onReattach?: (id: string) => void;
  /** The article's suggested claims: listed above the cards while "Suggest claims" is on. */
  readonly suggestions?: SuggestionsController;
}

const isOrphan = (a: Annotation) => a.anchor.status === 'orphan';

const asOptions = (values: Iterable<string>) =>
  distinctValues(values).map((value) => ({ value, label: value }));

/** A card's estimated height before it is measured. */
const ESTIMATED_CARD_HEIGHT = 140;

/** Memoised: the reader re-renders as the selection moves, and the sidebar need not. */
/** Orphans drawn at first, and added by each "Show more". */
const ORPHANS_PAGE = 50;

export const Sidebar = memo(function Sidebar(props: SidebarProps) {
  const { activeId } = props;
  const annotations = useAnnotationList();
  const [filter, setFilter] = useState<AnnotationFilter>(EMPTY_FILTER);
  const set = (patch: Partial<AnnotationFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const filtered = !isFilterEmpty(filter);
  const visible = useMemo(() => {
    if (!filtered) return annotations;
    const matches = annotationMatcher(filter);
    return annotations.filter((a) => a.id === activeId || matches(a));
  }, [annotations, activeId, filter, filtered]);
  // Orphans have no place in the text: they are listed apart, under "Orphaned (n)".
  const { placed, orphans } = useMemo(
    () => ({
      placed: visible.filter((a) => !isOrphan(a)),
      orphans: visible.filter(isOrphan),
    }),
    [visible],
  );

  // Select mode: a checkbox on every card, and "Copy N as Markdown" for the chosen ones.
  const copy = props.onCopyMarkdown;
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const chosen = annotations.filter((a) => selected.has(a.id)); // document order
  const toggle = useCallback(
    (id: string) =>
      setSelected((previous) => {
        const next = new Set(previous);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const stopSelecting = () => {
    setSelecting(false);
    setSelected(new Set());
  };

  const { colors, tags, types, speakers } = useMemo(() => {
    const used = new Set(annotations.map((a) => a.color));
    return {
      colors: HIGHLIGHT_COLORS.filter((c) => used.has(c)),
      tags: asOptions(annotations.flatMap((a) => a.tags)),
      types: asOptions(annotations.flatMap((a) => (a.claim ? [a.claim.type] : []))),
      speakers: asOptions(annotations.flatMap((a) => a.claim?.speaker ?? [])),
    };
  }, [annotations]);

  const { scrollRef, virtualizer } = useVirtualRows<HTMLDivElement>({
    count: placed.length,
    keyOf: (index) => placed[index]!.id,
    estimatedHeight: ESTIMATED_CARD_HEIGHT,
    overscan: 4,
  });
  // The open card is brought into the list's view (it may not be rendered until then), from its
  // top: with its editor open it is usually taller than the list.
  const activeIndex = activeId === null ? -1 : placed.findIndex((a) => a.id === activeId);
  useEffect(() => {
    if (activeIndex !== -1) virtualizer.scrollToIndex(activeIndex, { align: 'start' });
  }, [activeIndex, virtualizer]);

  // After a delete, the focus goes to the next card (or the heading) once the card is gone.
  const pendingFocus = useRef<{ removed: string; next: string | null } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const orphansHeadingId = useId();
  // Drawn a page at a time: a new version that drops half a book orphans thousands at once.
  const [orphansShown, setOrphansShown] = useState(ORPHANS_PAGE);
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || annotations.some((a) => a.id === pending.removed)) return;
    pendingFocus.current = null;
    const next =
      pending.next &&
      document.querySelector<HTMLElement>(`[data-annotation-card="${CSS.escape(pending.next)}"]`);
    (next || headingRef.current)?.focus();
  });
  const visibleRef = useRef(visible);
  useEffect(() => {
    visibleRef.current = visible;
  });
  const { actions, onActivate } = props;
  const remove = useCallback(
    (id: string) => {
      const list = visibleRef.current;
      const index = list.findIndex((a) => a.id === id);
      const next = list[index + 1] ?? list[index - 1] ?? null;
      pendingFocus.current = { removed: id, next: next?.id ?? null };
      onActivate(null);
      void actions.remove(id);
    },
    [actions, onActivate],
  );
  const copyOne = useMemo(() => copy && ((annotation: Annotation) => copy([annotation])), [copy]);
  /** One card, as the orphans' list and the list in document order both show it. */
  const cardFor = (id: string, onReattach?: SidebarProps['onReattach']) => (
    <Card
      id={id}
      actions={actions}
      colorLabels={props.colorLabels}
      active={id === activeId}
      focusField={id === activeId ? props.focusField : null}
      onActivate={onActivate}
      onJump={props.onJump}
      onDelete={remove}
      onCopyMarkdown={copyOne}
      onReattach={onReattach}
      selecting={copy !== undefined && selecting}
      selected={selected.has(id)}
      onToggle={toggle}
    />
  );

  return (
    <aside className="annotations sb-sidebar" aria-label="Annotations">
      <div className="sb-header">
        <h2 ref={headingRef} className="sb-heading" tabIndex={-1}>
          Annotations
        </h2>
        {copy && annotations.length > 0 && (
          <button
            type="button"
            className="sb-small"
            onClick={() => (selecting ? stopSelecting() : setSelecting(true))}
          >
            {selecting ? 'Cancel selection' : 'Select'}
          </button>
        )}
      </div>
      {props.suggestions && <SuggestionsPanel controller={props.suggestions} />}
      {copy && selecting && (
        <div className="sb-selection" role="group" aria-label="Selected annotations">
          {chosen.length > 0 ? (
            <button
              type="button"
              className="sb-primary"
              onClick={() => {
                copy(chosen);
                stopSelecting();
              }}
            >
              Copy {chosen.length} as Markdown
            </button>
          ) : (
            <span className="sb-count">Choose annotations to copy</span>
          )}
          <button
            type="button"
            className="sb-small"
            disabled={visible.every((a) => selected.has(a.id))}
            onClick={() => setSelected(new Set([...selected, ...visible.map((a) => a.id)]))}
          >
            Select all{filtered ? ' shown' : ''}
          </button>
        </div>
      )}
      {annotations.length > 0 && (
        <div className="sb-filters" role="search" aria-label="Annotation filters">
          <input
            type="search"
            className="sb-search"
            aria-label="Filter annotations"
            placeholder="Filter annotations"
            value={filter.text}
            onChange={(event) => set({ text: event.target.value })}
            onKeyDown={(event) => {
              if (event.key !== 'Escape' || !filter.text) return;
              event.preventDefault();
              event.stopPropagation();
              set({ text: '' });
            }}
          />
          <div className="sb-filter-grid">
            <FilterSelect
              className="sb-filter"
              label="Colour"
              all="All colours"
              value={filter.color}
              options={colors.map((c) => ({ value: c, label: colorName(c, props.colorLabels) }))}
              onChange={(color) => set({ color: color as HighlightColor | null })}
            />
            <FilterSelect
              className="sb-filter"
              label="Tag"
              all="All tags"
              value={filter.tag}
              options={tags}
              onChange={(tag) => set({ tag })}
            />
            <FilterSelect
              className="sb-filter"
              label="Claim type"
              all="All types"
              value={filter.claimType}
              options={types}
              onChange={(claimType) => set({ claimType })}
            />
            <FilterSelect
              className="sb-filter"
              label="Speaker"
              all="All speakers"
              value={filter.speaker}
              options={speakers}
              onChange={(speaker) => set({ speaker })}
            />
          </div>
          <div className="sb-filter-footer">
            <p className="sb-count" role="status">
              {filtered
                ? `${visible.length} of ${annotations.length}`
                : plural(annotations.length, 'annotation', 'annotations')}
            </p>
            <button
              type="button"
              className="sb-small"
              disabled={!filtered}
              onClick={() => setFilter(EMPTY_FILTER)}
            >
              Clear filters
            </button>
          </div>
        </div>
      )}
      {annotations.length === 0 ? (
        <p className="muted">No annotations yet. Select text and press H to highlight it.</p>
      ) : visible.length === 0 ? (
        <p className="muted">No annotations match these filters.</p>
      ) : (
        <>
          {orphans.length > 0 && (
            <section className="sb-orphans" aria-labelledby={orphansHeadingId}>
              <h3 id={orphansHeadingId} className="sb-orphans-heading">
                Orphaned ({orphans.length})
              </h3>
              <ol className="sb-orphan-list" aria-label="Orphaned annotations">
                {orphans.slice(0, orphansShown).map((a) => (
                  <li key={a.id}>{cardFor(a.id, props.onReattach)}</li>
                ))}
              </ol>
              {orphans.length > orphansShown && (
                <button
                  type="button"
                  className="sb-orphans-more"
                  onClick={() => setOrphansShown((n) => n + ORPHANS_PAGE)}
                >
                  Show {Math.min(ORPHANS_PAGE, orphans.length - orphansShown)} more (
                  {orphans.length - orphansShown} not shown)
                </button>
              )}
            </section>
          )}
          {placed.length > 0 && (
            <div ref={scrollRef} className="sb-scroll">
              <ol
                className="annotation-list sb-list"
                aria-label="Annotations in document order"
                style={{ height: virtualizer.getTotalSize() }}
              >
                {virtualizer.getVirtualItems().map((item) => {
                  const a = placed[item.index]!;
                  return (
                    <li
                      key={item.key}
                      ref={virtualizer.measureElement}
                      data-index={item.index}
                      className="sb-item"
                      aria-setsize={placed.length}
                      aria-posinset={item.index + 1}
                      style={{ transform: `translateY(${item.start}px)` }}
                    >
                      {cardFor(a.id)}
                    </li>
                  );
                })}
              </ol>
            </div>
          )}
        </>
      )}
    </aside>
  );
});

interface CardSlotProps extends Omit<AnnotationCardProps, 'annotation' | 'selection'> {
  readonly id: string;
  readonly selecting: boolean;
  readonly selected: boolean;
  readonly onToggle: (id: string) => void;
}

/** One card, reading its own annotation from the store: it re-renders when that one changes. */
const Card = memo(function Card({ id, selecting, selected, onToggle, ...props }: CardSlotProps) {
  const annotation = useAnnotation(id);
  if (!annotation) return null;
  return (
    <AnnotationCard
      {...props}
      annotation={annotation}
      selection={selecting ? { selected, onToggle } : undefined}
    />
  );
});
