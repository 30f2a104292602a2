/**
 * The direct transport, for the CLI and tests: calls the handlers in-process, but through the same
 * validation and errors-as-data path as IPC and HTTP, so no caller skips the contract.
 */
import { createClient } from './client';
import { dispatch, type UnexpectedErrorReporter } from './dispatch';
import type { Client, ServiceHandlers } from './operations';

export function createDirectClient(
  handlers: ServiceHandlers,
  onUnexpected?: UnexpectedErrorReporter,
): Client {
  return createClient(async (operation, payload) =>
    dispatch(handlers, operation, payload, onUnexpected),
  );
}
