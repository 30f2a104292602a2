/**
 * Opening the library file, whatever state it is in:
 * - sound and writable: opened, configured and migrated (`openDatabase`);
 * - damaged or empty: moved aside with its `-wal`/`-shm` (never deleted), and the newest backup
 *   that passes its check opened in its place (migrated if older), or else a new library;
 * - in a folder or a file that cannot be written: opened read-only, creating nothing beside it;
 * - from a newer Marginalia: refused, byte-for-byte untouched (`NewerDatabaseError`).
 * Nothing is moved aside while another Marginalia has the library open (`open-sessions`), nor on
 * the word of a lock-free (immutable) read alone; a recovery cut short is finished at the next
 * open (`pending-recovery`).
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
import {
  checkDatabase,
  confirmDamage,
  damageOf,
  findDamage,
  headerProblem,
  isDamageError,
} from './integrity';
import { MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/types';
import { moveAside, moveFile, newDamagedFolder } from './move-aside';
import { openSession, otherLiveSession, type OpenSession } from './open-sessions';
import {
  clearPendingRecovery,
  readPendingRecovery,
  writePendingRecovery,
  type PendingRecovery,
} from './pending-recovery';
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

/** The library looks damaged, but another process has it open: nothing may be moved. */
export class LibraryInUseError extends Error {
  override readonly name = 'LibraryInUseError';
}

const inUse = (what: string, pid: number) =>
  new LibraryInUseError(
    `${what}, but another Marginalia (process ${pid}) has it open: close it, then open the ` +
      'library again. Nothing was moved.',
  );

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
  /** The file operations of a recovery, for tests to make one fail. */
  readonly io?: {
    readonly moveFile?: (from: string, to: string) => void;
    readonly copyIntoPlace?: (backupFile: string, file: string) => void;
    /** Between a lock-free look that saw damage and the locking one that confirms it. */
    readonly beforeConfirmingDamage?: () => void;
  };
}

export interface OpenedLibraryFile {
  readonly db: Database;
  readonly readOnly: LibraryStatus['readOnly'];
  readonly recovered: LibraryStatus['recovered'];
  /** This process's entry in the library's open sessions: `end()` it after closing `db`. */
  readonly session: OpenSession | null;
}

type Opened = Omit<OpenedLibraryFile, 'session'>;

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

/**
 * The file's `user_version`, or null when it has none that can be read (it is damaged). With no
 * `-wal` the header holds the truth; with one, a read-only connection reads it through the WAL:
 * `PRAGMA user_version` works even when the schema cannot be parsed (a newer SQLite's, say).
 */
