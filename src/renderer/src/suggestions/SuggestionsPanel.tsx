/**
 * "Suggested claims" in the sidebar: the open article's suggestions in text order, each with its
 * type, speaker and cue, and "Show", "Accept" and "Dismiss"; a checkbox on each for "Accept
 * selected (N)", which creates them all in one undo step. The suggestion Tab moved to in the
 * article is marked and scrolled into the list. Only the rows on screen are rendered: a book
 * can have thousands of suggestions. Nothing here creates anything until a button says so.
 */
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ClaimSuggestion } from '../../../shared/claim-finder/types';
import { useVirtualRows } from '../components/use-virtual-rows';
import type { SuggestionsController } from './controller';
import { nameSuggestion, suggestionsStatusText } from './wording';

export interface SuggestionsPanelProps {
  readonly controller: SuggestionsController;
}

/** A row's height in pixels before it is measured (meta line, three lines of quote, buttons). */
const ESTIMATED_ROW_HEIGHT = 112;

export function SuggestionsPanel({ controller }: SuggestionsPanelProps) {
  const { suggestions, currentKey } = controller;
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  // The controller's methods through a ref: the rows stay memoised when it is a new object.
  const controllerRef = useRef(controller);
  useEffect(() => {
    controllerRef.current = controller;
  });

  // Checked keys. Kept when a suggestion leaves the list (accepted in the article, dismissed)
  // so the rest of the selection survives; only those still offered count or are accepted.
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set());
  const chosen = useMemo(
    () => suggestions.filter((s) => checked.has(s.key)).map((s) => s.key),
    [suggestions, checked],
  );
  const [busy, setBusy] = useState(false);
  const toggle = useCallback(
    (key: string) =>
      setChecked((previous) => {
        const next = new Set(previous);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    [],
  );

  const { scrollRef, virtualizer } = useVirtualRows<HTMLDivElement>({
    count: suggestions.length,
    keyOf: (index) => suggestions[index]!.key,
    estimatedHeight: ESTIMATED_ROW_HEIGHT,
    overscan: 6,
  });
  const currentIndex =
    currentKey === null ? -1 : suggestions.findIndex((s) => s.key === currentKey);
  useEffect(() => {
    if (currentIndex !== -1) virtualizer.scrollToIndex(currentIndex, { align: 'auto' });
  }, [currentIndex, virtualizer]);

  // After "Accept" or "Dismiss" the row leaves; the focus goes to the same button of the next
  // row (or the heading) once it has, rather than to the page.
  const pendingFocus = useRef<{ removed: string; next: string | null; action: string } | null>(
    null,
  );
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || suggestions.some((s) => s.key === pending.removed)) return;
    pendingFocus.current = null;
    const row = pending.next
      ? panelRef.current?.querySelector<HTMLElement>(
          `[data-suggestion-row="${CSS.escape(pending.next)}"]`,
        )
      : null;
    const button = row?.querySelector<HTMLElement>(`[data-action="${pending.action}"]`);
    (button || headingRef.current)?.focus();
  });
  const suggestionsRef = useRef(suggestions);
  useEffect(() => {
    suggestionsRef.current = suggestions;
  });
  const act = useCallback((key: string, action: 'accept' | 'dismiss') => {
    const list = suggestionsRef.current;
    const index = list.findIndex((s) => s.key === key);
    const next = list[index + 1] ?? list[index - 1] ?? null;
    pendingFocus.current = { removed: key, next: next?.key ?? null, action };
    const done =
      action === 'accept'
        ? controllerRef.current.accept([key])
        : controllerRef.current.dismiss(key);
    // Not done (it failed, and the controller said why; or it was already under way): the row
    // stays, and the focus must not jump here later when the suggestion leaves some other way.
    const forget = () => {
      if (pendingFocus.current?.removed === key) pendingFocus.current = null;
    };
    done.then((made) => made || forget(), forget);
  }, []);
  const show = useCallback((key: string) => controllerRef.current.show(key), []);

  const acceptSelected = async () => {
    if (chosen.length === 0) return;
    const keys = chosen; // text order, as the list is
    setBusy(true);
    try {
      // Not made: the controller told the user what failed; the selection stays for another try.
      if (!(await controller.accept(keys))) return;
      setChecked((previous) => new Set([...previous].filter((key) => !keys.includes(key))));
      // The button is disabled now that nothing is selected: the focus goes somewhere sure.
      headingRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  if (!controller.enabled) return null;
  const allChecked = suggestions.length > 0 && chosen.length === suggestions.length;

  return (
    <section ref={panelRef} className="sg-panel" aria-labelledby={headingId}>
      <h3 ref={headingRef} id={headingId} className="sg-heading" tabIndex={-1}>
        Suggested claims
      </h3>
      {/* Quiet: the toolbar's status, the same words, is the live region. */}
      <p className="sb-count sg-status" data-status={controller.status}>
        {suggestionsStatusText(controller)}
      </p>
      {suggestions.length > 0 && (
        <>
          <div className="sg-bulk" role="group" aria-label="Selected suggestions">
            <button
              type="button"
              className="sb-small"
              disabled={allChecked}
              onClick={() => setChecked(new Set(suggestions.map((s) => s.key)))}
            >
              Select all
            </button>
            <button
              type="button"
              className="sb-small"
              disabled={chosen.length === 0}
              onClick={() => setChecked(new Set())}
            >
              Select none
            </button>
            <button
              type="button"
              className="sb-small sb-primary"
              disabled={chosen.length === 0 || busy}
              onClick={() => void acceptSelected()}
            >
              Accept selected ({chosen.length})
            </button>
          </div>
          <div ref={scrollRef} className="sg-scroll">
            <ol
              className="sg-list"
              aria-label="Suggestions in text order"
              style={{ height: virtualizer.getTotalSize() }}
            >
              {virtualizer.getVirtualItems().map((item) => {
                const suggestion = suggestions[item.index]!;
                return (
                  <li
                    key={item.key}
                    ref={virtualizer.measureElement}
                    data-index={item.index}
                    className="sg-item"
                    aria-setsize={suggestions.length}
                    aria-posinset={item.index + 1}
                    style={{ transform: `translateY(${item.start}px)` }}
                  >
                    <SuggestionRow
                      suggestion={suggestion}
                      current={suggestion.key === currentKey}
                      checked={checked.has(suggestion.key)}
                      onToggle={toggle}
                      onShow={show}
                      onAct={act}
                    />
                  </li>
                );
              })}
            </ol>
          </div>
        </>
      )}
    </section>
  );
}

interface SuggestionRowProps {
  readonly suggestion: ClaimSuggestion;
  readonly current: boolean;
  readonly checked: boolean;
  readonly onToggle: (key: string) => void;
  readonly onShow: (key: string) => void;
  readonly onAct: (key: string, action: 'accept' | 'dismiss') => void;
}

/** One suggestion: its checkbox, what it is, and what can be done with it. */
const SuggestionRow = memo(function SuggestionRow(props: SuggestionRowProps) {
  const { suggestion, current } = props;
  const { key } = suggestion;
  const name = nameSuggestion(suggestion);
  return (
    <div
      className="sg-row"
      data-suggestion-row={key}
      data-current={current || undefined}
      aria-current={current || undefined}
    >
      <input
        type="checkbox"
        className="sg-check"
        checked={props.checked}
        aria-label={name}
        onChange={() => props.onToggle(key)}
      />
      <div className="sg-body">
        <p className="sb-meta">
          <span className="sb-badge sb-type">{suggestion.type}</span>
          <span className={suggestion.speaker ? 'sb-speaker' : 'sg-unknown'}>
            {suggestion.speaker ?? 'unknown speaker'}
          </span>
          <span className="sg-cue" title="The words that attribute it">
            “{suggestion.cue.text}”
          </span>
          {current && <span className="sg-current">Current</span>}
        </p>
        <p className="sg-quote">{suggestion.quote}</p>
        <div className="sb-actions sg-actions">
          <button
            type="button"
            className="sb-small"
            data-action="show"
            aria-label={`Show ${name}`}
            onClick={() => props.onShow(key)}
          >
            Show
          </button>
          <button
            type="button"
            className="sb-small"
            data-action="accept"
            aria-label={`Accept ${name}`}
            onClick={() => props.onAct(key, 'accept')}
          >
            Accept
          </button>
          <button
            type="button"
            className="sb-small"
            data-action="dismiss"
            aria-label={`Dismiss ${name}`}
            onClick={() => props.onAct(key, 'dismiss')}
          >
            Dismiss
          </button>
        </div>
      </div>
    </div>
  );
});
