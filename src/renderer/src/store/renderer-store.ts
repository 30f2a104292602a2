/**
 * The renderer's one store: the library list, the open article's annotations, the library's
 * names and the undo history, each a module of its own. Service replies are applied here by id
 * (`apply`); components select what they show; the highlight layer listens to annotation deltas.
 * Why our own store rather than a library: the state is a few maps replaced per reply, and the
 * highlight plugin needs each reply's delta (before and after by id), which a generic store would
 * make us recompute by diffing.
 */
import type { Annotation, ArticleSummary, Changes } from '../../../shared/contract/entities';
import {
  EMPTY_ANNOTATIONS,
  applyAnnotationChanges,
  loadedAnnotations,
  type AnnotationDelta,
  type AnnotationsState,
} from './annotations';
import { createExternalStore, memoSelector, type ExternalStore } from './external-store';
import { applyLibraryChanges, type LibraryState } from './library';
import { NO_NAMES, withNamesOf, withTagRenamed, type NamesState } from './names';

export interface HistoryState {
  /** What undo would undo ("delete"), or null when there is nothing to undo. */
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
}

export interface RendererState {
  readonly library: LibraryState;
  readonly annotations: AnnotationsState;
  readonly names: NamesState;
  readonly history: HistoryState;
}

export interface RendererStore extends ExternalStore<RendererState> {
  setArticles(articles: readonly ArticleSummary[]): void;
  /** Holds `annotations` as the open article's (`articleId`), replacing any other article's. */
  openAnnotations(articleId: string, annotations: readonly Annotation[]): void;
  /** Forgets the open article's annotations (closing it, or before another is read). */
  closeAnnotations(articleId?: string): void;
  setNames(names: NamesState): void;
  renameTag(from: string, to: string): void;
  setHistory(history: HistoryState): void;
  /** Applies what a reply says changed, by id. */
  apply(changes: Changes): void;
  /** Called with each change to the open article's annotations, after it is in the state. */
  onAnnotationDelta(listener: (delta: AnnotationDelta) => void): () => void;
}

const NO_HISTORY: HistoryState = { undoLabel: null, redoLabel: null };

export function createRendererStore(): RendererStore {
  const store = createExternalStore<RendererState>({
    library: null,
    annotations: EMPTY_ANNOTATIONS,
    names: NO_NAMES,
    history: NO_HISTORY,
  });
  const deltaListeners = new Set<(delta: AnnotationDelta) => void>();
  const update = (patch: Partial<RendererState>) =>
    store.setState({ ...store.getState(), ...patch });

  return {
    ...store,
    setArticles: (articles) => update({ library: articles }),
    openAnnotations(articleId, annotations) {
      const state = store.getState();
      update({
        annotations: loadedAnnotations(articleId, annotations),
        names: withNamesOf(state.names, annotations),
        history: NO_HISTORY,
      });
    },
    closeAnnotations(articleId) {
      const current = store.getState().annotations;
      if (articleId !== undefined && current.articleId !== articleId) return;
      update({ annotations: EMPTY_ANNOTATIONS, history: NO_HISTORY });
    },
    // Names read from the library, with any the open annotations use that came in before them.
    setNames: (names) =>
      update({ names: withNamesOf(names, selectAnnotationList(store.getState())) }),
    renameTag: (from, to) => update({ names: withTagRenamed(store.getState().names, from, to) }),
    setHistory: (history) => update({ history }),
    apply(changes) {
      const state = store.getState();
      const { state: annotations, delta } = applyAnnotationChanges(state.annotations, changes);
      update({
        library: applyLibraryChanges(state.library, changes),
        annotations,
        names: withNamesOf(state.names, changes.annotations),
      });
      if (delta.upserted.length > 0 || delta.removed.length > 0) {
        for (const listener of [...deltaListeners]) listener(delta);
      }
    },
    onAnnotationDelta(listener) {
      deltaListeners.add(listener);
      return () => deltaListeners.delete(listener);
    },
  };
}

/** The open article's annotations in document order (a new array only when they change). */
export const selectAnnotationList = memoSelector<
  RendererState,
  [ReadonlyMap<string, Annotation>, readonly string[]],
  readonly Annotation[]
>(
  (state) => [state.annotations.byId, state.annotations.order],
  (byId, order) => order.map((id) => byId.get(id)!),
);
