/**
 * Whether this process is restoring a backup into its library. A restore holds the library's write
 * lock between the steps of its copy (the event loop runs meanwhile); a write from the same process
 * in that gap would wait on a lock its own process holds, freezing the app until it gave up. So the
 * service refuses writes at once while this says a restore is under way.
 */
import { ServiceError } from '../../../shared/contract/errors';

export interface RestoreState {
  readonly underWay: boolean;
}

export const RESTORE_UNDER_WAY_MESSAGE =
  'A restore from backup is under way; try again in a moment.';

export interface RestoreGuard extends RestoreState {
  /** Runs one restore, marked under way until it settles; a second one meanwhile is refused. */
  run<T>(restore: () => Promise<T>): Promise<T>;
}

export function createRestoreGuard(): RestoreGuard {
  let underWay = false;
  return {
    get underWay() {
      return underWay;
    },
    async run(restore) {
      if (underWay) throw new ServiceError('busy', RESTORE_UNDER_WAY_MESSAGE);
      underWay = true; // before the first await: nothing else runs in between
      try {
        return await restore();
      } finally {
        underWay = false;
      }
    },
  };
}
