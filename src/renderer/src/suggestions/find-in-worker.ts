/**
 * Runs the claim finder in a worker of its own per request. Aborting a request (the article
 * changed or closed, or a newer request superseded it) terminates its worker at once: a finder
 * half-way through a book is not left running.
 */
import type { ClaimSuggestion, FindClaimsOptions } from '../../../shared/claim-finder/types';
import type { FindReply, FindRequest } from './finder-protocol';

/** Finds the suggestions of a text; rejects with an AbortError when `signal` aborts. */
export type ClaimFinder = (
  text: string,
  options: FindClaimsOptions,
  signal: AbortSignal,
) => Promise<ClaimSuggestion[]>;

const aborted = () => new DOMException('The search for claims was cancelled', 'AbortError');

export const findInWorker: ClaimFinder = (text, options, signal) =>
  new Promise<ClaimSuggestion[]>((resolve, reject) => {
    if (signal.aborted) {
      reject(aborted());
      return;
    }
    const worker = new Worker(new URL('./finder.worker.ts', import.meta.url), { type: 'module' });
    const finish = () => {
      worker.terminate();
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(aborted());
    };
    signal.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<FindReply>) => {
      finish();
      if (event.data.ok) resolve(event.data.suggestions);
      else reject(new Error(event.data.error));
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'The claim finder stopped'));
    };
    worker.postMessage({ text, options } satisfies FindRequest);
  });

export const isAbort = (error: unknown) =>
  error instanceof DOMException && error.name === 'AbortError';
