/**
 * The keys of suggested claims: Tab / Shift+Tab move between them, A accepts, X dismisses, E
 * edits. They apply while suggestions are on and the focus is in the article or nowhere in
 * particular; with text selected, Tab keeps its meaning (the selection toolbar). At the last
 * suggestion Tab (and at the first, Shift+Tab) passes on, so the keyboard can still leave the
 * article.
 *
 * On a long text that is thousands of presses, so Esc lets go sooner: with a suggestion current
 * it clears it, and Tab and Shift+Tab then move the focus as usual until the user comes back to
 * the suggestions — by a click in the article, or a suggestion made current another way (the
 * list's "Show").
 */
import { useEffect, useRef } from 'react';
import { useCommand } from '../commands/registry';
import type { SuggestionsController } from './controller';

export interface SuggestionCommandsOptions {
  readonly controller: SuggestionsController;
  /**
   * False while the article is not what is shown (the claims view, an older version): the keys
   * then keep their usual meaning rather than accepting a suggestion nobody can see.
   */
  readonly active?: boolean;
  /** True while text is selected in the article. */
  readonly hasSelection: () => boolean;
  /** Says something to screen readers. */
  readonly announce?: (message: string) => void;
}

/** The article, or no particular element (the page itself). */
function fromReadingPlace(event: KeyboardEvent): boolean {
  const target = event.target;
  if (target === null || target === document.body || target === document.documentElement) {
    return true;
  }
  return target instanceof Element && !!target.closest('.article-body');
}

export function useSuggestionCommands({
  controller,
  active = true,
  hasSelection,
  announce,
}: SuggestionCommandsOptions) {
  const applies = (event: KeyboardEvent) =>
    active && controller.enabled && controller.suggestions.length > 0 && fromReadingPlace(event);

  // Esc let go of Tab; a suggestion current again, or a click in the article, takes it back.
  const released = useRef(false);
  const { currentKey } = controller;
  useEffect(() => {
    if (currentKey !== null) released.current = false;
  }, [currentKey]);
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Element && event.target.closest('.article-body')) {
        released.current = false;
      }
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, []);

  const tab = (step: 1 | -1) => (event: KeyboardEvent) => {
    // The keymap matches Tab whatever Shift says: each direction takes only its own.
    if (event.shiftKey !== (step === -1) || !applies(event) || hasSelection()) return false;
    if (released.current && controller.currentKey === null) return false;
    const { suggestions, currentKey } = controller;
    const at = currentKey === null ? -1 : suggestions.findIndex((s) => s.key === currentKey);
    if (at !== -1 && (step === 1 ? at === suggestions.length - 1 : at === 0)) return false;
    controller.move(step);
  };
  useCommand('next-suggestion', tab(1));
  useCommand('previous-suggestion', tab(-1));

  // Registered before the reader's own `close` (the reader calls this hook first), so Esc still
  // closes the selection toolbar, the card, the claims view and the find bar first.
  useCommand('close', (event) => {
    if (controller.currentKey === null || !applies(event)) return false;
    released.current = true;
    controller.clear();
    announce?.('Left the suggestions: Tab moves the focus');
  });

  const onCurrent = (run: (key: string) => Promise<boolean>) => (event: KeyboardEvent) => {
    const key = controller.currentKey;
    if (key === null || !applies(event)) return false;
    void run(key);
  };
  useCommand(
    'accept-suggestion',
    onCurrent((key) => controller.accept([key])),
  );
  useCommand(
    'dismiss-suggestion',
    onCurrent((key) => controller.dismiss(key)),
  );
  useCommand(
    'edit-suggestion',
    onCurrent((key) => controller.edit(key)),
  );
}