function storedUserVersion(file: string, options: LibraryFileOptions): number | null {
  if (headerProblem(file) !== null) return null;
  if (!fs.existsSync(`${file}-wal`)) {
    const header = Buffer.alloc(100);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, header, 0, 100, 0);
    } finally {
      fs.closeSync(fd);
    }
    return header.subarray(0, 16).equals(SQLITE_HEADER) ? header.readInt32BE(60) : null;
  }
  let db: Database | null = null;
  try {
    db = new BetterSqlite3(file, {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    return db.pragma('user_version', { simple: true }) as number;
  } catch {
    return null; // unreadable: the damage checks say why
  } finally {
    db?.close();
  }
}

const latestOf = (migrations: readonly Migration[]) =>
  migrations[migrations.length - 1]?.version ?? 0;

/** A file from a newer Marginalia is refused, whatever else is wrong with it: never moved. */
function refuseIfNewer(file: string, options: LibraryFileOptions): void {
  const version = storedUserVersion(file, options);
  if (version !== null && version > latestOf(options.migrations ?? MIGRATIONS))
    throw new NewerDatabaseError(file, version);
}

/**
 * Opens the library read-only without writing anything: with no `-wal`, as an immutable file (no
 * locks, no `-wal`/`-shm` created); with one (or `locking`), plainly read-only so the WAL's changes
 * are seen. Only a library at the latest schema can be used this way: an older one cannot be
 * migrated.
 *
 * A known limit: an immutable connection stays immutable for the session's life. If the file's
 * owner (the only one who can write a read-only file or folder) writes it meanwhile, reads may see
 * pages from before and after that write. Reopening shows the new state.
 */
function openReadOnly(
  file: string,
  reason: string,
  options: LibraryFileOptions,
  locking = false,
): Database {
  const hasWal = locking || fs.existsSync(`${file}-wal`);
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
  try {
    fs.copyFileSync(backupFile, partial);
    const fd = fs.openSync(partial, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

function openWritable(file: string, options: LibraryFileOptions): Database {
  return openDatabase(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.migrations ? { migrations: options.migrations } : {}),
    ...(options.now ? { now: options.now } : {}),
  }).db;
}

/**
 * Moves the damaged file aside and opens the newest usable backup, or a new library. Not while
 * another process has it open (its writes would go to the moved file), and not without an entry
 * of our own (a folder that cannot be written): then nothing is moved.
 */
function recover(
  file: string,
  problem: string,
  session: OpenSession | null,
  options: LibraryFileOptions,
): Opened {
  refuseIfNewer(file, options);
  const dataDir = path.dirname(file);
  if (session === null) {
    throw new DamagedLibraryError(
      file,
      problem,
      `no note that this Marginalia has it open could be written in ${dataDir}`,
    );
  }
  const other = otherLiveSession(dataDir, session);
  if (other) throw inUse(`${file} looks damaged (${problem})`, other.pid);
  const movedTo = newDamagedFolder(dataDir, (options.now ?? (() => new Date()))());
  writePendingRecovery(dataDir, { movedTo, problem });
  try {
    moveAside(file, movedTo, options.io?.moveFile ?? moveFile);
  } catch (error) {
    try {
      fs.rmdirSync(movedTo); // only if empty: everything moved was moved back
      clearPendingRecovery(dataDir);
    } catch {
      // Something could not be moved back (the error says what): the marker stays.
    }
    throw error;
  }
  return finishRecovery(file, { movedTo, problem }, options);
}

/** With the damaged file moved aside: the newest usable backup copied into place, or a new one. */
function finishRecovery(
  file: string,
  pending: PendingRecovery,
  options: LibraryFileOptions,
): Opened {
  const dataDir = path.dirname(file);
  const backup = newestUsableBackup(file, options);
  // Noted before the copy: if the process dies after it, the next open still says what was done.
  writePendingRecovery(dataDir, { ...pending, backup });
  if (backup) (options.io?.copyIntoPlace ?? copyIntoPlace)(backup.file, file);
  const db = openWritable(file, options);
  clearPendingRecovery(dataDir);
  return { db, readOnly: null, recovered: recoveredFrom(pending, backup ?? null) };
}

function recoveredFrom(pending: PendingRecovery, backup: Backup | null): Opened['recovered'] {
  return {
    problem: pending.problem,
    movedTo: pending.movedTo,
    openedFrom: backup ? 'backup' : 'new',
    backup,
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
  session: OpenSession | null,
  options: LibraryFileOptions,
): Opened {
  const opened = openAndCheckReadOnly(file, reason, options);
  if ('db' in opened) return { db: opened.db, readOnly: { reason }, recovered: null };
  refuseIfNewer(file, options);
  // A read-only file in a folder that can be written can still be moved aside.
  if (!canWrite(path.dirname(file))) throw new DamagedLibraryError(file, opened.problem, reason);
  // What an immutable (lock-free) read saw is looked at again under SQLite's locks first.
  options.io?.beforeConfirmingDamage?.();
  const problem = confirmDamage(file, {
    thorough: uncleanShutdown(file),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  if (problem === null) {
    // Sound after all: its owner was writing it. Read it the way that sees their writes whole.
    return { db: openReadOnly(file, reason, options, true), readOnly: { reason }, recovered: null };
  }
  return recover(file, problem, session, options);
}

/** A writable library: refused if newer, checked, then opened and migrated; damage recovered. */
function openWritableChecked(
  file: string,
  session: OpenSession | null,
  options: LibraryFileOptions,
): Opened {
  if (fs.existsSync(file)) {
    refuseIfNewer(file, options);
    const problem = findDamage(file, {
      thorough: uncleanShutdown(file),
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.io?.beforeConfirmingDamage
        ? { beforeConfirming: options.io.beforeConfirmingDamage }
        : {}),
    });
    if (problem) return recover(file, problem, session, options);
  }
  try {
    return { db: openWritable(file, options), readOnly: null, recovered: null };
  } catch (error) {
    const problem = damageFoundOpening(error);
    if (problem === null) throw error;
    return recover(file, problem, session, options);
  }
}

/** A writable library, first finishing a recovery that an earlier open did not finish. */
function openWritableLibrary(
  file: string,
  session: OpenSession | null,
  options: LibraryFileOptions,
): Opened {
  const dataDir = path.dirname(file);
  const pending = readPendingRecovery(dataDir);
  if (pending === null) return openWritableChecked(file, session, options);
  if (!fs.existsSync(file)) {
    const other = otherLiveSession(dataDir, session);
    if (other) {
      throw inUse(
        `${file} is missing: a recovery did not finish (the damaged file was moved to ` +
          `${pending.movedTo})`,
        other.pid,
      );
    }
    return finishRecovery(file, pending, options);
  }
  const moved = fs.existsSync(path.join(pending.movedTo, path.basename(file)));
  if (!moved) {
    // Nothing was moved (or all of it was moved back): the marker is stale.
    clearPendingRecovery(dataDir);
    return openWritableChecked(file, session, options);
  }
  // Moved, and the file in its place was made by the recovery that stopped short of opening it.
  const opened = openWritableChecked(file, session, options);
  clearPendingRecovery(dataDir);
  return opened.recovered
    ? opened
    : { ...opened, recovered: recoveredFrom(pending, pending.backup ?? null) };
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
  if (readOnlyReason && !exists) {
    throw new ReadOnlyLibraryError(
      `There is no library at ${file}, and none can be made there: ${readOnlyReason}.`,
    );
  }
  // Written before the database is opened or made, so that no other process takes a file this one
  // is creating or using for damaged. In a folder that cannot be written there is none.
  const session = openSession(folder);
  try {
    const opened = readOnlyReason
      ? openExistingReadOnly(file, readOnlyReason, session, options)
      : openWritableLibrary(file, session, options);
    return { ...opened, session };
  } catch (error) {
    session?.end();
    throw error;
  }
}
