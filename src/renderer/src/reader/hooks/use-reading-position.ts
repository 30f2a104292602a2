/**
 * The reading position: restored when the article opens (unless it opened to show one
 * annotation), and saved a moment after scrolling stops, when the article closes, and when the
 * window does.
 */
import { useEffect, type RefObject } from 'react';
import type { Client } from '../../../../shared/contract/operations';
import type { ArticleView } from '../article-view';

const SAVE_POSITION_MS = 600;

export interface ReadingPositionOptions {
  readonly client: Client;
  readonly articleId: string;
  readonly scrollerRef: RefObject<HTMLElement | null>;
  readonly view: ArticleView | null;
  /** The canonical offset saved last time, or null. */
  readonly saved: number | null;
  /** False when something else decides where the article opens (a deep link). */
  readonly restore: boolean;
  readonly onError: (error: unknown) => void;
}

export function useReadingPosition(options: ReadingPositionOptions): void {
  const { client, articleId, scrollerRef, view, saved, restore, onError } = options;

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!view || !scroller || !saved || !restore) return;
    // After the first layout, and again once settings have resized the text.
    let frame = requestAnimationFrame(() => {
      view.scrollToOffset(scroller, saved);
      frame = requestAnimationFrame(() => view.scrollToOffset(scroller, saved));
    });
    return () => cancelAnimationFrame(frame);
    // Once per view: a later change of `saved` (it is saved as the user reads) must not jump.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view]);

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller || !view) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      const offset = view.topOffset(scroller);
      client.setReadingPosition({ articleId, offset }).catch(onError);
    };
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_POSITION_MS);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', save);
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', save);
      if (timer !== undefined) {
        clearTimeout(timer);
        save();
      }
    };
  }, [view, articleId, client, onError, scrollerRef]);
}
