/**
 * Opening the library file, whatever state it is in:
 * - sound and writable: opened, configured and migrated (`openDatabase`);
 * - damaged or empty: moved aside with its `-wal`/`-shm` (never deleted), and the newest backup
 *   that passes its check opened in its place (migrated if older), or else a new library;
 * - in a folder or a file that cannot be written: opened read-only, creating nothing beside it;
 * - from a newer Marginalia: refused, byte-for-byte untouched (`NewerDatabaseError`).
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { Backup, LibraryStatus } from '../../shared/contract/library-safety';
import {
  MigrationError,
  NewerDatabaseError,
  openDatabase,
  rememberNativeBinding,
} from './connection';
import { checkDatabase, damageOf, findDamage, headerProblem, isDamageError } from './integrity';
import { MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/types';
import { moveAside } from './move-aside';
import { immutableUri } from './sqlite-uri';

/** The library can be opened only read-only, and cannot be in the state it is in. */
export class ReadOnlyLibraryError extends Error {
  override readonly name = 'ReadOnlyLibraryError';
}

/** The library file is damaged and cannot be moved aside (its folder cannot be written). */
export class DamagedLibraryError extends Error {
  override readonly name = 'DamagedLibraryError';
  constructor(
    readonly file: string,
    readonly problem: string,
    reason: string,
  ) {
    super(
      `${file} is damaged (${problem}) and cannot be moved aside to open a backup, because ` +
        `${reason}. Nothing was changed.`,
    );
  }
}

/** Where to find backups to open in place of a damaged file (the backups module). */
export interface BackupSource {
  /** The library's backups, newest first. */
  list(libraryFile: string): readonly Backup[];
  /** Whether a backup file opens and passes SQLite's integrity check. */
  verify(backupFile: string): boolean;
}

export interface LibraryFileOptions {
  readonly nativeBinding?: string;
  readonly now?: () => Date;
  /** Migrations to apply; tests pass their own lists. */
  readonly migrations?: readonly Migration[];
  /** Backups to fall back on when the file is damaged; without them a new library is made. */
  readonly backups?: BackupSource;
}

export interface OpenedLibraryFile {
  readonly db: Database;
  readonly readOnly: LibraryStatus['readOnly'];
  readonly recovered: LibraryStatus['recovered'];
}

function canWrite(target: string): boolean {
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why the library must be opened read-only, in words, or null when it can be written. */
function whyReadOnly(file: string): string | null {
  const folder = path.dirname(file);
  // Writing means creating -wal and -shm files beside the library, so the folder matters too.
  if (!canWrite(folder)) return `the folder ${folder} cannot be written`;
  if (fs.existsSync(file) && !canWrite(file)) return `the file ${file} is read-only`;
  return null;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** `user_version` from the file's header, when the header is SQLite's and no WAL overrides it. */
function headerUserVersion(file: string): number | null {
  if (fs.existsSync(`${file}-wal`)) return null;
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.readSync(fd, header, 0, 100, 0) < 100) return null;
  } finally {
    fs.closeSync(fd);
  }
  return header.subarray(0, 16).equals(SQLITE_HEADER) ? header.readInt32BE(60) : null;
}

const latestOf = (migrations: readonly Migration[]) =>
  migrations[migrations.length - 1]?.version ?? 0;

/**
 * Opens the library read-only without writing anything: with no `-wal`, as an immutable file (no
 * locks, no `-wal`/`-shm` created); with one, plainly read-only so the WAL's changes are seen.
 * Only a library at the latest schema can be used this way: an older one cannot be migrated.
 */
