/** The service's backup operations over one library: list, back up now, restore. */
import type { Database } from 'better-sqlite3';
import { ServiceError } from '../../../shared/contract/errors';
import type { ServiceHandlers } from '../../../shared/contract/operations';
import { listBackups } from './read';
import { restoreFromBackup } from './restore';
import { createRestoreGuard, type RestoreState } from './restore-state';
import { takeBackup } from './take';

export type BackupHandlers = Pick<
  ServiceHandlers,
  'listBackups' | 'backupNow' | 'restoreBackup'
> & {
  /** Whether their restore is under way: the service refuses writes meanwhile (createService). */
  readonly restoreState: RestoreState;
};

export interface BackupHandlerOptions {
  readonly db: Database;
  readonly libraryFile: string;
  readonly now?: () => Date;
  /**
   * The library is open read-only: a backup is still taken if the backups folder can be written
   * (else read_only, from takeBackup); a restore is refused.
   */
  readonly readOnly: boolean;
}

export function createBackupHandlers(options: BackupHandlerOptions): BackupHandlers {
  const { db, libraryFile } = options;
  const now = options.now ?? (() => new Date());
  const guard = createRestoreGuard();
  return {
    restoreState: guard,
    listBackups: () => ({ backups: listBackups(libraryFile) }),
    backupNow: async () => ({ backup: await takeBackup(db, libraryFile, 'manual', now()) }),
    restoreBackup: async ({ file }) => {
      if (options.readOnly) {
        throw new ServiceError(
          'read_only',
          `${libraryFile} is open read-only, so a backup cannot be restored into it`,
        );
      }
      return guard.run(() => restoreFromBackup({ db, libraryFile, backupFile: file, now: now() }));
    },
  };
}
