/**
 * Restoring a backup into the open library. Only a file `listBackups` answers is accepted (web mode
 * sends paths: this is its security check). The library as it is is kept aside first as a
 * 'before-restore' backup, so nothing newer is lost and restoring that one undoes the restore.
 * The chosen backup is copied, migrated and checked in a temporary file; only then is it copied
 * into the library with the online backup API, in one write transaction on the library file,
 * so the open connection sees the restored content and a failure anywhere leaves the library as
 * it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { ServiceError } from '../../../shared/contract/errors';
import type { Backup, RestoreOutcome } from '../../../shared/contract/library-safety';
import { LATEST_VERSION, openDatabase, openSqliteFile } from '../connection';
import { backupsFolderOf, parseBackupNameOf, restoringFile } from './names';
import { ALL_PAGES, copiedSomething, removeWithSidecars } from './online-copy';
import { listBackups, verifyBackupFile } from './read';
import { rotateBackups } from './rotate';
import { writeBackup } from './take';

export interface RestoreOptions {
  readonly db: Database;
  readonly libraryFile: string;
  /** One of the files listBackups answers; anything else is refused. */
  readonly backupFile: string;
  readonly now: Date;
  /** Brings a copy to the latest schema; by default openDatabase with the app's migrations. */
  readonly migrate?: (file: string) => void;
}

function migrateWithOpenDatabase(file: string): void {
  openDatabase(file, { backupBeforeMigrating: false }).db.close();
}

const damaged = (file: string) =>
  new ServiceError(
    'invalid_request',
    `${file} is damaged (it fails SQLite's integrity check) and cannot be restored; ` +
      'nothing was restored',
  );

/** The backup named, if it is one of this library's sound backups; otherwise why not. */
function chosenBackup(libraryFile: string, backupFile: string): Backup {
  const requested = path.resolve(backupFile);
  const folder = backupsFolderOf(libraryFile);
  const chosen = listBackups(libraryFile).find((b) => b.file === requested);
  if (chosen) return chosen;
  const ours =
    path.dirname(requested) === folder &&
    parseBackupNameOf(libraryFile, path.basename(requested)) !== null;
  if (!ours) {
    throw new ServiceError(
      'invalid_request',
      `${backupFile} is not one of this library's backups (they are in ${folder}); ` +
        'nothing was restored',
    );
  }
  if (!fs.existsSync(requested)) {
    throw new ServiceError('not_found', `there is no backup ${requested}; nothing was restored`);
  }
  throw damaged(requested);
}

/**
 * Changes by this connection (total_changes) and by any other (data_version): if either moves
 * between keeping the library aside and the restore taking its write lock, something would be lost.
 */
function changeMarker(db: Database): string {
  const { n } = db.prepare('SELECT total_changes() AS n').get() as { n: number };
  return `${n}:${String(db.pragma('data_version', { simple: true }))}`;
}

function integrityOf(db: Database): string {
  return String(db.pragma('integrity_check', { simple: true }));
}

const LOCK_ATTEMPTS = 50;
const LOCK_WAIT_MS = 100;

/**
 * Copies `source` into the library file in one write transaction. Another process holding the
 * library's write lock makes the copy wait its turn (about 5 s, as busy_timeout does), then fail.
 */
async function copyInto(source: Database, libraryFile: string, locked: () => void): Promise<void> {
  for (let attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
    let lockHeld = false;
    const result = await source.backup(libraryFile, {
      progress: () => {
        lockHeld = true;
        locked();
        return ALL_PAGES;
      },
    });
    if (lockHeld && copiedSomething(result)) return;
    await new Promise((resolve) => setTimeout(resolve, LOCK_WAIT_MS));
  }
  throw new ServiceError(
    'internal',
    `${libraryFile} stayed busy (another Marginalia is writing to it); nothing was restored`,
  );
}

export async function restoreFromBackup(options: RestoreOptions): Promise<RestoreOutcome> {
  const { db, libraryFile, now } = options;
  const restored = chosenBackup(libraryFile, options.backupFile);
  const file = restored.file;
  if (restored.schemaVersion > LATEST_VERSION) {
    throw new ServiceError(
      'invalid_request',
      `${file} was made by a newer version of Marginalia (schema ${restored.schemaVersion}); ` +
        'update Marginalia to restore it; nothing was restored',
    );
  }
  // Checked again now, not from the listing's memory: the file could have changed since.
  if (!verifyBackupFile(file)) throw damaged(file);

  const temp = restoringFile(libraryFile, now);
  let source: Database | null = null;
  try {
    fs.copyFileSync(file, temp, fs.constants.COPYFILE_EXCL);
    (options.migrate ?? migrateWithOpenDatabase)(temp);
    source = openSqliteFile(temp, { fileMustExist: true });
    const check = integrityOf(source);
    if (check !== 'ok') throw new Error(`the migrated copy fails its integrity check (${check})`);

    const before = changeMarker(db);
    const keptAside = await writeBackup(db, libraryFile, 'before-restore', now);
    await copyInto(source, libraryFile, () => {
      // Runs once the library's write lock is held, before any page is copied: a change that
      // slipped in after the library was kept aside stops the restore (the locked transaction is
      // rolled back), so it cannot be lost.
      if (changeMarker(db) !== before) {
        throw new ServiceError(
          'internal',
          `${libraryFile} changed while the restore was starting; nothing was restored (try again)`,
        );
      }
    });
    rotateBackups(libraryFile, now);
    return { restored, keptAside };
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new ServiceError(
      'internal',
      `could not restore ${file}: ${detail}; the library was not changed`,
    );
  } finally {
    source?.close();
    removeWithSidecars(temp);
  }
}
