/**
 * The library's backups: rotating, verified copies in `<library folder>/backups/`, taken with
 * SQLite's online backup API, listed with what each holds, and restored with the library kept
 * aside first. The pre-migration backup at open is taken by connection.ts (synchronously).
 */
export { backupsFolderOf } from './names';
export { listBackups, readBackup, verifyBackupFile } from './read';
export { dueBackups, rotateBackups } from './rotate';
export { backupToFile, takeBackup } from './take';
export { startBackupSchedule, type BackupSchedule, type BackupScheduleOptions } from './schedule';
export { restoreFromBackup, type RestoreOptions } from './restore';
export { createBackupHandlers, type BackupHandlerOptions, type BackupHandlers } from './handlers';
export {
  createRestoreGuard,
  RESTORE_UNDER_WAY_MESSAGE,
  type RestoreGuard,
  type RestoreState,
} from './restore-state';
