/**
 * Shows an annotation asked for from outside the reader (a `marginalia://` link, the ledger):
 * once the article and its annotations are there, it is opened, scrolled to and flashed, or
 * reported as gone.
 */
import { useEffect, useRef } from 'react';
import type { Annotation } from '../../../../shared/contract/entities';

/** "Show this annotation"; `seq` tells two requests for the same annotation apart. */
export interface RevealRequest {
  readonly annotationId: string;
  readonly seq: number;
}

export interface RevealOptions {
  readonly reveal: RevealRequest | null;
  /** The article's title, once it is open. */
  readonly title: string | null;
  readonly annotations: ReadonlyMap<string, Annotation> | null;
  readonly show: (id: string) => void;
  readonly onError: (error: unknown) => void;
  readonly onRevealed?: (() => void) | undefined;
}

export function useReveal(options: RevealOptions): void {
  const { reveal, title, annotations, show, onError, onRevealed } = options;
  const revealed = useRef<number | null>(null);
  useEffect(() => {
    if (!reveal || title === null || annotations === null) return;
    if (revealed.current === reveal.seq) return;
    const present = annotations.has(reveal.annotationId);
    const frame = requestAnimationFrame(() => {
      revealed.current = reveal.seq;
      if (present) show(reveal.annotationId);
      else
        onError(
          new Error(`That annotation is not in “${title}” any more: it may have been deleted.`),
        );
      onRevealed?.();
    });
    return () => cancelAnimationFrame(frame);
  }, [reveal, title, annotations, show, onError, onRevealed]);
}
