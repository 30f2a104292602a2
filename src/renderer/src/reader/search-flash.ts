/**
 * The search match flash: when a search hit in the article's text is opened, the matched words
 * are drawn for a moment as an inline decoration (class `search-flash`; the CSS fades it out, or
 * with reduced motion just shows it), then taken away. One flash at a time; a new one replaces it.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { offsetToPos, type TextMap } from '../../../shared/document/canonical-text';

/** How long the decoration stays: a little longer than the CSS fade (1.5 s). */
export const SEARCH_FLASH_MS = 1600;

type FlashMeta = { readonly from: number; readonly to: number } | null;

export const searchFlashKey = new PluginKey<DecorationSet>('search-flash');

/** The flash each view shows now, ended early when another takes its place. */
const current = new WeakMap<EditorView, () => void>();

export function searchFlashPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: searchFlashKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr: Transaction, set: DecorationSet): DecorationSet {
        const meta = tr.getMeta(searchFlashKey) as FlashMeta | undefined;
        if (meta === undefined) return set.map(tr.mapping, tr.doc);
        if (meta === null) return DecorationSet.empty;
        return DecorationSet.create(tr.doc, [
          Decoration.inline(meta.from, meta.to, {
            class: 'search-flash',
            'data-search-flash': 'true',
          }),
        ]);
      },
    },
    props: {
      decorations: (state: EditorState) => searchFlashKey.getState(state),
    },
  });
}

/**
 * Flashes the canonical range [start, end) for `ms`; answers a function that ends it sooner, or
 * null when the range holds no text.
 */
export function flashRange(
  view: EditorView,
  map: TextMap,
  start: number,
  end: number,
  ms: number = SEARCH_FLASH_MS,
): (() => void) | null {
  const from = offsetToPos(map, Math.min(start, map.text.length), 1);
  const to = offsetToPos(map, Math.min(end, map.text.length), -1);
  if (to <= from) return null;
  current.get(view)?.();
  view.dispatch(view.state.tr.setMeta(searchFlashKey, { from, to } satisfies FlashMeta));
  let done = false;
  const clear = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    if (current.get(view) === clear) current.delete(view);
    if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(searchFlashKey, null));
  };
  const timer = setTimeout(clear, ms);
  current.set(view, clear);
  return clear;
}

/** Scrolls `scroller` so the text at canonical `offset` is in its middle. */
export function centreOffset(
  view: EditorView,
  map: TextMap,
  scroller: HTMLElement,
  offset: number,
): void {
  const pos = offsetToPos(map, Math.min(offset, map.text.length), 1);
  // Bring the block in first, then line the text up exactly (coordinates of a block far off
  // screen may be estimates until it has been laid out).
  const { node } = view.domAtPos(pos);
  const block = node instanceof Element ? node : node.parentElement;
  block
    ?.closest('p, h1, h2, h3, h4, h5, h6, li, blockquote, pre')
    ?.scrollIntoView({ block: 'center' });
  const coords = view.coordsAtPos(pos);
  const box = scroller.getBoundingClientRect();
  scroller.scrollTop += (coords.top + coords.bottom) / 2 - (box.top + box.height / 2);
}
