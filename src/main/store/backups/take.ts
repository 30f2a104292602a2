/**
 * Taking a backup: an online copy of the open library into the backups folder, made a single
 * file, verified with integrity_check, and only then given its backup name.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { ServiceError } from '../../../shared/contract/errors';
import type { Backup, BackupKind } from '../../../shared/contract/library-safety';
import { newBackupFile } from './names';
import { copyFailure, copyOnline, removeWithSidecars, settleCopy } from './online-copy';
import { readBackup, rememberVerified } from './read';
import { rotateBackups } from './rotate';
import { syncFolder } from '../../files/atomic-write';

/** The suffix of a copy still being written; such a file is never listed. */
export const PARTIAL_SUFFIX = '.partial';

/** Errors from fs.linkSync that mean "this file system has no hard links" (FAT, some shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

const codeOf = (error: unknown) => (error as { code?: unknown } | null)?.code;

/**
 * Gives the finished copy its name without ever replacing a file there: a hard link fails with
 * EEXIST where renameSync would overwrite (a file that appeared at the name during the copy).
 * Where hard links are not supported, a copy that refuses to overwrite (COPYFILE_EXCL). The partial
 * file is removed by the caller.
 */
function nameWithoutReplacing(partial: string, final: string): void {
  try {
    fs.linkSync(partial, final);
  } catch (error) {
    if (!NO_HARD_LINKS.has(String(codeOf(error)))) throw error;
    fs.copyFileSync(partial, final, fs.constants.COPYFILE_EXCL);
    const fd = fs.openSync(final, 'r+');
    try {
      fs.fsyncSync(fd); // a link shares the partial's synced data; a copy must be synced itself
    } finally {
      fs.closeSync(fd);
    }
  }
}

/** How often a backup's name is chosen again when another file took it first. */
const NAMING_ATTEMPTS = 5;

/**
 * Copies the open database to `target` (which must not exist) through a partial file: the target
 * appears only once the copy is a single file that passed integrity_check. On failure nothing is
 * left behind and the error says why in the user's words.
 */
export async function writeVerifiedCopy(
  db: Database,
  target: () => string,
  what: string,
): Promise<string> {
  const folder = path.dirname(target());
  const partial = `${target()}.${crypto.randomBytes(4).toString('hex')}${PARTIAL_SUFFIX}`;
  try {
    fs.mkdirSync(folder, { recursive: true });
    await copyOnline(db, partial);
    const check = settleCopy(partial);
    if (check !== 'ok') {
      throw new ServiceError(
        'internal',
        `${what} failed its integrity check (${check}); the copy was deleted`,
      );
    }
    // Named only now, so a file with a backup's name is always whole and verified. The name is
    // chosen again: another backup (or anything else) may have taken it while this one was copied,
    // and a file found there is never replaced. A fixed target stays the same: refused.
    for (let attempt = 0; ; attempt++) {
      const final = target();
      try {
        nameWithoutReplacing(partial, final);
      } catch (error) {
        if (codeOf(error) !== 'EEXIST') throw error;
        if (attempt + 1 < NAMING_ATTEMPTS && target() !== final) continue;
        throw new ServiceError(
          'invalid_request',
          `${final} already exists (it appeared while the backup was being made); it was not ` +
            'overwritten; choose a new file name',
        );
      }
      syncFolder(folder);
      return final;
    }
  } catch (error) {
    throw copyFailure(error, what, folder);
  } finally {
    removeWithSidecars(partial);
  }
}

/** Takes a backup of the open library without rotating (a restore rotates once at its end). */
export async function writeBackup(
  db: Database,
  libraryFile: string,
  kind: BackupKind,
  now: Date,
): Promise<Backup> {
  const file = await writeVerifiedCopy(
    db,
    () => newBackupFile(libraryFile, kind, now),
    `a backup of ${libraryFile}`,
  );
  rememberVerified(file);
  const backup = readBackup(file);
  if (!backup) throw new ServiceError('internal', `the backup ${file} cannot be read back`);
  return backup;
}

/**
 * Takes a verified backup of the open library into its backups folder with SQLite's online backup
 * API (writes carry on meanwhile), then rotates the folder.
 */
export async function takeBackup(
  db: Database,
  libraryFile: string,
  kind: BackupKind,
  now: Date,
): Promise<Backup> {
  const backup = await writeBackup(db, libraryFile, kind, now);
  rotateBackups(libraryFile, now);
  return backup;
}

/**
 * A verified online copy of the open library at a file of the user's choosing (`marginalia backup
 * --out FILE`). A folder gets a manual backup's name inside it; an existing file is never
 * overwritten.
 */
export async function backupToFile(
  db: Database,
  libraryFile: string,
  out: string,
  now: Date,
): Promise<Backup> {
  const absolute = path.resolve(out);
  const intoFolder = fs.existsSync(absolute) && fs.statSync(absolute).isDirectory();
  if (!intoFolder && fs.existsSync(absolute)) {
    throw new ServiceError('invalid_request', `${absolute} already exists; choose a new file name`);
  }
  if (!intoFolder && !fs.existsSync(path.dirname(absolute))) {
    throw new ServiceError('not_found', `cannot write ${absolute}: its folder does not exist`);
  }
  const target = intoFolder
    ? () => newBackupFile(libraryFile, 'manual', now, absolute)
    : () => absolute;
  const file = await writeVerifiedCopy(db, target, `a backup of ${libraryFile}`);
  rememberVerified(file);
  const backup = readBackup(file);
  if (!backup) throw new ServiceError('internal', `the backup ${file} cannot be read back`);
  return backup;
}
