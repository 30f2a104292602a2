/**
 * The library's rows on screen only (@tanstack/react-virtual), like components/use-virtual-rows
 * but always rendering the row that holds the list's one tab stop: were it scrolled out of the
 * DOM, Tab would skip the list and focus would fall to the page.
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useRef } from 'react';

export interface LibraryRowsOptions {
  readonly count: number;
  readonly keyOf: (index: number) => string;
  readonly estimatedHeight: number;
  /** The row with the tab stop; -1 for none. */
  readonly activeIndex: number;
}

/** Rows rendered beyond each edge of the view, for smooth scrolling. */
const OVERSCAN = 6;

export function useLibraryRows<E extends HTMLElement>(options: LibraryRowsOptions) {
  const scrollRef = useRef<E>(null);
  const { activeIndex, count } = options;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex < 0 || activeIndex >= count || indexes.includes(activeIndex)) return indexes;
      return [...indexes, activeIndex].sort((a, b) => a - b);
    },
    [activeIndex, count],
  );
  // The virtualizer's functions change with every scroll; nothing memoises them here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => options.estimatedHeight,
    getItemKey: options.keyOf,
    overscan: OVERSCAN,
    rangeExtractor,
  });
  return { scrollRef, virtualizer };
}
