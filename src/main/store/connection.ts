/**
 * Opens a library database: checks its version before touching it, sets the pragmas that keep
 * acknowledged writes durable, takes a verified backup before migrating an existing database, and
 * applies pending migrations one transaction each.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/types';
import { newBackupFile } from './backups/names';

/** A database written by a newer Marginalia. It is refused and left byte-for-byte untouched. */
export class NewerDatabaseError extends Error {
  override readonly name = 'NewerDatabaseError';
  constructor(
    readonly file: string,
    readonly version: number,
  ) {
    super(
      `${file} was made by a newer version of Marginalia (schema ${version}; this version knows ` +
        `up to ${LATEST_VERSION}). Update Marginalia to open it; the file was not changed.`,
    );
  }
}

/** A migration failed; the database was rolled back to the version it had, and a backup kept. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    readonly migration: Migration,
    readonly backupFile: string | null,
    cause: unknown,
  ) {
    super(
      `migration ${migration.version} (${migration.name}) failed and was rolled back: ` +
        `${cause instanceof Error ? cause.message : String(cause)}` +
        (backupFile ? `; a backup from before it is at ${backupFile}` : ''),
      { cause },
    );
  }
}

export interface OpenOptions {
  /** Path of a better-sqlite3 native build other than the one in node_modules (Electron's). */
  readonly nativeBinding?: string;
  /** Migrations to apply; tests pass their own lists. */
  readonly migrations?: readonly Migration[];
  /** The clock, for backup file names. */
  readonly now?: () => Date;
  /**
   * Whether to back the file up before migrating it (default true). A restore turns it off for
   * its temporary copy: the backup that copy came from stays where it is.
   */
  readonly backupBeforeMigrating?: boolean;
}

export interface OpenedDatabase {
  readonly db: Database;
  /** The schema version the file had before this open (0 for a new file). */
  readonly previousVersion: number;
  /** The verified backup taken before migrating, if there was anything to migrate. */
  readonly backupFile: string | null;
}

function readUserVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** `user_version` from a SQLite file's 100-byte header (offset 60), or null if it has none. */
function readHeaderUserVersion(file: string): number | null {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.readSync(fd, header, 0, 100, 0) < 100) return null;
  } finally {
    fs.closeSync(fd);
  }
  return header.subarray(0, 16).equals(SQLITE_HEADER) ? header.readInt32BE(60) : null;
}

function probeUserVersion(file: string, driverOptions: { nativeBinding?: string }): number {
  const probe = new BetterSqlite3(file, { ...driverOptions, readonly: true, fileMustExist: true });
  try {
    return readUserVersion(probe);
  } finally {
    probe.close();
  }
}

/**
 * The native build of better-sqlite3 this process opened its library with (Electron's differs from
 * Node's). Backup files are opened with the same one: a process has one ABI.
 */
let processDriver: { nativeBinding?: string } = {};

/**
 * Remembers the native build for openSqliteFile. openDatabase does it; a caller that opens the
 * library another way (read-only) calls it with the same path.
 */
export function rememberNativeBinding(nativeBinding: string | undefined): void {
  if (nativeBinding) processDriver = { nativeBinding };
}

/** Opens another SQLite file (a backup, a copy) with the driver the library was opened with. */
export function openSqliteFile(
  file: string,
  options: { readonly?: boolean; fileMustExist?: boolean } = {},
): Database {
  return new BetterSqlite3(file, { ...processDriver, ...options });
}

/**
 * Copies the database consistently (VACUUM INTO) and checks the copy before trusting it. The copy
 * is a single file in rollback-journal mode (VACUUM INTO writes it that way), so opening it later
 * leaves no -wal or -shm beside it.
 */
export function backupDatabase(db: Database, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  db.prepare('VACUUM INTO ?').run(target);
  const copy = openSqliteFile(target, { readonly: true, fileMustExist: true });
  try {
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok')
      throw new Error(`backup ${target} failed its integrity check: ${String(result)}`);
  } finally {
    copy.close();
  }
}

/** Applies durable-write settings. FULL sync: a power loss cannot drop an acknowledged commit. */
function configure(db: Database): void {
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const driverOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  rememberNativeBinding(options.nativeBinding);

  if (fs.existsSync(file)) {
    // Look before writing anything: a file from the future must stay byte-for-byte as it is, with
    // nothing created beside it. With no WAL the header holds the whole truth, so read it without
    // SQLite (even a read-only connection to a WAL database creates -wal and -shm files).
    const headerVersion = fs.existsSync(`${file}-wal`) ? null : readHeaderUserVersion(file);
    const version = headerVersion ?? probeUserVersion(file, driverOptions);
    if (version > latest) throw new NewerDatabaseError(file, version);
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  }

  const db = new BetterSqlite3(file, driverOptions);
  try {
    configure(db);
    const previousVersion = readUserVersion(db);
    if (previousVersion > latest) throw new NewerDatabaseError(file, previousVersion);
    const pending = migrations.filter((m) => m.version > previousVersion);
    let backupFile: string | null = null;
    if (pending.length > 0 && previousVersion > 0 && options.backupBeforeMigrating !== false) {
      // The one backup that stays synchronous: VACUUM INTO, before any migration takes the write
      // lock, verified by backupDatabase. Every other backup uses the online backup API
      // (takeBackup in ./backups).
      backupFile = newBackupFile(file, 'before-migration', options.now?.() ?? new Date());
      backupDatabase(db, backupFile);
    }
    for (const migration of pending) {
      try {
        db.transaction(() => {
          // Another process (the CLI beside the app) may have migrated while this one waited for
          // the write lock: look again under the lock, so no migration ever runs twice.
          if (readUserVersion(db) >= migration.version) return;
          migration.up(db);
          db.pragma(`user_version = ${migration.version}`);
        }).immediate();
      } catch (error) {
        throw new MigrationError(migration, backupFile, error);
      }
    }
    return { db, previousVersion, backupFile };
  } catch (error) {
    db.close();
    throw error;
  }
}

export { LATEST_VERSION };
