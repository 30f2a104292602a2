/**
 * Every annotation in the library for the All annotations view: read afresh each time the view
 * is shown (nothing else changes annotations while it is), and again when `readAgain` changes
 * (annotations came in from a file). Like the claims ledger's `useLedger`.
 */
import { useEffect, useState } from 'react';
import type { LibraryAnnotation } from '../../../shared/contract/library-annotations';
import type { Client } from '../../../shared/contract/operations';

export function useLibraryAnnotations(
  client: Client,
  shown: boolean,
  readAgain: number,
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
  return annotations;
}
