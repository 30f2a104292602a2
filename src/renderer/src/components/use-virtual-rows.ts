/**
 * A long list rendered as the rows on screen only (@tanstack/react-virtual): the scroll element's
 * ref, and the virtualizer whose items say which rows to render, where, and how tall the whole
 * list is. Rows are measured once rendered (give each the `measureElement` ref and its
 * `data-index`); keys keep a row's measurement when the list around it changes.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';

export interface VirtualRowsOptions {
  readonly count: number;
  /** A row's stable key (its id). */
  readonly keyOf: (index: number) => string;
  /** A row's height in pixels before it is measured. */
  readonly estimatedHeight: number;
  /** Rows rendered beyond each edge of the view, for smooth scrolling and keyboard focus. */
  readonly overscan: number;
}

export function useVirtualRows<E extends HTMLElement>(options: VirtualRowsOptions) {
  const scrollRef = useRef<E>(null);
  // The virtualizer's functions change with every scroll; nothing memoises them here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: options.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => options.estimatedHeight,
    getItemKey: options.keyOf,
    overscan: options.overscan,
  });
  return { scrollRef, virtualizer };
}
