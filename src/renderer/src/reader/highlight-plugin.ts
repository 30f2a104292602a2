/**
 * Highlights as inline decorations held in plugin state, the only record of what is drawn. The
 * set is persistent: transactions add or remove highlights through metadata, and everything else
 * maps the existing set. Highlights are given in canonical-text offsets and converted with the
 * document's text map; a removal names the range it was drawn at, so it is found there rather
 * than searched for through the whole set.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { offsetToPos, type TextMap } from '../../../shared/document/canonical-text';

/** One highlight to draw: an annotation id, its canonical range and its colour. */
export interface HighlightSpec {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly color: string;
}

/** What a transaction asks of the highlight set. */
export interface HighlightAction {
  /** Highlights to draw. */
  readonly add?: readonly HighlightSpec[];
  /** Highlights to remove, each as it was drawn (its range says where to look for it). */
  readonly remove?: readonly HighlightSpec[];
}

export const highlightKey = new PluginKey<DecorationSet>('highlights');

function rangeOf(map: TextMap, spec: HighlightSpec): { from: number; to: number } {
  return { from: offsetToPos(map, spec.start, 1), to: offsetToPos(map, spec.end, -1) };
}

function decorationsFor(map: TextMap, spec: HighlightSpec): Decoration[] {
  const { from, to } = rangeOf(map, spec);
  if (to <= from) return [];
  return [
    Decoration.inline(
      from,
      to,
      // Each highlight gets its own <mark>, so overlapping ones nest (and blend) instead of
      // merging their attributes into one element that could name only one annotation.
      {
        nodeName: 'mark',
        class: `highlight highlight-${spec.color}`,
        'data-annotation-id': spec.id,
      },
      { id: spec.id },
    ),
  ];
}

const idOf = (decoration: Decoration) => (decoration.spec as { id: string }).id;

/** The highlight plugin, drawing `initial` from the start (one paint, not two). */
export function highlightPlugin(
  map: TextMap,
  initial: readonly HighlightSpec[] = [],
): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: highlightKey,
    state: {
      init: (_config, state) =>
        initial.length === 0
          ? DecorationSet.empty
          : DecorationSet.create(
              state.doc,
              initial.flatMap((s) => decorationsFor(map, s)),
            ),
      apply(tr, set) {
        let next = set.map(tr.mapping, tr.doc);
        const action = tr.getMeta(highlightKey) as HighlightAction | undefined;
        if (!action) return next;
        const gone: Decoration[] = [];
        for (const spec of action.remove ?? []) {
          const { from, to } = rangeOf(map, spec);
          gone.push(...next.find(from, to, (s) => (s as { id: string }).id === spec.id));
        }
        if (gone.length > 0) next = next.remove(gone);
        const added = (action.add ?? []).flatMap((s) => decorationsFor(map, s));
        return added.length ? next.add(tr.doc, added) : next;
      },
    },
    props: {
      decorations: (state) => highlightKey.getState(state),
    },
  });
}

/** A transaction that applies `action` to the highlight set. */
export function highlightTransaction(state: EditorState, action: HighlightAction): Transaction {
  return state.tr.setMeta(highlightKey, action);
}

/** Ids of the highlights drawn, in document order (with repeats for split decorations removed). */
export function drawnHighlightIds(state: EditorState): string[] {
  const set = highlightKey.getState(state);
  if (!set) return [];
  return [...new Set(set.find().map(idOf))];
}
