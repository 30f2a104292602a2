/**
 * Suggested claims drawn in the article: each a dotted underline (`span.claim-suggestion`, not a
 * <mark>, so it never reads as a highlight), the current one marked `.is-current`, and its
 * speaker at its start, shown in the margin when there is room, else in the line
 * (`.claim-suggestion-speaker`, aria-hidden: the toolbar's status and the announcements say it
 * to screen readers; speaker-margin.ts decides where).
 *
 * One DecorationSet, built once per list of suggestions and changed only by transactions carrying
 * this plugin's metadata; moving the current one swaps two decorations. Only the suggestions in a
 * window of the text around what is on screen are drawn (and the current one, wherever it is),
 * as find does: measured on a 3 MB text with 6,000 suggestions, drawing them all took ≈3 s of
 * the UI thread (with layout), and every later change ≈150 ms of layout; a window keeps both
 * small. The window follows the reader's scrolling and the current suggestion.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { ClaimSuggestion } from '../../../shared/claim-finder/types';
import { offsetToPos, type TextMap } from '../../../shared/document/canonical-text';
import {
  WINDOW_AFTER,
  WINDOW_BEFORE,
  windowAround,
  type DrawWindow,
} from '../reader/find/find-plugin';
import { watchSpeakerMargin } from './speaker-margin';

/** What is drawn of a suggestion. */
export type DrawnSuggestion = Pick<ClaimSuggestion, 'key' | 'start' | 'end' | 'speaker'>;

export interface SuggestionState {
  readonly list: readonly DrawnSuggestion[];
  readonly currentKey: string | null;
  /** The canonical range whose suggestions are drawn. */
  readonly window: DrawWindow;
  readonly decorations: DecorationSet;
}

type SuggestionMeta =
  | {
      readonly type: 'list';
      readonly list: readonly DrawnSuggestion[];
      readonly currentKey: string | null;
      /** Where the reader is: the window is drawn around it when the list is new. */
      readonly around: number;
    }
  | { readonly type: 'current'; readonly currentKey: string | null }
  | { readonly type: 'window'; readonly window: DrawWindow };

export const suggestionKey = new PluginKey<SuggestionState>('claim-suggestions');

const EMPTY: SuggestionState = {
  list: [],
  currentKey: null,
  window: { start: 0, end: 0 },
  decorations: DecorationSet.empty,
};

const inWindow = (s: DrawnSuggestion, window: DrawWindow) =>
  s.end > window.start && s.start < window.end;

interface InlineSpec {
  readonly suggestionKey: string;
  readonly current: boolean;
}

function rangeOf(map: TextMap, s: DrawnSuggestion) {
  return { from: offsetToPos(map, s.start, 1), to: offsetToPos(map, s.end, -1) };
}

function underline(map: TextMap, s: DrawnSuggestion, current: boolean): Decoration | null {
  const { from, to } = rangeOf(map, s);
  if (to <= from) return null;
  return Decoration.inline(
    from,
    to,
    {
      nodeName: 'span',
      class: current ? 'claim-suggestion is-current' : 'claim-suggestion',
      'data-suggestion-key': s.key,
    },
    { suggestionKey: s.key, current } satisfies InlineSpec,
  );
}

/** The margin label of the suggestions starting at canonical `start`, naming each speaker. */
function speakerWidget(map: TextMap, start: number, speakers: readonly string[]): Decoration {
  const label = speakers.join(' · ');
  const pos = offsetToPos(map, start, 1);
  return Decoration.widget(
    pos,
    () => {
      const span = document.createElement('span');
      span.className = 'claim-suggestion-speaker';
      span.setAttribute('aria-hidden', 'true');
      span.contentEditable = 'false';
      span.textContent = label;
      return span;
    },
    // Before the text at `pos`; same key, same DOM: ProseMirror keeps the node across redraws.
    { side: -1, key: `speaker:${label}`, ignoreSelection: true, marks: [] },
  );
}

/** The speakers of the suggestions of `list`, by where they start. */
function speakersAt(list: readonly DrawnSuggestion[]): Map<number, string[]> {
  const found = new Map<number, string[]>();
  for (const s of list) {
    if (!s.speaker) continue;
    const names = found.get(s.start);
    if (!names) found.set(s.start, [s.speaker]);
    else if (!names.includes(s.speaker)) names.push(s.speaker);
  }
  return found;
}

/** The suggestions of `window` (and the current one) drawn afresh. */
function drawn(
  map: TextMap,
  doc: Node,
  list: readonly DrawnSuggestion[],
  currentKey: string | null,
  window: DrawWindow,
): SuggestionState {
  const shown = list.filter((s) => inWindow(s, window) || s.key === currentKey);
  const decorations: Decoration[] = [];
  for (const s of shown) {
    const made = underline(map, s, s.key === currentKey);
    if (made) decorations.push(made);
  }
  // Suggestions sharing a start (two speakers of one statement) share one label.
  for (const [start, names] of speakersAt(shown)) {
    decorations.push(speakerWidget(map, start, names));
  }
  return { list, currentKey, window, decorations: DecorationSet.create(doc, decorations) };
}

