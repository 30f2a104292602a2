/**
 * Find in article, the working part, free of React: searches the open article's canonical text
 * (folded once per set of options and kept), draws the matches through the find plugin, moves
 * between them and scrolls the current one into view.
 */
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { offsetToPos, type TextMap } from '../../../../shared/document/canonical-text';
import {
  findState,
  setCurrentTransaction,
  setMatchesTransaction,
  setWindowTransaction,
  WINDOW_AFTER,
  WINDOW_BEFORE,
  windowAround,
} from './find-plugin';
import {
  findInFolded,
  foldQuery,
  foldText,
  type FindOptions,
  type FoldedText,
  type TextMatch,
} from './find-text';

export interface FindResult {
  readonly count: number;
  /** Index of the current match, or -1. */
  readonly current: number;
}

export interface FindController {
  /** Folds the text for `options` now, so the first search need not. */
  prepare(options: FindOptions): void;
  /** Finds every match; the current one is the first at or after `fromOffset` (wrapping). */
  search(query: string, options: FindOptions, fromOffset?: number): FindResult;
  /** Moves to the next (1) or previous (-1) match, wrapping round, and scrolls to it. */
  step(direction: 1 | -1): FindResult;
  /** The current match, if any. */
  current(): TextMatch | null;
  /** Removes every match drawn. */
  clear(): void;
  /** The reader scrolled to `topOffset`: draws the matches there if they are not drawn yet. */
  follow(topOffset: number): void;
  /** Puts the caret at the current match (or leaves it) and focuses the text. */
  focusText(): void;
}

const optionsKey = (options: FindOptions) => `${options.matchCase}:${options.matchAccents}`;

export function createFindController(view: EditorView, map: TextMap): FindController {
  const folds = new Map<string, FoldedText>();
  const folded = (options: FindOptions) => {
    const key = optionsKey(options);
    let text = folds.get(key);
    if (!text) {
      text = foldText(map.text, options);
      folds.set(key, text);
    }
    return text;
  };
  const result = (): FindResult => {
    const { matches, current } = findState(view.state);
    return { count: matches.length, current };
  };
  const reveal = () => {
    // The decoration is drawn by now (dispatch updates the DOM synchronously).
    const element = view.dom.querySelector<HTMLElement>('[data-find-current]');
    element?.scrollIntoView({ block: 'center' });
  };

  return {
    prepare(options) {
      folded(options);
    },
    search(query, options, fromOffset = 0) {
      const matches = findInFolded(folded(options), foldQuery(query, options));
      // From the start of the paragraph at `fromOffset`: its first line may be only half in view.
      const block = map.blocks.findLast((b) => b.start <= fromOffset);
      const from = block ? block.start : 0;
      let current = matches.findIndex((m) => m.start >= from);
      if (current === -1) current = matches.length > 0 ? 0 : -1;
      const around = matches[current]?.start ?? from;
      view.dispatch(setMatchesTransaction(view.state, matches, current, windowAround(around)));
      if (current !== -1) reveal();
      return result();
    },
    step(direction) {
      const { matches, current } = findState(view.state);
      if (matches.length === 0) return result();
      const next = (current + direction + matches.length) % matches.length;
      view.dispatch(setCurrentTransaction(view.state, next));
      reveal();
      return result();
    },
    current() {
      const { matches, current } = findState(view.state);
      return matches[current] ?? null;
    },
    clear() {
      if (findState(view.state).matches.length === 0) return;
      view.dispatch(setMatchesTransaction(view.state, [], -1, windowAround(0)));
    },
    follow(topOffset) {
      const { matches, window } = findState(view.state);
      if (matches.length === 0) return;
      // Redrawn only when the screen comes near an edge of the window, not on every scroll.
      const margin = WINDOW_BEFORE / 2;
      const nearTop = topOffset < window.start + margin && window.start > 0;
      const nearBottom = topOffset > window.end - WINDOW_AFTER / 2;
      if (nearTop || nearBottom)
        view.dispatch(setWindowTransaction(view.state, windowAround(topOffset)));
    },
    focusText() {
      const match = this.current();
      view.focus();
      if (match) {
        const pos = offsetToPos(map, match.start, 1);
        view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)));
      }
    },
  };
}
