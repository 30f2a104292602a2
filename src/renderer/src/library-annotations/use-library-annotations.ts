/**
 * Every annotation in the library for the All annotations view: read afresh each time the view
 * is shown, and again when `readAgain` changes (annotations came in from a file). Like the claims
 * ledger's `useLedger`. The library list stays usable beside it, so the entries follow it by id:
 * an article moved to the Trash takes its annotations out of the view, and a renamed or re-dated
 * one shows its new title and date.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ArticleSummary } from '../../../shared/contract/entities';
import type { LibraryAnnotation } from '../../../shared/contract/library-annotations';
import type { Client } from '../../../shared/contract/operations';

/** The entries as the library now lists their articles. */
export function followLibrary(
  entries: readonly LibraryAnnotation[],
  library: readonly ArticleSummary[],
): readonly LibraryAnnotation[] {
  const byId = new Map(library.map((a) => [a.id, a]));
  let changed = false;
  const next: LibraryAnnotation[] = [];
  for (const entry of entries) {
    const summary = byId.get(entry.article.id);
    if (!summary) {
      changed = true;
      continue;
    }
    if (
      summary.title !== entry.article.title ||
      summary.publishedAt !== entry.article.publishedAt
    ) {
      changed = true;
      next.push({
        ...entry,
        article: { id: summary.id, title: summary.title, publishedAt: summary.publishedAt },
      });
    } else {
      next.push(entry);
    }
  }
  return changed ? next : entries;
}

export function useLibraryAnnotations(
  client: Client,
  shown: boolean,
  readAgain: number,
  library: readonly ArticleSummary[] | null,
  onError: (error: unknown) => void,
): readonly LibraryAnnotation[] | null {
  const [annotations, setAnnotations] = useState<readonly LibraryAnnotation[] | null>(null);
  useEffect(() => {
    if (!shown) return;
    let cancelled = false;
    client.listLibraryAnnotations({}).then(({ annotations }) => {
      if (!cancelled) setAnnotations(annotations);
    }, onError);
    return () => {
      cancelled = true;
    };
  }, [client, shown, readAgain, onError]);
  return useMemo(
    () => (annotations && library ? followLibrary(annotations, library) : annotations),
    [annotations, library],
  );
}
