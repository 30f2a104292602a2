/**
 * "Daily while used": the desktop app and web mode take the due backups when the library opens and
 * look again every hour while it stays open. The CLI does not schedule.
 */
import type { Database } from 'better-sqlite3';
import { dueBackups } from './rotate';
import { takeBackup } from './take';

export const BACKUP_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export interface BackupScheduleOptions {
  readonly db: Database;
  readonly libraryFile: string;
  readonly now?: () => Date;
  /** A backup that failed (the run carries on at the next check). */
  readonly onError: (error: unknown) => void;
  /** How often to look (tests pass a short one); an hour by default. */
  readonly intervalMs?: number;
}

export interface BackupSchedule {
  /** Stops checking; call before closing the database. A backup in flight still finishes. */
  stop(): void;
  /** The run in flight, if any (tests and shutdown wait on it). */
  readonly idle: () => Promise<void>;
}

export function startBackupSchedule(options: BackupScheduleOptions): BackupSchedule {
  const now = options.now ?? (() => new Date());
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let busy = false;

  const run = async (): Promise<void> => {
    try {
      for (const kind of dueBackups(options.libraryFile, now())) {
        if (stopped || !options.db.open) return;
        await takeBackup(options.db, options.libraryFile, kind, now());
      }
    } catch (error) {
      if (!stopped) options.onError(error);
    }
  };
  const check = () => {
    if (stopped || busy) return;
    busy = true;
    running = run().finally(() => {
      busy = false;
    });
  };

  const timer = setInterval(check, options.intervalMs ?? BACKUP_CHECK_INTERVAL_MS);
  timer.unref();
  check();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
    idle: () => running,
  };
}
