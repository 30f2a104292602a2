/**
 * Asks the service to `search` as the user types: once the query has been still for a moment
 * (not once per key), and only the latest query's answer is kept, so a slow answer to an older
 * query never replaces a newer one.
 */
import { useEffect, useRef, useState } from 'react';
import type { Client } from '../../../shared/contract/operations';
import { MAX_SEARCH_QUERY_LENGTH, type SearchResponse } from '../../../shared/contract/search';

/** How long the query must stay unchanged before it is sent. */
export const SEARCH_DEBOUNCE_MS = 150;

export interface SearchState {
  /** The query the shown results answer (null: nothing searched yet, or the field is empty). */
  readonly query: string | null;
  readonly results: SearchResponse | null;
  /** The results shown do not answer the current text yet: its request is on its way. */
  readonly pending: boolean;
}

interface Answer {
  readonly query: string;
  readonly results: SearchResponse;
}

const EMPTY: SearchState = { query: null, results: null, pending: false };

export function useSearch(
  client: Pick<Client, 'search'>,
  text: string,
  onError: (error: unknown) => void,
): SearchState {
  const [answer, setAnswer] = useState<Answer | null>(null);
  /** The query whose request failed (it is not pending any more). */
  const [failed, setFailed] = useState<string | null>(null);
  /** Bumped for every query; an answer that is not the latest one is dropped. */
  const latest = useRef(0);
  const query = text.trim().slice(0, MAX_SEARCH_QUERY_LENGTH);

  useEffect(() => {
    const seq = ++latest.current;
    if (!query) return;
    const timer = setTimeout(() => {
      client.search({ query, limit: 20 }).then(
        (results) => {
          if (seq === latest.current) setAnswer({ query, results });
        },
        (error: unknown) => {
          if (seq !== latest.current) return;
          setFailed(query);
          onError(error);
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [client, query, onError]);

  if (!query) return EMPTY;
  return {
    query: answer?.query ?? null,
    results: answer?.results ?? null,
    pending: answer?.query !== query && failed !== query,
  };
}
