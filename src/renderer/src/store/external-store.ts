/**
 * A minimal external store for React: the state is replaced, never mutated; subscribers are told
 * after each replacement; components read it through selectors with `useSyncExternalStore`, so a
 * component re-renders only when what it selected changed (by reference).
 */
import { useCallback, useSyncExternalStore } from 'react';

export interface ExternalStore<S> {
  getState(): S;
  setState(next: S): void;
  subscribe(listener: () => void): () => void;
}

export function createExternalStore<S>(initial: S): ExternalStore<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    setState(next) {
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Reads `selector(state)` and re-renders when it changes. The selector must answer the same
 * reference for the same data (read a stored value, or use a memoised selector).
 */
export function useSelector<S, T>(store: ExternalStore<S>, selector: (state: S) => T): T {
  const read = useCallback(() => selector(store.getState()), [store, selector]);
  return useSyncExternalStore(store.subscribe, read, read);
}

/** Memoises a selector on the identity of its inputs: the same inputs answer the same output. */
export function memoSelector<S, I extends readonly unknown[], T>(
  inputs: (state: S) => readonly [...I],
  compute: (...args: I) => T,
): (state: S) => T {
  let last: { args: readonly [...I]; value: T } | null = null;
  return (state) => {
    const args = inputs(state);
    if (last && last.args.length === args.length && last.args.every((a, i) => a === args[i])) {
      return last.value;
    }
    const value = compute(...(args as I));
    last = { args, value };
    return value;
  };
}
