/** The shape of `window.marginalia`: each operation takes a payload and answers a `Result`. */
import type { Result } from '../shared/contract/errors';
import type { OperationName } from '../shared/contract/operation-names';

export type MarginaliaBridge = {
  readonly [K in OperationName]: (payload: unknown) => Promise<Result<unknown>>;
};

declare global {
  interface Window {
    marginalia?: MarginaliaBridge;
  }
}
