/**
 * Re-attaching an orphan: "Re-attach…" on its card starts a mode in which the user selects the
 * new words in the article (with the mouse, or Shift+arrows) and presses "Re-attach here" (in
 * the selection toolbar or the prompt above the article) or Enter; Escape or Cancel ends it.
 * The selection is described exactly as a new highlight's is, and the change is one step of the
 * article's undo history.
 */
import { useCallback, useEffect, useState } from 'react';
import { describeRange } from '../../../shared/anchoring/selectors';
import { excerpt } from '../../../shared/annotations/wording';
import type { ArticleView } from '../reader/article-view';
import { selectedRange } from '../reader/selection';
import { useAnnotation } from '../store/hooks';
import type { AnnotationActions } from './annotation-actions';

export const REATTACH_INSTRUCTIONS =
  'Select the new words for this note, then press Re-attach here — Esc cancels';

export interface OrphanReattachOptions {
  readonly view: ArticleView | null;
  readonly actions: Pick<AnnotationActions, 'reattach'>;
  readonly announce: (message: string) => void;
  /** Ends the selection once it is used. */
  readonly collapse: () => void;
  /** After a re-attach: show the annotation at its new place. */
  readonly onReattached: (id: string) => void;
}

export interface OrphanReattach {
  /** The annotation waiting for new words, or null when not re-attaching. */
  readonly reattachingId: string | null;
  start(id: string): void;
  cancel(): void;
  /** Re-attaches the waiting annotation to the selection (says so when nothing is selected). */
  reattachSelection(): Promise<void>;
}

export function useOrphanReattach(options: OrphanReattachOptions): OrphanReattach {
  const { view, actions, announce, collapse, onReattached } = options;
  const [reattachingId, setReattachingId] = useState<string | null>(null);

  const start = useCallback(
    (id: string) => {
      setReattachingId(id);
      announce(REATTACH_INSTRUCTIONS);
    },
    [announce],
  );
  const cancel = useCallback(() => {
    setReattachingId(null);
    announce('Re-attach cancelled');
  }, [announce]);

  const reattachSelection = useCallback(async () => {
    const id = reattachingId;
    if (id === null || !view) return;
    const range = selectedRange(view.view, view.map);
    if (!range) {
      announce('Select the new words in the article first');
      return;
    }
    const made = await actions.reattach(id, describeRange(view.map.text, range.start, range.end));
    if (!made) return; // the error was reported; the mode stays for another try
    setReattachingId(null);
    collapse();
    announce('Re-attached');
    onReattached(id);
  }, [actions, announce, collapse, onReattached, reattachingId, view]);

  // Escape ends the mode before anything else hears it (a card, the find bar, the reader); Enter
  // in the article (where Shift+arrows select) re-attaches to the selection.
  useEffect(() => {
    if (reattachingId === null) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const bare = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
      const inArticle = event.target instanceof Element && !!event.target.closest('.article-body');
      if (event.key === 'Enter' && bare && inArticle) {
        event.preventDefault();
        event.stopPropagation();
        void reattachSelection();
        return;
      }
      if (event.key !== 'Escape') return;
      // A dialog open over the reader (the diff, an export) closes first.
      if (event.target instanceof Element && event.target.closest('[role="dialog"]')) return;
      event.preventDefault();
      event.stopPropagation();
      cancel();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [cancel, reattachSelection, reattachingId]);

  return { reattachingId, start, cancel, reattachSelection };
}

/** The prompt for the annotation `reattach` is waiting for, if any, read from the store. */
export function OpenReattachPrompt({ reattach }: { readonly reattach: OrphanReattach }) {
  const { reattachingId } = reattach;
  if (reattachingId === null) return null;
  return <StoredReattachPrompt id={reattachingId} reattach={reattach} />;
}

function StoredReattachPrompt(props: { readonly id: string; readonly reattach: OrphanReattach }) {
  const annotation = useAnnotation(props.id);
  const { reattach } = props;
  return (
    <ReattachPrompt
      quote={annotation ? (annotation.originalQuote ?? annotation.quote.exact) : ''}
      onReattach={() => void reattach.reattachSelection()}
      onCancel={reattach.cancel}
    />
  );
}

export interface ReattachPromptProps {
  /** The orphan's words as annotated. */
  readonly quote: string;
  readonly onReattach: () => void;
  readonly onCancel: () => void;
}

/** The prompt shown while re-attaching: what to do, and the two ways out. */
export function ReattachPrompt({ quote, onReattach, onCancel }: ReattachPromptProps) {
  return (
    <div className="reattach-prompt" role="group" aria-label="Re-attach annotation">
      <p className="reattach-prompt-text">
        <span className="reattach-prompt-quote">Re-attaching “{excerpt(quote, 60)}”.</span>{' '}
        {REATTACH_INSTRUCTIONS}
      </p>
      <div className="reattach-prompt-actions">
        {/* mousedown cancelled: pressing the button must not take the selection away */}
        <button
          type="button"
          className="reattach-prompt-primary"
          onMouseDown={(event) => event.preventDefault()}
          onClick={onReattach}
        >
          Re-attach here
        </button>
        <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
