/**
 * Copying a live database with SQLite's online backup API (better-sqlite3's `db.backup`), which
 * reads a consistent snapshot while the app and other processes keep writing, and turning the
 * copy into a single verified file.
 */
import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { ServiceError } from '../../../shared/contract/errors';
import { openSqliteFile } from '../connection';

/** Pages copied per step: about 4 MB, so a large library does not hold the event loop long. */
const PAGES_PER_STEP = 1024;
/**
 * A write by another connection restarts the copy from the first page. After this many restarts
 * the rest is copied in one step, which holds a read snapshot (writers carry on, in WAL mode).
 */
const RESTARTS_BEFORE_ONE_STEP = 3;
/** sqlite3_backup_step's "all remaining pages" (better-sqlite3 clamps negative numbers to 0). */
export const ALL_PAGES = 0x7fffffff;

/**
 * Whether a `db.backup` actually copied. When its first step meets a lock (SQLITE_BUSY),
 * better-sqlite3 resolves at once with no pages copied and the destination untouched; every real
 * database has at least one page.
 */
export function copiedSomething(result: { totalPages: number }): boolean {
  return result.totalPages > 0;
}

/** The progress callback for a copy that always finishes, however busy the source is. */
function steadyProgress(): (progress: { totalPages: number; remainingPages: number }) => number {
  let lastRemaining = Infinity;
  let restarts = 0;
  return ({ remainingPages }) => {
    if (remainingPages > lastRemaining) restarts++;
    lastRemaining = remainingPages;
    return restarts >= RESTARTS_BEFORE_ONE_STEP ? ALL_PAGES : PAGES_PER_STEP;
  };
}

/** Copies `db` to a new file `target` with the online backup API. */
export async function copyOnline(db: Database, target: string): Promise<void> {
  const result = await db.backup(target, { progress: steadyProgress() });
  if (!copiedSomething(result)) {
    throw new Error('the library was locked (a write was in progress), so nothing was copied');
  }
}

/** Removes a file and any -wal, -shm or -journal beside it; missing ones are fine. */
export function removeWithSidecars(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/**
 * Makes a fresh copy a single file (rollback journal, not WAL: the online backup API keeps the
 * source's WAL mode) and checks it. Answers the integrity_check result ('ok' when sound).
 */
export function settleCopy(file: string): string {
  const copy = openSqliteFile(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const check = openSqliteFile(file, { readonly: true, fileMustExist: true });
  try {
    return String(check.pragma('integrity_check', { simple: true }));
  } finally {
    check.close();
  }
}

function errorCodeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A failure to write a copy, in the user's words, naming the folder. */
export function copyFailure(error: unknown, what: string, folder: string): ServiceError {
  if (error instanceof ServiceError) return error;
  const code = errorCodeOf(error) ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'ENOSPC' || code.startsWith('SQLITE_FULL'))
    return new ServiceError('storage_full', `not enough space in ${folder} for ${what}`);
  if (
    ['EACCES', 'EPERM', 'EROFS'].includes(code) ||
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_CANTOPEN')
  )
    return new ServiceError('read_only', `cannot write ${what} in ${folder}: ${detail}`);
  return new ServiceError('internal', `could not write ${what} in ${folder}: ${detail}`);
}
