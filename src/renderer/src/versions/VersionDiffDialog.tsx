/**
 * The differences between two versions of an article: pick "From" and "To", see how many
 * paragraphs and words changed, and only the changed paragraphs, removed words struck and
 * inserted ones underlined. "Previous change" / "Next change" (or P / N, K / J, Alt+↑ / Alt+↓)
 * move between them; "Show in article" closes the dialog and goes to the change in the reader.
 *
 * A book's diff can hold thousands of changes, so only the ones on screen are rendered
 * (use-virtual-rows); moving to a change scrolls the list there first, then focuses it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Client } from '../../../shared/contract/operations';
import type { VersionSummary } from '../../../shared/contract/versions';
import { Dialog } from '../components/Dialog';
import { useVirtualRows } from '../components/use-virtual-rows';
import { DiffChange } from './version-diff-change';
import { useVersionDiff } from './version-diff-load';
import { changePosition, diffCountText, diffVersionLabel } from './version-diff-text';

export interface VersionDiffDialogProps {
  readonly client: Pick<Client, 'diffVersions'>;
  readonly articleId: string;
  readonly versions: readonly VersionSummary[];
  /** The version numbers compared first (the user can pick others). */
  readonly from: number;
  readonly to: number;
  readonly onClose: () => void;
  /** Goes to a canonical offset of the current text in the reader. */
  readonly onJump?: (toOffset: number) => void;
}

const ESTIMATED_CHANGE_HEIGHT = 120;
/** Frames to wait for a change scrolled to to be rendered before focusing it. */
const FOCUS_TRIES = 10;

const NEXT_KEYS = new Set(['n', 'j']);
const PREVIOUS_KEYS = new Set(['p', 'k']);

export function VersionDiffDialog(props: VersionDiffDialogProps) {
  const { client, articleId, versions, onClose, onJump } = props;
  const baseId = useId();
  const [from, setFrom] = useState(props.from);
  const [to, setTo] = useState(props.to);
  const load = useVersionDiff(client, articleId, from, to);
  const changes = load.status === 'ready' ? load.diff.changes : [];
  const total = changes.length;
  const [current, setCurrent] = useState(-1);
  const [focusRequest, setFocusRequest] = useState(0);
  const { scrollRef, virtualizer } = useVirtualRows<HTMLDivElement>({
    count: total,
    keyOf: (index) => `${from}-${to}-${index}`,
    estimatedHeight: ESTIMATED_CHANGE_HEIGHT,
    overscan: 3,
  });

  // After a move: scroll the list to the change, and focus it once it is rendered.
  useEffect(() => {
    if (focusRequest === 0 || current < 0) return;
    virtualizer.scrollToIndex(current, { align: 'start' });
    let tries = 0;
    let frame = 0;
    const focus = () => {
      const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${current}"]`);
      if (row) row.focus({ preventScroll: true });
      else if (++tries < FOCUS_TRIES) frame = requestAnimationFrame(focus);
    };
    frame = requestAnimationFrame(focus);
    return () => cancelAnimationFrame(frame);
    // Only a new request moves focus; the virtualizer changes on every scroll.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  const move = (step: 1 | -1) => {
    if (total === 0) return;
    const next = current < 0 ? (step === 1 ? 0 : total - 1) : current + step;
    if (next < 0 || next >= total) return;
    setCurrent(next);
    setFocusRequest((n) => n + 1);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target;
    if (
      target instanceof HTMLSelectElement ||
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement ||
      event.ctrlKey ||
      event.metaKey
    ) {
      return;
    }
    const key = event.key.toLowerCase();
    let step: 1 | -1 | 0 = 0;
    if (event.altKey) {
      if (event.key === 'ArrowDown') step = 1;
      else if (event.key === 'ArrowUp') step = -1;
    } else if (!event.shiftKey && NEXT_KEYS.has(key)) step = 1;
    else if (!event.shiftKey && PREVIOUS_KEYS.has(key)) step = -1;
    if (step === 0) return;
    event.preventDefault();
    move(step);
  };

  // The keys work wherever focus is in the dialog, its Close button too (outside this content):
  // a listener on the dialog element, which runs before the dialog's own key handling.
  const contentRef = useRef<HTMLDivElement>(null);
  const keyHandler = useRef(onKeyDown);
  useEffect(() => {
    keyHandler.current = onKeyDown;
  });
  useEffect(() => {
    const dialog = contentRef.current?.closest<HTMLElement>('[role="dialog"]');
    if (!dialog) return;
    const listener = (event: KeyboardEvent) => keyHandler.current(event);
    dialog.addEventListener('keydown', listener);
    return () => dialog.removeEventListener('keydown', listener);
  }, []);

  // "Show in article" goes to an offset of the current text: only a diff into it has those.
  const toIsCurrent = versions.find((v) => v.number === to)?.current ?? false;
  const show = (toOffset: number) => {
    onJump?.(toOffset);
    onClose();
  };

  const versionSelect = (label: string, value: number, onChange: (n: number) => void) => (
    <div className="version-diff-pick">
      <label htmlFor={`${baseId}-${label}`}>{label}</label>
      <select
        id={`${baseId}-${label}`}
        value={value}
        onChange={(event) => {
          // A new pair of versions starts again before the first change.
          setCurrent(-1);
          onChange(Number(event.target.value));
        }}
      >
        {versions.map((version) => (
          <option key={version.number} value={version.number}>
            {diffVersionLabel(version)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <Dialog title="Changes between versions" onClose={onClose} className="version-diff-dialog">
      <div ref={contentRef} className="version-diff">
        <div className="version-diff-picks">
          {versionSelect('From', from, setFrom)}
          {versionSelect('To', to, setTo)}
        </div>
        {load.status === 'loading' && (
          <p className="version-diff-loading" role="status">
            Comparing the versions…
          </p>
        )}
        {load.status === 'failed' && (
          <p className="dialog-error" role="alert">
            The changes could not be shown: {load.message}
          </p>
        )}
        {load.status === 'ready' && (
          <>
            <p className="version-diff-count" role="status">
              {diffCountText(total, load.diff.wordsRemoved, load.diff.wordsInserted)}
            </p>
            {total === 0 ? (
              <p className="version-diff-none">These versions read the same.</p>
            ) : (
              <div className="version-diff-nav">
                <button type="button" onClick={() => move(-1)} disabled={current <= 0}>
                  Previous change
                </button>
                <button type="button" onClick={() => move(1)} disabled={current >= total - 1}>
                  Next change
                </button>
                <span className="version-diff-position" aria-live="polite">
                  {current >= 0 ? changePosition(current, total) : ''}
                </span>
                <span className="hint version-diff-keys">N / P to move between changes</span>
              </div>
            )}
          </>
        )}
        <div
          ref={scrollRef}
          className="version-diff-list"
          role="list"
          aria-label="Changed paragraphs"
          hidden={total === 0}
        >
          <div className="version-diff-rows" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const change = changes[item.index]!;
              const headingId = `${baseId}-change-${item.index}`;
              return (
                <div
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  role="listitem"
                  aria-labelledby={headingId}
                  aria-posinset={item.index + 1}
                  aria-setsize={total}
                  tabIndex={-1}
                  className="version-diff-row"
                  style={{ transform: `translateY(${item.start}px)` }}
                  onFocus={(event) => {
                    if (event.target === event.currentTarget) setCurrent(item.index);
                  }}
                >
                  <DiffChange
                    change={change}
                    index={item.index}
                    total={total}
                    current={item.index === current}
                    headingId={headingId}
                    onShow={onJump && toIsCurrent ? () => show(change.toOffset) : undefined}
                  />
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </Dialog>
  );
}
