/**
 * The claims ledger's entries: read afresh each time it is shown (nothing changes claims while
 * it is), and again when `readAgain` changes (annotations came in from a file).
 */
import { useEffect, useState } from 'react';
import type { Client } from '../../../shared/contract/operations';
import type { LedgerClaim } from '../../../shared/export/types';

export function useLedger(
  client: Client,
  shown: boolean,
  readAgain: number,
  onError: (error: unknown) => void,
): readonly LedgerClaim[] | null {
  const [ledger, setLedger] = useState<readonly LedgerClaim[] | null>(null);
  useEffect(() => {
    if (!shown) return;
    let cancelled = false;
    client.getClaimsLedger({}).then(({ claims }) => {
      if (!cancelled) setLedger(claims);
    }, onError);
    return () => {
      cancelled = true;
    };
  }, [client, shown, readAgain, onError]);
  return ledger;
}
