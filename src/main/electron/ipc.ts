/** Electron transport: one IPC channel; every call is validated and dispatched to the service. */
import { ipcMain } from 'electron';
import { dispatch } from '../../shared/contract/dispatch';
import { IPC_CHANNEL } from '../../shared/contract/operation-names';
import type { ServiceHandlers } from '../../shared/contract/operations';

export function registerIpc(
  handlers: ServiceHandlers,
  isTrustedUrl: (url: string) => boolean,
): void {
  ipcMain.handle(IPC_CHANNEL, (event, operation: unknown, payload: unknown) => {
    if (!isTrustedUrl(event.senderFrame?.url ?? '')) {
      return { ok: false, error: { code: 'invalid_request', message: 'caller not allowed' } };
    }
    return dispatch(
      handlers,
      typeof operation === 'string' ? operation : '',
      payload,
      (op, error) => console.error(`${op} failed unexpectedly:`, error),
    );
  });
}
