/**
 * The reader's ProseMirror view: read-only (the text can be selected, never edited), with the
 * highlight plugin. Kept free of React so view tests can drive it directly.
 */
import { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { DocumentJson } from '../../../shared/contract/entities';
import { buildTextMap, type TextMap } from '../../../shared/document/canonical-text';
import { articleSchema } from '../../../shared/document/schema';
import {
  highlightPlugin,
  highlightTransaction,
  type HighlightAction,
  type HighlightSpec,
} from './highlight-plugin';

export interface ArticleView {
  readonly view: EditorView;
  readonly map: TextMap;
  applyHighlights(action: HighlightAction): void;
  /** Draws exactly `specs`: adds what is new or changed, removes what is gone, keeps the rest. */
  setHighlights(specs: readonly HighlightSpec[]): void;
  destroy(): void;
}

export function createArticleView(mount: HTMLElement, document: DocumentJson): ArticleView {
  const doc = Node.fromJSON(articleSchema, document);
  const map = buildTextMap(doc);
  const view = new EditorView(mount, {
    state: EditorState.create({ doc, plugins: [highlightPlugin(map)] }),
    editable: () => false,
    attributes: { class: 'article-body', 'aria-label': 'Article text', role: 'document' },
  });
  const drawn = new Map<string, HighlightSpec>();
  const applyHighlights = (action: HighlightAction) => {
    for (const id of action.remove ?? []) drawn.delete(id);
    for (const spec of action.add ?? []) drawn.set(spec.id, spec);
    view.dispatch(highlightTransaction(view.state, action));
  };
  const same = (a: HighlightSpec, b: HighlightSpec) =>
    a.start === b.start && a.end === b.end && a.color === b.color;
  return {
    view,
    map,
    applyHighlights,
    setHighlights(specs) {
      const wanted = new Set(specs.map((s) => s.id));
      const remove = [...drawn.keys()].filter((id) => !wanted.has(id));
      const add = specs.filter((s) => {
        const current = drawn.get(s.id);
        return !current || !same(current, s);
      });
      if (remove.length || add.length) applyHighlights({ add, remove });
    },
    destroy: () => view.destroy(),
  };
}
