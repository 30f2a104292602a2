/**
 * The reader's ProseMirror view, with the highlight plugin. The text can be selected with the
 * mouse or, since the view keeps a caret, with Shift+arrows; it can never be changed: every
 * transaction that would touch the document is refused and input events are swallowed. Kept free
 * of React so view tests can drive it directly.
 */
import { Node } from 'prosemirror-model';
import { EditorState, Plugin, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { DocumentJson } from '../../../shared/contract/entities';
import {
  buildTextMap,
  offsetToPos,
  posToOffset,
  type TextMap,
} from '../../../shared/document/canonical-text';
import { articleSchema } from '../../../shared/document/schema';
import { findPlugin } from './find/find-plugin';
import {
  followTransaction,
  suggestionPlugin,
  suggestionsTransaction,
  type DrawnSuggestion,
} from '../suggestions/suggestion-plugin';
import { centreOffset, flashRange, searchFlashPlugin } from './search-flash';
import {
  highlightPlugin,
  highlightTransaction,
  type HighlightAction,
  type HighlightSpec,
} from './highlight-plugin';

export interface ArticleView {
  readonly view: EditorView;
  readonly map: TextMap;
  /** Adds and removes highlights in one transaction; nothing else is redrawn. */
  applyHighlights(action: HighlightAction): void;
  /** Scrolls the highlight into view and flashes it; answers whether it is drawn. */
  revealHighlight(id: string): boolean;
  /**
   * Draws the suggested claims (`list`, canonical offsets) with `currentKey` current, in one
   * transaction; the same list again only moves the current mark.
   */
  applySuggestions(list: readonly DrawnSuggestion[], currentKey: string | null): void;
  /** Scrolls a drawn suggestion into view (to the middle); answers whether it is drawn. */
  revealSuggestion(key: string): boolean;
  /** The reader scrolled to `topOffset`: draws the suggestions there if they are not yet. */
  followSuggestions(topOffset: number): void;
  /** Canonical offset of the text at the top of `scroller`'s visible area. */
  topOffset(scroller: HTMLElement): number;
  /** Scrolls `scroller` so the text at `offset` is at its top. */
  scrollToOffset(scroller: HTMLElement, offset: number): void;
  /**
   * Scrolls the canonical range [start, end) to the middle of `scroller` and flashes it (a
   * search match); answers whether it was drawn.
   */
  revealMatch(scroller: HTMLElement, start: number, end: number): boolean;
  /**
   * Collapses the selection to its end, in the view's state as well as the DOM: ProseMirror
   * would otherwise put a selection the user has finished with back on the next redraw.
   */
  collapseSelection(): void;
  destroy(): void;
}

export interface ArticleViewOptions {
  /** Called with the innermost highlight clicked (a plain click, not the end of a selection). */
  readonly onHighlightClick?: (id: string) => void;
  /** Highlights drawn from the first paint. */
  readonly highlights?: readonly HighlightSpec[];
}

/** Refuses any change to the document: the reader reads, it never edits. */
const readOnly = new Plugin({
  filterTransaction: (tr) => !tr.docChanged,
  props: {
    handleTextInput: () => true,
    handlePaste: () => true,
    handleDrop: () => true,
    handleDOMEvents: {
      beforeinput: (_view, event) => {
        event.preventDefault();
        return true;
      },
      cut: (_view, event) => {
        event.preventDefault();
        return true;
      },
    },
  },
});

const FLASH_MS = 1200;

export function createArticleView(
  mount: HTMLElement,
  document: DocumentJson,
  options: ArticleViewOptions = {},
): ArticleView {
  const doc = Node.fromJSON(articleSchema, document);
  const map = buildTextMap(doc);
  const view = new EditorView(mount, {
    state: EditorState.create({
      doc,
      plugins: [
        readOnly,
        highlightPlugin(map, options.highlights),
        findPlugin(map),
        suggestionPlugin(map),
        searchFlashPlugin(),
      ],
    }),
    attributes: {
      class: 'article-body',
      'aria-label': 'Article text',
      role: 'document',
      'aria-readonly': 'true',
      spellcheck: 'false',
      autocorrect: 'off',
      autocapitalize: 'off',
      translate: 'no',
    },
  });

  const onClick = (event: MouseEvent) => {
    const selection = view.dom.ownerDocument.getSelection();
    if (selection && !selection.isCollapsed) return; // the end of a selection, not a click
    const target = event.target as Element | null;
    const mark = target?.closest?.('mark[data-annotation-id]');
    if (mark) {
      options.onHighlightClick?.(mark.getAttribute('data-annotation-id')!);
      return;
    }
    // Links in an editable view are not followed by the browser: open them (in a new window,
    // which the desktop app hands to the system browser).
    const link = target?.closest?.('a[href]');
    if (link && !event.defaultPrevented) {
      event.preventDefault();
      window.open(link.getAttribute('href')!, '_blank', 'noopener,noreferrer');
    }
  };
  view.dom.addEventListener('click', onClick);

  return {
    view,
    map,
    applyHighlights(action) {
      if (!action.add?.length && !action.remove?.length) return;
      view.dispatch(highlightTransaction(view.state, action));
    },
    revealHighlight(id) {
      const marks = view.dom.querySelectorAll<HTMLElement>(
        `mark[data-annotation-id="${CSS.escape(id)}"]`,
      );
      const first = marks[0];
      if (!first) return false;
      first.scrollIntoView({ block: 'center', behavior: 'smooth' });
      for (const mark of marks) {
        mark.classList.remove('flash');
        void mark.offsetWidth; // restart the animation
        mark.classList.add('flash');
        setTimeout(() => mark.classList.remove('flash'), FLASH_MS);
      }
      return true;
    },
    applySuggestions(list, currentKey) {
      // Where the reader is, for a new list's window: the top of the text on screen.
      const around = () => {
        const box = view.dom.getBoundingClientRect();
        const top = Math.min(Math.max(box.top, 0) + 4, box.bottom - 1);
        const found = view.posAtCoords({ left: box.left + 8, top });
        return found ? posToOffset(map, found.pos) : 0;
      };
      const tr = suggestionsTransaction(view.state, list, currentKey, around);
      if (tr) view.dispatch(tr);
    },
    followSuggestions(topOffset) {
      const tr = followTransaction(view.state, topOffset);
      if (tr) view.dispatch(tr);
    },
    revealSuggestion(key) {
      const first = view.dom.querySelector<HTMLElement>(
        `span.claim-suggestion[data-suggestion-key="${CSS.escape(key)}"]`,
      );
      if (!first) return false;
      const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      first.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
      return true;
    },
    topOffset(scroller) {
      const box = view.dom.getBoundingClientRect();
      const top = Math.max(box.top, scroller.getBoundingClientRect().top) + 4;
      const found = view.posAtCoords({ left: box.left + 8, top });
      return found ? posToOffset(map, found.pos) : 0;
    },
    scrollToOffset(scroller, offset) {
      const pos = offsetToPos(map, Math.min(offset, map.text.length), 1);
      // Bring the block in first, then line the text up exactly (coordinates of a block far off
      // screen may be estimates until it has been laid out).
      const { node } = view.domAtPos(pos);
      const block = node instanceof Element ? node : node.parentElement;
      block
        ?.closest('p, h1, h2, h3, h4, h5, h6, li, blockquote, pre')
        ?.scrollIntoView({ block: 'start' });
      const coords = view.coordsAtPos(pos);
      scroller.scrollTop += coords.top - scroller.getBoundingClientRect().top - 8;
    },
    revealMatch(scroller, start, end) {
      centreOffset(view, map, scroller, start);
      return flashRange(view, map, start, end) !== null;
    },
    collapseSelection() {
      const { state } = view;
      view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, state.selection.to)));
      view.dom.ownerDocument.getSelection()?.collapseToEnd();
    },
    destroy() {
      view.dom.removeEventListener('click', onClick);
      view.destroy();
    },
  };
}
