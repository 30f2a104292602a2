/**
 * A library: one data folder, its database and the service over it. Every entry point (Electron,
 * web mode, CLI) opens a library this way. Opening checks the file first: a damaged one is moved
 * aside and a backup opened in its place, one that cannot be written is opened read-only, and
 * `status` says which.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { LibraryStatus } from '../shared/contract/library-safety';
import { lazySample } from './sample';
import { createService, type Service } from './service';
import {
  backupsFolderOf,
  createBackupHandlers,
  listBackups,
  startBackupSchedule,
  verifyBackupFile,
  type BackupSchedule,
} from './store/backups/index';
import { openLibraryFile } from './store/open-library-file';
import { DATABASE_FILE, resourcesDir } from './paths';

export interface Library {
  readonly dataDir: string;
  readonly file: string;
  readonly db: Database;
  readonly service: Service;
  /** What opening found and did: read-only, or recovered from a damaged file. */
  readonly status: LibraryStatus;
  /**
   * Starts the automatic backups (daily while used, kept 7 daily and 4 weekly) for as long as
   * the library is open: the desktop app and web mode call it, the CLI does not. Nothing is
   * scheduled for a read-only library. Stopped by `close()` too.
   */
  startBackups(options?: { readonly onError?: (error: unknown) => void }): BackupSchedule;
  close(): void;
}

export interface LibraryOptions {
  readonly dataDir: string;
  readonly nativeBinding?: string;
  readonly resourcesDir?: string;
  readonly now?: () => Date;
  readonly newId?: () => string;
}

const reportBackupError = (error: unknown) =>
  console.error(
    `Marginalia: a backup failed: ${error instanceof Error ? error.message : String(error)}`,
  );

export function openLibrary(options: LibraryOptions): Library {
  const file = path.join(options.dataDir, DATABASE_FILE);
  const { db, readOnly, recovered, session } = openLibraryFile(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.now ? { now: options.now } : {}),
    backups: { list: listBackups, verify: verifyBackupFile },
  });
  const status: LibraryStatus = {
    file: path.resolve(file),
    backupsFolder: backupsFolderOf(file),
    readOnly,
    recovered,
  };
  const schedules = new Set<BackupSchedule>();
  try {
    const service = createService({
      db,
      newId: options.newId ?? (() => uuidv7()),
      sample: lazySample(options.resourcesDir ?? resourcesDir()),
      readOnly,
      status: () => status,
      backups: createBackupHandlers({
        db,
        libraryFile: file,
        readOnly: readOnly !== null,
        ...(options.now ? { now: options.now } : {}),
      }),
      ...(options.now ? { now: options.now } : {}),
    });
    return {
      dataDir: options.dataDir,
      file,
      db,
      service,
      status,
      startBackups: ({ onError = reportBackupError } = {}) => {
        if (readOnly) return { stop: () => {}, idle: () => Promise.resolve() };
        const schedule = startBackupSchedule({
          db,
          libraryFile: file,
          onError,
          ...(options.now ? { now: options.now } : {}),
        });
        schedules.add(schedule);
        return {
          stop: () => {
            schedule.stop();
            schedules.delete(schedule);
          },
          idle: schedule.idle,
        };
      },
      close: () => {
        for (const schedule of schedules) schedule.stop();
        schedules.clear();
        if (db.open) db.close();
        session?.end(); // this process no longer has the library open
      },
    };
  } catch (error) {
    db.close();
    session?.end();
    throw error;
  }
}
