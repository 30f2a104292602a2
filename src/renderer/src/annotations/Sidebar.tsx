/**
 * The "Annotations" landmark beside the article: every annotation in document order as a card,
 * narrowed by a filter bar (text, colour, tag, claim type, speaker) with a count. The open card
 * is always shown, even when the filter would hide it, so clicking a highlight always finds it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  HIGHLIGHT_COLORS,
  type Annotation,
  type HighlightColor,
  type Settings,
} from '../../../shared/contract/entities';
import { AnnotationCard } from './AnnotationCard';
import type { FocusField } from './AnnotationEditor';
import {
  EMPTY_FILTER,
  distinctValues,
  isFilterEmpty,
  matchesFilter,
  type AnnotationFilter,
} from './filter';
import { colorName } from '../../../shared/annotations/wording';
import type { AnnotationsApi } from './use-annotations';

export interface SidebarProps {
  readonly annotations: readonly Annotation[];
  readonly api: AnnotationsApi;
  /** The user's colour legend; '' means "just the colour name". */
  readonly colorLabels: Settings['colorLabels'];
  /** Autocomplete sources from the library. */
  readonly tagNames: readonly string[];
  readonly speakers: readonly string[];
  readonly claimTypes: readonly string[];
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
  /** Annotations whose passage is not in the article's text (imported orphans). */
  readonly unplacedIds?: ReadonlySet<string>;
}

interface FilterSelectProps {
  readonly label: string;
  readonly all: string;
  readonly value: string | null;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly onChange: (value: string | null) => void;
}

function FilterSelect({ label, all, value, options, onChange }: FilterSelectProps) {
  const id = useId();
  // A chosen value stays offered even when no annotation has it any more.
  const shown =
    value !== null && !options.some((o) => o.value === value)
      ? [...options, { value, label: value }]
      : options;
  return (
    <div className="sb-filter">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        disabled={shown.length === 0}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">{all}</option>
        {shown.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const asOptions = (values: Iterable<string>) =>
  distinctValues(values).map((value) => ({ value, label: value }));

export function Sidebar(props: SidebarProps) {
  const { annotations, activeId } = props;
  const [filter, setFilter] = useState<AnnotationFilter>(EMPTY_FILTER);
  const set = (patch: Partial<AnnotationFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const filtered = !isFilterEmpty(filter);
  const visible = annotations.filter((a) => a.id === activeId || matchesFilter(a, filter));

  // Select mode: a checkbox on every card, and "Copy N as Markdown" for the chosen ones.
  const copy = props.onCopyMarkdown;
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const chosen = annotations.filter((a) => selected.has(a.id)); // document order
  const toggle = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const stopSelecting = () => {
    setSelecting(false);
    setSelected(new Set());
  };

  const colors = HIGHLIGHT_COLORS.filter((c) => annotations.some((a) => a.color === c));
  const tags = asOptions(annotations.flatMap((a) => a.tags));
  const types = asOptions(annotations.flatMap((a) => (a.claim ? [a.claim.type] : [])));
  const speakers = asOptions(annotations.flatMap((a) => a.claim?.speaker ?? []));

  // After a delete, the focus goes to the next card (or the heading) once the card is gone.
  const pendingFocus = useRef<{ removed: string; next: string | null } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || annotations.some((a) => a.id === pending.removed)) return;
    pendingFocus.current = null;
    const next =
      pending.next &&
      document.querySelector<HTMLElement>(`[data-annotation-card="${CSS.escape(pending.next)}"]`);
    (next || headingRef.current)?.focus();
  });
  const remove = (id: string) => {
    const index = visible.findIndex((a) => a.id === id);
    const next = visible[index + 1] ?? visible[index - 1] ?? null;
    pendingFocus.current = { removed: id, next: next?.id ?? null };
    props.onActivate(null);
    void props.api.remove(id);
  };

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
              label="Colour"
              all="All colours"
              value={filter.color}
              options={colors.map((c) => ({ value: c, label: colorName(c, props.colorLabels) }))}
              onChange={(color) => set({ color: color as HighlightColor | null })}
            />
            <FilterSelect
              label="Tag"
              all="All tags"
              value={filter.tag}
              options={tags}
              onChange={(tag) => set({ tag })}
            />
            <FilterSelect
              label="Claim type"
              all="All types"
              value={filter.claimType}
              options={types}
              onChange={(claimType) => set({ claimType })}
            />
            <FilterSelect
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
                : `${annotations.length} ${annotations.length === 1 ? 'annotation' : 'annotations'}`}
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
        <ol className="annotation-list sb-list">
          {visible.map((a) => (
            <AnnotationCard
              key={a.id}
              annotation={a}
              all={annotations}
              api={props.api}
              colorLabels={props.colorLabels}
              tagNames={props.tagNames}
              speakers={props.speakers}
              claimTypes={props.claimTypes}
              active={a.id === activeId}
              focusField={a.id === activeId ? props.focusField : null}
              onActivate={props.onActivate}
              onJump={props.onJump}
              unplaced={props.unplacedIds?.has(a.id) ?? false}
              onDelete={remove}
              onCopyMarkdown={copy && ((annotation) => copy([annotation]))}
              selection={
                copy && selecting ? { selected: selected.has(a.id), onToggle: toggle } : undefined
              }
            />
          ))}
        </ol>
      )}
    </aside>
  );
}
