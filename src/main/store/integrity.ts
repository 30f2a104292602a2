/**
 * Is a library file damaged? Looked at before the library is used: an empty file, a file that is
 * not SQLite's, one SQLite cannot read, or one its own check finds fault with. `quick_check` at
 * every open; the full `integrity_check` after an unclean shutdown (a `-wal` left behind). A
 * file from a newer Marginalia is not damaged: this is only asked about files we can open.
 */
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { immutableUri } from './sqlite-uri';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

/** SQLite's own ways of saying the bytes are not a database it can read. */
export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
  );
}

/** What is wrong with the first 100 bytes, in words, or null when they are SQLite's. */
export function headerProblem(file: string): string | null {
  const size = fs.statSync(file).size;
  if (size === 0) return 'the file is empty';
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    fs.closeSync(fd);
  }
  const start = header.subarray(0, Math.min(read, SQLITE_HEADER.length));
  if (!start.equals(SQLITE_HEADER.subarray(0, start.length)) || read < SQLITE_HEADER.length)
    return 'the file is not a SQLite database';
  if (read < HEADER_BYTES) return `the file is cut short (${size} bytes)`;
  return null;
}

/** The first line of what SQLite's check reported that says something (not "*** in database"). */
function firstFinding(rows: readonly unknown[]): string {
  const lines = rows
    .flatMap((row) => String(Object.values(row as Record<string, unknown>)[0]).split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('***'));
  return lines[0] ?? 'an unreadable result';
}

export interface DamageCheckOptions {
  /** The full `integrity_check` (after an unclean shutdown) instead of `quick_check`. */
  readonly thorough: boolean;
  readonly nativeBinding?: string;
  /** Called between a lock-free look that saw damage and the look that confirms it (tests). */
  readonly beforeConfirming?: () => void;
}

/**
 * What is wrong with an existing library file, in plain words, or null when it is sound. Reads
 * only: with no `-wal` it first opens the file immutable (nothing is written or created beside
 * it); with one, read-only, so the WAL is checked too and neither file is changed.
 *
 * Immutable means no locks: a checkpoint by another process at that moment can make a sound file
 * look damaged. So damage seen that way is only answered once `confirmDamage` sees it too.
 */
export function findDamage(file: string, options: DamageCheckOptions): string | null {
  const problem = headerProblem(file);
  if (problem) return problem;
  if (fs.existsSync(`${file}-wal`)) return checkWithSqlite(file, 'locking', options);
  if (checkWithSqlite(file, 'immutable', options) === null) return null;
  options.beforeConfirming?.();
  return confirmDamage(file, options);
}

/**
 * Damage seen through an immutable read, looked for again through a normal read-only connection
 * that takes SQLite's locks and reads the `-wal` (creating it and the `-shm` if they are missing,
 * so only when the folder can be written): the problem it finds, or null when the file is sound.
 */
export function confirmDamage(file: string, options: DamageCheckOptions): string | null {
  const problem = headerProblem(file);
  if (problem) return problem;
  return checkWithSqlite(file, 'locking', {
    ...options,
    // A -wal there now means a writer came by: nothing short of the full check is enough.
    thorough: options.thorough || fs.existsSync(`${file}-wal`),
  });
}

/** What SQLite's own check finds wrong with an open database, in words, or null when sound. */
export function checkDatabase(db: BetterSqlite3.Database, thorough: boolean): string | null {
  try {
    const rows = db.pragma(thorough ? 'integrity_check' : 'quick_check') as unknown[];
    const finding = firstFinding(rows);
    return rows.length === 1 && finding === 'ok' ? null : `SQLite's check found: ${finding}`;
  } catch (error) {
    return damageOf(error);
  }
}

/** SQLite's words for damage it met, or the error thrown again when it is not damage. */
export function damageOf(error: unknown): string {
  if (!isDamageError(error)) throw error;
  return `SQLite cannot read it (${(error as Error).message})`;
}

function checkWithSqlite(
  file: string,
  how: 'immutable' | 'locking',
  options: DamageCheckOptions,
): string | null {
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new BetterSqlite3(how === 'locking' ? file : immutableUri(file), {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    return damageOf(error);
  }
  try {
    return checkDatabase(db, options.thorough);
  } finally {
    db.close();
  }
}
