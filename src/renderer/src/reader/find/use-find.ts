/**
 * Find in article, its state in the reader: whether the bar is open, the query and options, the
 * count, and the keymap's find commands (Ctrl/⌘+F opens, F3 / Ctrl+G and their Shift forms move).
 * Typing is never held up by a search: a long article is searched after a short pause in typing,
 * on its text folded once, while the bar opens.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useCommand } from '../../commands/registry';
import type { ArticleView } from '../article-view';
import { createFindController, type FindController, type FindResult } from './find-controller';
import { DEFAULT_FIND_OPTIONS, type FindOptions } from './find-text';

/** Pause in typing before a search of a long article (a short one is searched at once). */
const LONG_TEXT = 100_000;
const DEBOUNCE_MS = 150;

export interface FindApi {
  readonly isOpen: boolean;
  readonly query: string;
  readonly options: FindOptions;
  /** The result of searching for the query and options shown; null until that search has run. */
  readonly result: FindResult | null;
  /** Changes each time the field should take the focus (with its text selected). */
  readonly focusRequest: number;
  open(): void;
  close(): void;
  setQuery(query: string): void;
  setOptions(options: FindOptions): void;
  step(direction: 1 | -1): void;
}

const searchKey = (query: string, options: FindOptions) =>
  `${options.matchCase}:${options.matchAccents}:${query}`;

export function useFind(
  articleView: ArticleView | null,
  scrollerRef: RefObject<HTMLElement | null>,
): FindApi {
  const controller = useMemo(
    () => (articleView ? createFindController(articleView.view, articleView.map) : null),
    [articleView],
  );
  // Open for one view: another article (or none) starts with the bar closed.
  const [openFor, setOpenFor] = useState<FindController | null>(null);
  const isOpen = openFor !== null && openFor === controller;
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<FindOptions>(DEFAULT_FIND_OPTIONS);
  const [searched, setSearched] = useState<{ key: string; result: FindResult } | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const key = searchKey(query, options);
  const result = searched?.key === key ? searched.result : null;
  const pending = useRef<(() => void) | null>(null);

  // Searches after each change of query or options, once typing pauses.
  useEffect(() => {
    if (!isOpen || !controller || !articleView) return;
    const run = () => {
      pending.current = null;
      if (query === '') {
        controller.clear();
        setSearched(null);
        return;
      }
      const scroller = scrollerRef.current;
      const from = scroller ? articleView.topOffset(scroller) : 0;
      setSearched({ key, result: controller.search(query, options, from) });
    };
    pending.current = run;
    const delay = articleView.map.text.length > LONG_TEXT ? DEBOUNCE_MS : 0;
    const timer = setTimeout(run, delay);
    return () => clearTimeout(timer);
  }, [isOpen, key, query, options, controller, articleView, scrollerRef]);

  // The text is folded while the reader has yet to type (a long book takes a few hundred ms).
  useEffect(() => {
    if (!isOpen || !controller) return;
    const timer = setTimeout(() => controller.prepare(options), 0);
    return () => clearTimeout(timer);
  }, [isOpen, controller, options]);

  // The drawn matches follow the reader's scrolling (see find-plugin: only a window is drawn).
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!isOpen || !controller || !articleView || !scroller) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.follow(articleView.topOffset(scroller)), 100);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      scroller.removeEventListener('scroll', onScroll);
    };
  }, [isOpen, controller, articleView, scrollerRef]);

  const open = useCallback(() => {
    if (!controller) return;
    setOpenFor(controller);
    setFocusRequest((n) => n + 1);
  }, [controller]);

  const close = useCallback(() => {
    if (!controller) return;
    pending.current = null;
    setOpenFor(null);
    setSearched(null);
    controller.focusText();
    controller.clear();
  }, [controller]);

  const step = useCallback(
    (direction: 1 | -1) => {
      if (!controller) return;
      // A search still waiting for the pause runs now; its first match is the one to show.
      if (pending.current) return pending.current();
      setSearched({ key, result: controller.step(direction) });
    },
    [controller, key],
  );

  useCommand('find', () => {
    if (!controller) return false;
    open();
  });
  // Named keys ("F3") match with or without Shift: each answers only its own form.
  useCommand('find-next', (event) => {
    if (!isOpen || (event.key === 'F3' && event.shiftKey)) return false;
    step(1);
  });
  useCommand('find-previous', (event) => {
    if (!isOpen || (event.key === 'F3' && !event.shiftKey)) return false;
    step(-1);
  });

  return {
    isOpen,
    query,
    options,
    result,
    focusRequest,
    open,
    close,
    setQuery,
    setOptions,
    step,
  };
}
