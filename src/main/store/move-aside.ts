/**
 * Moving a damaged library out of the way, never deleting it: the file with its `-wal`, `-shm`
 * and `-journal` goes into `<data dir>/damaged/<timestamp>/`, under the same names, so it can be
 * examined or handed to a recovery tool later. All of them or none: a `-wal` separated from its
 * file would be lost to it (or replayed into the new library made in its place).
 */
import fs from 'node:fs';
import path from 'node:path';

// The companions before the file: a -wal left behind alone would be replayed into the new
// library made in its place.
const MOVED = ['-wal', '-shm', '-journal', ''] as const;

/** A new folder under `damaged/` named for the moment; a counter keeps two apart. */
export function newDamagedFolder(dataDir: string, now: Date): string {
  const base = path.join(dataDir, 'damaged', now.toISOString().replace(/[:.]/g, '-'));
  let folder = base;
  for (let n = 1; fs.existsSync(folder); n++) folder = `${base}-${n}`;
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

/** Renames; across devices (where rename cannot), copies and only then removes the original. */
export function moveFile(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
    fs.unlinkSync(from);
  }
}

/**
 * Moves `file` and whichever of its companions exist into `folder` (made by `newDamagedFolder`).
 * If one cannot be moved, those already moved are moved back before the error is thrown again, so
 * the library is never separated from its `-wal`. `move` is for tests to make a move fail.
 */
export function moveAside(file: string, folder: string, move = moveFile): void {
  const moved: { from: string; to: string }[] = [];
  try {
    for (const suffix of MOVED) {
      const from = `${file}${suffix}`;
      if (!fs.existsSync(from)) continue;
      const to = path.join(folder, path.basename(from));
      move(from, to);
      moved.push({ from, to });
    }
  } catch (error) {
    for (const { from, to } of moved.reverse()) {
      try {
        moveFile(to, from);
      } catch (undoError) {
        throw new Error(
          `${file} could not be moved aside (${(error as Error).message}), and ${to} could not ` +
            `be moved back to ${from} (${(undoError as Error).message}): move it back by hand ` +
            'before opening the library again.',
          { cause: error },
        );
      }
    }
    throw error;
  }
}