/** Moves `.is-current` from one suggestion to another, redrawing only their underlines. */
function swapCurrent(
  state: SuggestionState,
  map: TextMap,
  doc: Node,
  next: string | null,
): SuggestionState {
  let set = state.decorations;
  const redraw = (key: string | null, current: boolean) => {
    const s = key === null ? undefined : state.list.find((x) => x.key === key);
    if (!s) return;
    const { from, to } = rangeOf(map, s);
    set = set.remove(set.find(from, to, (spec) => (spec as InlineSpec).suggestionKey === s.key));
    const made = underline(map, s, current);
    if (made) set = set.add(doc, [made]);
  };
  if (state.currentKey === next) return state;
  const target = next === null ? undefined : state.list.find((x) => x.key === next);
  // Far from what is drawn: the window moves to the new current one.
  if (target && !inWindow(target, state.window)) {
    return drawn(map, doc, state.list, next, windowAround(target.start));
  }
  // A former current one outside the window is no longer drawn at all: neither its underline
  // nor its speaker's label (which it may share with others starting there): drawn afresh.
  const before = state.list.find((x) => x.key === state.currentKey);
  if (before && !inWindow(before, state.window)) {
    return drawn(map, doc, state.list, next, state.window);
  }
  redraw(state.currentKey, false);
  redraw(next, true);
  return { ...state, currentKey: next, decorations: set };
}

export function suggestionPlugin(map: TextMap): Plugin<SuggestionState> {
  return new Plugin<SuggestionState>({
    key: suggestionKey,
    state: {
      init: () => EMPTY,
      apply(tr, state) {
        const meta = tr.getMeta(suggestionKey) as SuggestionMeta | undefined;
        if (!meta) {
          return tr.docChanged
            ? { ...state, decorations: state.decorations.map(tr.mapping, tr.doc) }
            : state;
        }
        switch (meta.type) {
          case 'list': {
            // A new list keeps its window if it is where the reader is, else is drawn there.
            const window =
              meta.around >= state.window.start && meta.around < state.window.end
                ? state.window
                : windowAround(meta.around);
            const current = meta.list.find((s) => s.key === meta.currentKey);
            return drawn(
              map,
              tr.doc,
              meta.list,
              meta.currentKey,
              current && !inWindow(current, window) ? windowAround(current.start) : window,
            );
          }
          case 'current':
            return swapCurrent(state, map, tr.doc, meta.currentKey);
          case 'window':
            return drawn(map, tr.doc, state.list, state.currentKey, meta.window);
        }
      },
    },
    props: {
      decorations: (state) => suggestionKey.getState(state)?.decorations,
    },
    view: (view) => ({ destroy: watchSpeakerMargin(view.dom) }),
  });
}

/**
 * The one transaction drawing `list` with `currentKey` current: the list is drawn afresh only
 * when it is another list; the same list only moves the current mark. Null when nothing changes.
 */
export function suggestionsTransaction(
  state: EditorState,
  list: readonly DrawnSuggestion[],
  currentKey: string | null,
  around: () => number,
): Transaction | null {
  const drawnNow = suggestionKey.getState(state) ?? EMPTY;
  if (drawnNow.list === list) {
    if (drawnNow.currentKey === currentKey) return null;
    return state.tr.setMeta(suggestionKey, {
      type: 'current',
      currentKey,
    } satisfies SuggestionMeta);
  }
  return state.tr.setMeta(suggestionKey, {
    type: 'list',
    list,
    currentKey,
    around: around(),
  } satisfies SuggestionMeta);
}

/**
 * The transaction drawing the suggestions near `topOffset` (where the reader scrolled to), or
 * null while the screen is well inside the drawn window: not every scroll step redraws.
 */
export function followTransaction(state: EditorState, topOffset: number): Transaction | null {
  const { list, window } = suggestionState(state);
  if (list.length === 0) return null;
  const nearTop = topOffset < window.start + WINDOW_BEFORE / 2 && window.start > 0;
  const nearBottom = topOffset > window.end - WINDOW_AFTER / 2;
  if (!nearTop && !nearBottom) return null;
  return state.tr.setMeta(suggestionKey, {
    type: 'window',
    window: windowAround(topOffset),
  } satisfies SuggestionMeta);
}

export function suggestionState(state: EditorState): SuggestionState {
  return suggestionKey.getState(state) ?? EMPTY;
}
