/**
 * The one way Marginalia writes a file the user keeps (the CLI's `--out`, a folder export, the
 * desktop save): whole or not at all. The content goes into a new temporary file in the target's
 * folder (`.<name>.<random>.tmp`, created exclusively so it never replaces anything), is flushed
 * to disk (fsync), and only then takes the target's name in one step (a rename, or a hard link
 * for `createFileAtomic`). Readers, a crash or a full disk see the old file or the new one, never
 * a part; when anything fails the temporary file is removed and the error (with its `code`) is
 * thrown for the caller to put in its own words.
 *
 * Also: a file that was there keeps its permissions, and writing over a symbolic link replaces
 * the file it points to, not the link.
 *
 * Synchronous, as the service (and SQLite under it) is; the files are exports, a few megabytes
 * at most.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Where a write over `file` really lands: the file a symbolic link points to, or `file`. */
function realTarget(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

function existingMode(file: string): number | undefined {
  try {
    return fs.statSync(file).mode & 0o777;
  } catch {
    return undefined;
  }
}

/** The `code` of a Node error (`ENOSPC`…), if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/**
 * A temporary file beside `target`, holding `content`, flushed to disk, with `mode` when given;
 * its path. Removed again if any of that fails.
 */
function writeTemporary(target: string, content: string, mode: number | undefined): string {
  const temp = path.join(
    path.dirname(target),
    // The start of the name only, so a 255-byte name still has a temporary name the disk takes.
    `.${[...path.basename(target)].slice(0, 32).join('')}.${crypto.randomBytes(6).toString('hex')}.tmp`,
  );
  const fd = fs.openSync(temp, 'wx', mode ?? 0o666);
  try {
    try {
      fs.writeFileSync(fd, content, 'utf8');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (mode !== undefined) fs.chmodSync(temp, mode); // the umask applied at open
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
  return temp;
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Nothing more to do: the error that matters is the one being thrown.
  }
}

/** Makes a rename or link in `folder` durable; best effort (Windows cannot open a folder). */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = fs.openSync(folder, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // The file itself is complete on disk; only the name's durability is left to the OS.
  }
}

/**
 * Writes `content` (UTF-8) to `file`, replacing whatever file is there, atomically (see the file
 * comment). Throws the underlying error, the temporary file removed.
 */
export function writeFileAtomic(file: string, content: string): void {
  const target = realTarget(path.resolve(file));
  const temp = writeTemporary(target, content, existingMode(target));
  try {
    fs.renameSync(temp, target);
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
  syncFolder(path.dirname(target));
}

/** Errors of `link` that mean the file system has no hard links (FAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * Writes `content` (UTF-8) to `file` only if no file of that name exists, atomically (see the
 * file comment): true when written, false when the name was taken (nothing written). The
 * complete temporary file is hard-linked to the name, which fails if it exists; on a file system
 * without hard links the name is claimed first (an empty file) and the temporary file renamed
 * over it, so even there no partial content is ever seen. Throws other errors, leaving nothing.
 */
export function createFileAtomic(file: string, content: string): boolean {
  const target = path.resolve(file);
  if (fs.existsSync(target)) return false;
  const temp = writeTemporary(target, content, undefined);
  try {
    try {
      fs.linkSync(temp, target);
    } catch (error) {
      if (errorCode(error) === 'EEXIST') return false;
      if (!NO_HARD_LINKS.has(errorCode(error) ?? '')) throw error;
      if (!claimName(target)) return false;
      try {
        fs.renameSync(temp, target);
      } catch (renameError) {
        removeQuietly(target); // the empty file that claimed the name, ours
        throw renameError;
      }
    }
  } finally {
    removeQuietly(temp);
  }
  syncFolder(path.dirname(target));
  return true;
}

/** Creates `file` empty if it does not exist: false when it does. */
function claimName(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx');
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
  fs.closeSync(fd);
  return true;
}
