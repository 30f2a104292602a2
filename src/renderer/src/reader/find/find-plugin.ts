/**
 * Find in article, the drawing part: matches as inline decorations (class `find-match`), the
 * current one with `find-current` as well, held in plugin state and changed only by transactions
 * carrying this plugin's metadata; nothing else is redrawn.
 *
 * Only the matches in a window of the text around what is on screen are drawn (and the current
 * one, wherever it is): a common word has tens of thousands of matches in a long book, and drawing
 * them all splits nearly every paragraph (seconds on a 3 MB book, measured). The window follows
 * the reader's scrolling and the current match; every match is still counted and reachable.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { offsetToPos, type TextMap } from '../../../../shared/document/canonical-text';
import type { TextMatch } from './find-text';

/** A canonical range [start, end) whose matches are drawn. */
export interface DrawWindow {
  readonly start: number;
  readonly end: number;
}

/** How much text around a point is drawn: a few screens above it, more below. */
export const WINDOW_BEFORE = 20_000;
export const WINDOW_AFTER = 40_000;

/** The window drawn around canonical offset `at`. */
export function windowAround(at: number): DrawWindow {
  return { start: Math.max(0, at - WINDOW_BEFORE), end: at + WINDOW_AFTER };
}

export interface FindState {
  readonly matches: readonly TextMatch[];
  /** Index of the current match, or -1 when there is none. */
  readonly current: number;
  readonly window: DrawWindow;
  readonly decorations: DecorationSet;
}

type FindMeta =
  | {
      readonly type: 'matches';
      readonly matches: readonly TextMatch[];
      readonly current: number;
      readonly window: DrawWindow;
    }
  | { readonly type: 'current'; readonly current: number }
  | { readonly type: 'window'; readonly window: DrawWindow };

export const findKey = new PluginKey<FindState>('find');

const EMPTY: FindState = {
  matches: [],
  current: -1,
  window: { start: 0, end: 0 },
  decorations: DecorationSet.empty,
};

function rangeOf(map: TextMap, match: TextMatch): { from: number; to: number } {
  return { from: offsetToPos(map, match.start, 1), to: offsetToPos(map, match.end, -1) };
}

function decoration(map: TextMap, match: TextMatch, current: boolean): Decoration | null {
  const { from, to } = rangeOf(map, match);
  if (to <= from) return null;
  return Decoration.inline(
    from,
    to,
    current
      ? { class: 'find-match find-current', 'data-find-current': 'true' }
      : { class: 'find-match' },
    { current },
  );
}

/** Index of the first match ending after `offset` (matches are in order and do not overlap). */
function firstAfter(matches: readonly TextMatch[], offset: number): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const inWindow = (match: TextMatch, window: DrawWindow) =>
  match.end > window.start && match.start < window.end;

/** The state with the matches of `window` (and the current match) drawn, made afresh. */
function drawn(
  map: TextMap,
  doc: Node,
  matches: readonly TextMatch[],
  current: number,
  window: DrawWindow,
): FindState {
  const decorations: Decoration[] = [];
  const add = (index: number) => {
    const made = decoration(map, matches[index]!, index === current);
    if (made) decorations.push(made);
  };
  const first = firstAfter(matches, window.start);
  if (current !== -1 && current < first) add(current);
  let last = first;
  for (; last < matches.length && matches[last]!.start < window.end; last++) add(last);
  if (current >= last) add(current);
  return { matches, current, window, decorations: DecorationSet.create(doc, decorations) };
}

/** Moves the current mark from one match to another, changing only those two decorations. */
function swapCurrent(state: FindState, map: TextMap, doc: Node, next: number): FindState {
  let set = state.decorations;
  const redraw = (index: number, current: boolean) => {
    const match = state.matches[index];
    if (!match) return;
    const { from, to } = rangeOf(map, match);
    // Only this match's own decoration: a neighbour may touch the range at either end.
    const old = set
      .find(from, to, (spec) => (spec as { current: boolean }).current !== current)
      .filter((d) => d.from === from && d.to === to);
    set = set.remove(old);
    // A former current match outside the window is no longer drawn at all.
    if (!current && !inWindow(match, state.window)) return;
    const made = decoration(map, match, current);
    if (made) set = set.add(doc, [made]);
  };
  if (state.current !== -1) redraw(state.current, false);
  if (next !== -1) redraw(next, true);
  return { ...state, current: next, decorations: set };
}

export function findPlugin(map: TextMap): Plugin<FindState> {
  return new Plugin<FindState>({
    key: findKey,
    state: {
      init: () => EMPTY,
      apply(tr, state) {
        const meta = tr.getMeta(findKey) as FindMeta | undefined;
        if (!meta) {
          return tr.docChanged
            ? { ...state, decorations: state.decorations.map(tr.mapping, tr.doc) }
            : state;
        }
        switch (meta.type) {
          case 'matches':
            return drawn(map, tr.doc, meta.matches, meta.current, meta.window);
          case 'window':
            return drawn(map, tr.doc, state.matches, state.current, meta.window);
          case 'current': {
            const match = state.matches[meta.current];
            // Far from what is drawn: the window moves to the new current match.
            if (match && !inWindow(match, state.window)) {
              return drawn(map, tr.doc, state.matches, meta.current, windowAround(match.start));
            }
            return swapCurrent(state, map, tr.doc, meta.current);
          }
        }
      },
    },
    props: {
      decorations: (state) => findKey.getState(state)?.decorations,
    },
  });
}

/** A transaction drawing `matches` (replacing any drawn before), `current` among them. */
export function setMatchesTransaction(
  state: EditorState,
  matches: readonly TextMatch[],
  current: number,
  window: DrawWindow,
): Transaction {
  return state.tr.setMeta(findKey, {
    type: 'matches',
    matches,
    current,
    window,
  } satisfies FindMeta);
}

/** A transaction making match `current` the current one. */
export function setCurrentTransaction(state: EditorState, current: number): Transaction {
  return state.tr.setMeta(findKey, { type: 'current', current } satisfies FindMeta);
}

/** A transaction drawing the matches of another window of the text. */
export function setWindowTransaction(state: EditorState, window: DrawWindow): Transaction {
  return state.tr.setMeta(findKey, { type: 'window', window } satisfies FindMeta);
}

export function findState(state: EditorState): FindState {
  return findKey.getState(state) ?? EMPTY;
}
