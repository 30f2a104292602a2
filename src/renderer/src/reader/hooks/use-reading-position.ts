/**
 * The reading position: restored when the article opens (unless it opened to show one
 * annotation), and saved a moment after scrolling stops, when the article closes, and when the
 * window does.
 */
import { useContext, useEffect, type RefObject } from 'react';
import type { Client } from '../../../../shared/contract/operations';
import { PendingSavesContext } from '../../safety/pending-saves';
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
  const pendingSaves = useContext(PendingSavesContext);

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
    // A restore from backup holds saves, sends the pending one, then (once it is done) sends
    // nothing ever again: the reload must not write this position over the restored library.
    let held = false;
    let discarded = false;
    const send = () => {
      if (discarded) return Promise.resolve();
      const offset = view.topOffset(scroller);
      return client.setReadingPosition({ articleId, offset }).then(() => undefined, onError);
    };
    const save = () => {
      if (!held) void send();
    };
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_POSITION_MS);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', save);
    const unregister = pendingSaves?.register({
      hold: () => {
        held = true;
      },
      flush: () => {
        if (timer === undefined) return Promise.resolve();
        clearTimeout(timer);
        timer = undefined;
        return send();
      },
      discard: () => {
        discarded = true;
        clearTimeout(timer);
        timer = undefined;
      },
      resume: () => {
        held = false;
      },
    });
    return () => {
      unregister?.();
      scroller.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', save);
      if (timer !== undefined) {
        clearTimeout(timer);
        save();
      }
    };
  }, [view, articleId, client, onError, scrollerRef, pendingSaves]);
}
