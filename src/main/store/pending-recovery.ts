/**
 * A recovery in progress, written down so it can be finished: `<data dir>/damaged/PENDING` is
 * written before the damaged library is moved aside and removed once the library in its place is
 * open. If the copy of the backup fails (a full disk) or the process dies in between, the next
 * open finds the marker and no library, and finishes the recovery instead of silently making a new
 * library; the user is told what happened either way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BackupSchema } from '../../shared/contract/library-safety';

const PendingRecoverySchema = z.object({
  /** Where the damaged file and its companions were moved. */
  movedTo: z.string(),
  /** What was wrong with it, in words. */
  problem: z.string(),
  /** The backup being copied into its place, once chosen (null: a new library). */
  backup: BackupSchema.nullable().optional(),
});
export type PendingRecovery = z.infer<typeof PendingRecoverySchema>;

const markerOf = (dataDir: string) => path.join(dataDir, 'damaged', 'PENDING');

/** Writes the marker whole: to a temporary name, flushed, then renamed over the old one. */
export function writePendingRecovery(dataDir: string, pending: PendingRecovery): void {
  const marker = markerOf(dataDir);
  const partial = `${marker}.writing`;
  fs.mkdirSync(path.dirname(marker), { recursive: true });
  const fd = fs.openSync(partial, 'w');
  try {
    fs.writeSync(fd, JSON.stringify(pending));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(partial, marker);
}

/** The recovery that did not finish, or null. A marker that cannot be read still counts. */
export function readPendingRecovery(dataDir: string): PendingRecovery | null {
  const marker = markerOf(dataDir);
  let text: string;
  try {
    text = fs.readFileSync(marker, 'utf8');
  } catch {
    return null;
  }
  try {
    return PendingRecoverySchema.parse(JSON.parse(text));
  } catch {
    return { movedTo: path.dirname(marker), problem: 'a recovery that was interrupted' };
  }
}

export function clearPendingRecovery(dataDir: string): void {
  fs.rmSync(markerOf(dataDir), { force: true });
}
