/**
 * Reading backups: what one holds (schema version, live articles and annotations), whether it is
 * sound (`integrity_check`), and the list of this library's sound backups, newest first.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Backup } from '../../../shared/contract/library-safety';
import { openSqliteFile } from '../connection';
import { backupsFolderOf, parseBackupName, parseBackupNameOf, type BackupName } from './names';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Whether a file can be opened read-only without leaving anything beside it: a SQLite file in
 * rollback-journal mode (header bytes 18 and 19 are 1). Our backups are always written that way; a
 * WAL-mode file would get a -shm (and -wal) the moment it was opened.
 */
function isSingleSqliteFile(file: string): boolean {
  const header = Buffer.alloc(100);
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    if (fs.readSync(fd, header, 0, 100, 0) < 100) return false;
  } finally {
    fs.closeSync(fd);
  }
  return header.subarray(0, 16).equals(SQLITE_HEADER) && header[18] === 1 && header[19] === 1;
}

/** Runs `read` over the file opened read-only, or answers null if it cannot be opened. */
function withReadOnly<T>(file: string, read: (db: Database) => T): T | null {
  if (!isSingleSqliteFile(file)) return null;
  let db: Database;
  try {
    db = openSqliteFile(file, { readonly: true, fileMustExist: true });
  } catch {
    return null;
  }
  try {
    return read(db);
  } catch {
    return null;
  } finally {
    db.close();
  }
}

function hasTable(db: Database, name: string): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !==
    undefined
  );
}

/** Live articles and the live annotations on them; every schema version has these columns. */
function countLive(db: Database): { articles: number; annotations: number } {
  if (!hasTable(db, 'articles')) return { articles: 0, annotations: 0 };
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const articles = count('SELECT count(*) AS n FROM articles WHERE deleted_at IS NULL');
  const annotations = hasTable(db, 'annotations')
    ? count(
        `SELECT count(*) AS n FROM annotations AS a JOIN articles AS r ON r.id = a.article_id
         WHERE a.deleted_at IS NULL AND r.deleted_at IS NULL`,
      )
    : 0;
  return { articles, annotations };
}

/**
 * What a backup file holds, or null if it is not a readable SQLite file. Kind and date come from
 * its name; a file not named as a backup reads as 'manual', dated by its modification time.
 */
export function readBackup(file: string): Backup | null {
  const absolute = path.resolve(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch {
    return null;
  }
  if (!stat.isFile()) return null;
  const content = withReadOnly(absolute, (db) => ({
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    ...countLive(db),
  }));
  if (!content) return null;
  const named = parseBackupName(path.basename(absolute));
  return {
    file: absolute,
    kind: named?.kind ?? 'manual',
    createdAt: (named?.createdAt ?? stat.mtime).toISOString(),
    ...content,
    bytes: stat.size,
  };
}

/** Whether the file is a SQLite file that passes `integrity_check`. */
export function verifyBackupFile(file: string): boolean {
  const ok = withReadOnly(file, (db) => db.pragma('integrity_check', { simple: true }) === 'ok');
  remember(file, ok === true);
  return ok === true;
}

/**
 * Verdicts of integrity_check by file, size and modification time, so listing the backups checks
 * each file once per process rather than every time the list is shown.
 */
const verdicts = new Map<string, { size: number; mtimeMs: number; ok: boolean }>();

function remember(file: string, ok: boolean): void {
  try {
    const { size, mtimeMs } = fs.statSync(file);
    verdicts.set(path.resolve(file), { size, mtimeMs, ok });
  } catch {
    verdicts.delete(path.resolve(file));
  }
}

/** Records that a file just passed integrity_check (a backup this process wrote and checked). */
export function rememberVerified(file: string): void {
  remember(file, true);
}

function verifiedBefore(file: string, stat: fs.Stats): boolean {
  const known = verdicts.get(file);
  if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return known.ok;
  return verifyBackupFile(file);
}

/** The files in the backups folder named as this library's backups (regular files only). */
export function backupFilesOf(
  libraryFile: string,
): { file: string; name: BackupName; stat: fs.Stats }[] {
  const folder = backupsFolderOf(libraryFile);
  let entries: string[];
  try {
    entries = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const found: { file: string; name: BackupName; stat: fs.Stats }[] = [];
  for (const entry of entries) {
    const name = parseBackupNameOf(libraryFile, entry);
    if (!name) continue;
    const file = path.join(folder, entry);
    try {
      // lstat: a link named like a backup is not one of ours to open, list or remove.
      const stat = fs.lstatSync(file);
      if (stat.isFile()) found.push({ file, name, stat });
    } catch {
      // Removed while listing.
    }
  }
  return found;
}

/** Newest first; two of the same millisecond by their counter. */
export function newestFirst(a: BackupName, b: BackupName): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || b.counter - a.counter;
}

/**
 * This library's backups that open and pass `integrity_check`, newest first. A damaged one is
 * left where it is but never offered.
 */
export function listBackups(libraryFile: string): Backup[] {
  return backupFilesOf(libraryFile)
    .sort((a, b) => newestFirst(a.name, b.name))
    .flatMap(({ file, name, stat }) => {
      const backup = readBackup(file);
      if (!backup || !verifiedBefore(file, stat)) return [];
      return [{ ...backup, kind: name.kind, createdAt: name.createdAt.toISOString() }];
    });
}
