/**
 * Shows an annotation asked for from outside the reader (a `marginalia://` link, the ledger,
 * search): once the article and its annotations are there, it is opened, scrolled to and flashed,
 * or reported as gone. A request without an annotation scrolls to a place in the text instead
 * (a search match in the article's text).
 */
import { useEffect, useRef } from 'react';
import type { Annotation } from '../../../../shared/contract/entities';

/** "Show this annotation"; `seq` tells two requests for the same annotation apart. */
export interface RevealRequest {
  /** The annotation to show; null to scroll to `offset` instead. */
  readonly annotationId: string | null;
  /** Canonical text offset to scroll to when there is no annotation. */
  readonly offset?: number | null;
  /** How long the match at `offset` is: it is centred and flashed (a search match). */
  readonly length?: number | null;
  readonly seq: number;
}

export interface RevealOptions {
  readonly reveal: RevealRequest | null;
  /** The article's title, once it is open. */
  readonly title: string | null;
  readonly annotations: ReadonlyMap<string, Annotation> | null;
  readonly show: (id: string) => void;
  /**
   * Scrolls to a text offset (and flashes the `length` characters from it, when given); null
   * until the article is drawn.
   */
  readonly scrollTo: ((offset: number, length: number | null) => void) | null;
  readonly onError: (error: unknown) => void;
  readonly onRevealed?: (() => void) | undefined;
}

export function useReveal(options: RevealOptions): void {
  const { reveal, title, annotations, show, scrollTo, onError, onRevealed } = options;
  const revealed = useRef<number | null>(null);
  useEffect(() => {
    if (!reveal || title === null || annotations === null) return;
    if (revealed.current === reveal.seq) return;
    const { annotationId, offset, length = null } = reveal;
    if (annotationId === null) {
      if (!scrollTo) return;
      const frame = requestAnimationFrame(() => {
        revealed.current = reveal.seq;
        if (offset !== null && offset !== undefined) scrollTo(offset, length);
        onRevealed?.();
      });
      return () => cancelAnimationFrame(frame);
    }
    const present = annotations.has(annotationId);
    const frame = requestAnimationFrame(() => {
      revealed.current = reveal.seq;
      if (present) show(annotationId);
      else
        onError(
          new Error(`That annotation is not in “${title}” any more: it may have been deleted.`),
        );
      onRevealed?.();
    });
    return () => cancelAnimationFrame(frame);
  }, [reveal, title, annotations, show, scrollTo, onError, onRevealed]);
}