function openReadOnly(file: string, reason: string, options: LibraryFileOptions): Database {
  const hasWal = fs.existsSync(`${file}-wal`);
  let db: Database | null = null;
  let version: number;
  try {
    db = new BetterSqlite3(hasWal ? file : immutableUri(file), {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    version = db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    db?.close();
    if (!hasWal || isDamageError(error)) throw error;
    throw new ReadOnlyLibraryError(
      `${file} has changes from an earlier session in ${file}-wal that SQLite cannot read ` +
        `while ${reason} (${(error as Error).message}). Make it writable and open it again; ` +
        'nothing was changed.',
      { cause: error },
    );
  }
  const latest = latestOf(options.migrations ?? MIGRATIONS);
  if (version !== latest) db.close();
  if (version > latest) throw new NewerDatabaseError(file, version);
  if (version < latest) {
    throw new ReadOnlyLibraryError(
      `${file} was made by an older version of Marginalia and must be updated before it can ` +
        `be opened, but ${reason}. Make it writable and open it again; nothing was changed.`,
    );
  }
  db.pragma('query_only = ON'); // belt and braces: not even a stray statement can write
  return db;
}

/** The newest backup that SQLite can still read whole and this version can open, or null. */
function newestUsableBackup(file: string, options: LibraryFileOptions): Backup | null {
  const latest = latestOf(options.migrations ?? MIGRATIONS);
  for (const backup of options.backups?.list(file) ?? []) {
    if (backup.schemaVersion <= latest && options.backups?.verify(backup.file)) return backup;
  }
  return null;
}

/** Copies a backup into place whole: to a temporary name, flushed, then renamed. */
function copyIntoPlace(backupFile: string, file: string): void {
  const partial = `${file}.restoring`;
  fs.copyFileSync(backupFile, partial);
  const fd = fs.openSync(partial, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(partial, file);
}

function openWritable(file: string, options: LibraryFileOptions): Database {
  return openDatabase(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.migrations ? { migrations: options.migrations } : {}),
    ...(options.now ? { now: options.now } : {}),
  }).db;
}

/** Moves the damaged file aside and opens the newest usable backup, or a new library. */
function recover(file: string, problem: string, options: LibraryFileOptions): OpenedLibraryFile {
  const movedTo = moveAside(file, path.dirname(file), (options.now ?? (() => new Date()))());
  const backup = newestUsableBackup(file, options);
  if (backup) copyIntoPlace(backup.file, file);
  const db = openWritable(file, options);
  return {
    db,
    readOnly: null,
    recovered: { problem, movedTo, openedFrom: backup ? 'backup' : 'new', backup },
  };
}

/** SQLite's words for damage it met while opening or migrating, or null for other failures. */
function damageFoundOpening(error: unknown): string | null {
  const cause = error instanceof MigrationError ? error.cause : error;
  return isDamageError(cause) ? damageOf(cause) : null;
}

/** Whether the last session left a `-wal` behind (a clean close removes it): check everything. */
const uncleanShutdown = (file: string) => fs.existsSync(`${file}-wal`);

/** The library opened read-only and found sound, or what is wrong with it. */
function openAndCheckReadOnly(
  file: string,
  reason: string,
  options: LibraryFileOptions,
): { db: Database } | { problem: string } {
  const problem = headerProblem(file);
  if (problem !== null) return { problem };
  let db: Database | null = null;
  try {
    db = openReadOnly(file, reason, options);
    const found = checkDatabase(db, uncleanShutdown(file));
    if (found === null) return { db };
    db.close();
    return { problem: found };
  } catch (error) {
    db?.close();
    return { problem: damageOf(error) }; // throws again anything that is not damage
  }
}

/** A read-only library: opened without writing, then checked on that same connection. */
function openExistingReadOnly(
  file: string,
  reason: string,
  options: LibraryFileOptions,
): OpenedLibraryFile {
  const opened = openAndCheckReadOnly(file, reason, options);
  if ('db' in opened) return { db: opened.db, readOnly: { reason }, recovered: null };
  const { problem } = opened;
  // A read-only file in a folder that can be written can still be moved aside.
  if (!canWrite(path.dirname(file))) throw new DamagedLibraryError(file, problem, reason);
  return recover(file, problem, options);
}

export function openLibraryFile(file: string, options: LibraryFileOptions = {}): OpenedLibraryFile {
  // Backups are listed and verified before openDatabase runs: they need Electron's build too.
  rememberNativeBinding(options.nativeBinding);
  const folder = path.dirname(file);
  const exists = fs.existsSync(file);
  if (!exists && !fs.existsSync(folder)) {
    try {
      fs.mkdirSync(folder, { recursive: true });
    } catch (error) {
      throw new ReadOnlyLibraryError(
        `There is no library at ${file}, and its folder cannot be made ` +
          `(${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
        { cause: error },
      );
    }
  }
  const readOnlyReason = whyReadOnly(file);
  if (readOnlyReason) {
    if (exists) return openExistingReadOnly(file, readOnlyReason, options);
    throw new ReadOnlyLibraryError(
      `There is no library at ${file}, and none can be made there: ${readOnlyReason}.`,
    );
  }

  if (exists) {
    const headerVersion = headerUserVersion(file);
    const latest = latestOf(options.migrations ?? MIGRATIONS);
    // A file from a newer version is left to `openDatabase`'s refusal, untouched by any check.
    if (headerVersion === null || headerVersion <= latest) {
      const problem = findDamage(file, {
        thorough: uncleanShutdown(file),
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      });
      if (problem) return recover(file, problem, options);
    }
  }
  try {
    return { db: openWritable(file, options), readOnly: null, recovered: null };
  } catch (error) {
    const problem = damageFoundOpening(error);
    if (problem === null) throw error;
    return recover(file, problem, options);
  }
}
