/**
 * The shape of `window.marginalia`: each operation takes a payload and answers a `Result`; in the
 * desktop app, `desktop` adds the native dialogs and the menu's commands (absent in web mode).
 */
import type { DesktopBridge } from '../shared/contract/desktop';
import type { Result } from '../shared/contract/errors';
import type { OperationName } from '../shared/contract/operation-names';

/** Jobs in the desktop app: `run` answers the job's `Result` when it ends. */
export interface JobBridge {
  run(
    jobId: string,
    name: string,
    payload: unknown,
    onProgress: (event: unknown) => void,
  ): Promise<Result<unknown>>;
  cancel(jobId: string): void;
}

export type MarginaliaBridge = {
  readonly [K in OperationName]: (payload: unknown) => Promise<Result<unknown>>;
} & {
  readonly jobs?: JobBridge;
  readonly desktop?: DesktopBridge;
};

declare global {
  interface Window {
    marginalia?: MarginaliaBridge;
  }
}
