/** Hooks that select from the renderer store; each component re-renders for its own slice only. */
import { createContext, useCallback, useContext } from 'react';
import type { Annotation } from '../../../shared/contract/entities';
import { useSelector } from './external-store';
import {
  selectAnnotationList,
  type HistoryState,
  type RendererState,
  type RendererStore,
} from './renderer-store';
import type { NamesState } from './names';

export const StoreContext = createContext<RendererStore | null>(null);

export function useStore(): RendererStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore: no StoreContext.Provider above this component');
  return store;
}

const selectNames = (state: RendererState) => state.names;
const selectHistory = (state: RendererState) => state.history;

export const useNames = (): NamesState => useSelector(useStore(), selectNames);
export const useHistory = (): HistoryState => useSelector(useStore(), selectHistory);
/** The open article's annotations in document order. */
export const useAnnotationList = (): readonly Annotation[] =>
  useSelector(useStore(), selectAnnotationList);

/** One annotation: its card re-renders when this one changes, and for nothing else. */
export function useAnnotation(id: string): Annotation | undefined {
  const select = useCallback((state: RendererState) => state.annotations.byId.get(id), [id]);
  return useSelector(useStore(), select);
}
