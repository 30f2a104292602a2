/**
 * The shape of `window.marginalia`: each operation takes a payload and answers a `Result`; in the
 * desktop app, `desktop` adds the native dialogs and the menu's commands (absent in web mode).
 */
import type { DesktopBridge } from '../shared/contract/desktop';
import type { Result } from '../shared/contract/errors';
import type { OperationName } from '../shared/contract/operation-names';

export type MarginaliaBridge = {
  readonly [K in OperationName]: (payload: unknown) => Promise<Result<unknown>>;
} & {
  readonly desktop?: DesktopBridge;
};

declare global {
  interface Window {
    marginalia?: MarginaliaBridge;
  }
}
