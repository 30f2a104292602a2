/**
 * The renderer's one way to the main process: the typed client over `window.marginalia` (the
 * desktop app's preload) or, in a plain browser, over web mode's HTTP API.
 */
import { createClient } from '../../../shared/contract/client';
import type { Client } from '../../../shared/contract/operations';
import type { OperationName } from '../../../shared/contract/operation-names';
import { createHttpInvoke, readToken } from './http-bridge';

export function connect(): Client {
  const bridge = window.marginalia;
  if (bridge)
    return createClient((operation: OperationName, payload) => bridge[operation](payload));
  return createClient(createHttpInvoke(readToken()));
}
