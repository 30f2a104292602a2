/** The reader's part of the keymap: what each of its commands does here, and when it applies. */
import { flushSync } from 'react-dom';
import type { HighlightColor } from '../../../../shared/contract/entities';
import type { FocusField } from '../../annotations/AnnotationEditor';
import { useCommand } from '../../commands/registry';
import type { ArticleSelectionApi } from './use-article-selection';

export interface ReaderCommandsOptions {
  readonly selection: ArticleSelectionApi;
  readonly lastColor: HighlightColor;
  readonly annotateSelection: (
    color: HighlightColor,
    field: FocusField | null,
    asClaim?: boolean,
  ) => Promise<void>;
  readonly move: (step: 1 | -1) => void;
  readonly undo: () => void;
  readonly redo: () => void;
  /** Closes the innermost open thing (the open card, then the claims view); false if none. */
  readonly close: () => boolean;
}

const fromArticle = (event: KeyboardEvent) =>
  event.target instanceof Element && !!event.target.closest('.article-body');

export function useReaderCommands(options: ReaderCommandsOptions): void {
  const { selection, lastColor, annotateSelection, move, undo, redo, close } = options;
  // Each reads the selection at the key press: the selectionchange may not have run yet.
  const withSelection =
    (field: FocusField | null, asClaim = false) =>
    () => {
      if (!selection.read()) return false;
      void annotateSelection(lastColor, field, asClaim);
    };
  useCommand('highlight', withSelection(null));
  useCommand('note', withSelection('note'));
  useCommand('tag', withSelection('tags'));
  useCommand('claim', withSelection('claim', true));
  useCommand('selection-toolbar', (event) => {
    const current = selection.read();
    if (event.shiftKey || !fromArticle(event) || !current) return false;
    // Show the toolbar now, even if the selectionchange that would has not run yet.
    flushSync(() => selection.show(current));
    const toolbar = document.querySelector('[role="toolbar"][aria-label="Selection"]');
    const first = toolbar?.querySelector<HTMLElement>('button[tabindex="0"], button');
    if (!first) return false;
    first.focus();
  });
  useCommand('next-annotation', () => move(1));
  useCommand('previous-annotation', () => move(-1));
  useCommand('undo', () => undo());
  useCommand('redo', () => redo());
  useCommand('close', () => {
    if (selection.selection) selection.collapse();
    else return close();
  });
}
