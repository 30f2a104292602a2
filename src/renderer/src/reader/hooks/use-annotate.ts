/**
 * The reader's two feature verbs: annotate the selection (highlight, and open its note, tags or
 * claim), and move between annotations in document order.
 */
import { useCallback, useState } from 'react';
import { describeRange } from '../../../../shared/anchoring/selectors';
import type { HighlightColor } from '../../../../shared/contract/entities';
import type { AnnotationActions } from '../../annotations/annotation-actions';
import type { FocusField } from '../../annotations/AnnotationEditor';
import type { RendererStore } from '../../store/renderer-store';
import type { ArticleView } from '../article-view';
import { selectedRange } from '../selection';

export interface AnnotateOptions {
  readonly view: ArticleView | null;
  readonly actions: AnnotationActions;
  readonly store: RendererStore;
  /** Opens a card (null closes it), focusing `field`. */
  readonly activate: (id: string | null, field?: FocusField | null) => void;
  readonly activeId: string | null;
  /** Scrolls the article to an annotation's passage and flashes it. */
  readonly jump: (id: string) => void;
  readonly afterAnnotate: () => void;
  readonly announce: (message: string) => void;
}

export function useAnnotate(options: AnnotateOptions) {
  const { view, actions, store, activate, activeId, jump, afterAnnotate, announce } = options;
  const [lastColor, setLastColor] = useState<HighlightColor>('yellow');

  /** Makes an annotation of the current selection and opens it, focusing `field`. */
  const annotateSelection = useCallback(
    async (color: HighlightColor, field: FocusField | null, asClaim = false) => {
      if (!view) return;
      const range = selectedRange(view.view, view.map);
      if (!range) return;
      const created = await actions.create({
        ...describeRange(view.map.text, range.start, range.end),
        color,
        ...(asClaim ? { claim: { type: 'assertion', speaker: null, status: 'unverified' } } : {}),
      });
      if (!created) return;
      setLastColor(color);
      afterAnnotate();
      announce(asClaim ? 'Claim marked' : 'Highlighted');
      if (field) activate(created.id, field);
    },
    [actions, activate, afterAnnotate, announce, view],
  );

  /** Opens the next (1) or previous (-1) annotation in document order and shows its passage. */
  const move = useCallback(
    (step: 1 | -1) => {
      const { order } = store.getState().annotations;
      if (order.length === 0) return;
      const index = activeId === null ? -1 : order.indexOf(activeId);
      const next =
        index === -1
          ? step === 1
            ? 0
            : order.length - 1
          : Math.min(order.length - 1, Math.max(0, index + step));
      const target = order[next]!;
      activate(target);
      jump(target);
    },
    [activate, activeId, jump, store],
  );

  return { annotateSelection, move, lastColor };
}
