/**
 * The first replies asked for before the app's code has loaded. Evaluating the renderer bundle
 * and rendering the app takes hundreds of milliseconds on a slow machine, and the app asks for
 * the library only once it has mounted; the entry asks for it at once instead, so the bundle
 * loads while the main process (or web mode's server) answers.
 *
 * Only raw `Result`s are kept: the typed client still validates each reply when the app takes it,
 * so a head start changes when a request is sent, never what the app accepts. A head start is
 * taken once, by the first call with the same operation and payload; any other call before that
 * drops all the ones not yet taken (it might change what they would have answered).
 */
import type { RawInvoke } from '../../../shared/contract/client';
import type { Result } from '../../../shared/contract/errors';
import type { OperationName } from '../../../shared/contract/operation-names';

/** What the app asks for first at mount (App's useSettings and useLibrary), in that order. */
export const HEAD_START_CALLS: readonly (readonly [OperationName, unknown])[] = [
  ['getSettings', {}],
  ['listArticles', {}],
];

/** Payloads are compared as JSON: what the transport sends. */
function keyOf(operation: OperationName, payload: unknown): string {
  return `${operation} ${JSON.stringify(payload ?? {})}`;
}

export interface HeadStart {
  /** The transport to give the client. */
  readonly invoke: RawInvoke;
}

/**
 * Sends `calls` over `invoke` now; the first matching call of the answered transport gets its
 * head start's reply, every other call goes to `invoke`.
 */
export function withHeadStart(
  invoke: RawInvoke,
  calls: readonly (readonly [OperationName, unknown])[] = HEAD_START_CALLS,
): HeadStart {
  const started = new Map<string, Promise<Result<unknown>>>();
  for (const [operation, payload] of calls) {
    const reply = invoke(operation, payload);
    // Nobody may ever take it; a rejection of its own must not be reported as unhandled.
    reply.catch(() => undefined);
    started.set(keyOf(operation, payload), reply);
  }
  const withStart: RawInvoke = (operation, payload) => {
    const key = keyOf(operation, payload);
    const reply = started.get(key);
    if (reply) {
      started.delete(key);
      return reply;
    }
    started.clear();
    return invoke(operation, payload);
  };
  return { invoke: withStart };
}
