/**
 * Moving a damaged library out of the way, never deleting it: the file with its `-wal`, `-shm`
 * and `-journal` goes into `<data dir>/damaged/<timestamp>/`, under the same names, so it can be
 * examined or handed to a recovery tool later.
 */
import fs from 'node:fs';
import path from 'node:path';

// The companions before the file: a -wal left behind alone would be replayed into the new
// library made in its place.
const MOVED = ['-wal', '-shm', '-journal', ''] as const;

/** A new folder under `damaged/` named for the moment; a counter keeps two apart. */
function newDamagedFolder(dataDir: string, now: Date): string {
  const base = path.join(dataDir, 'damaged', now.toISOString().replace(/[:.]/g, '-'));
  let folder = base;
  for (let n = 1; fs.existsSync(folder); n++) folder = `${base}-${n}`;
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

/** Renames; across devices (where rename cannot), copies and only then removes the original. */
function move(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
    fs.unlinkSync(from);
  }
}

/**
 * Moves `file` and whichever of its companions exist into a new folder under
 * `<dataDir>/damaged/`, and answers that folder.
 */
export function moveAside(file: string, dataDir: string, now: Date): string {
  const folder = newDamagedFolder(dataDir, now);
  for (const suffix of MOVED) {
    const from = `${file}${suffix}`;
    if (fs.existsSync(from)) move(from, path.join(folder, path.basename(from)));
  }
  return folder;
}
