/**
 * Backup file names: `<library file name>.<kind>.<UTC time with - for : and .>.bak`, e.g.
 * `marginalia.db.daily.2024-03-04T05-06-07-089Z.bak`, with `-<n>` after the time when two are
 * taken in the same millisecond. The name says what a file is, so listing and rotating never
 * need to open it, and a file not named this way is never ours to remove.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_KINDS, type BackupKind } from '../../../shared/contract/library-safety';

/** The folder beside the library file that holds its backups. */
export function backupsFolderOf(libraryFile: string): string {
  return path.join(path.dirname(path.resolve(libraryFile)), 'backups');
}

function stampOf(time: Date): string {
  return time.toISOString().replace(/[:.]/g, '-');
}

/** A backup file name not yet taken in the backups folder (the folder need not exist yet). */
export function newBackupFile(
  libraryFile: string,
  kind: BackupKind,
  time: Date,
  folder: string = backupsFolderOf(libraryFile),
): string {
  const base = path.join(folder, `${path.basename(libraryFile)}.${kind}.${stampOf(time)}`);
  let candidate = `${base}.bak`;
  for (let n = 1; fs.existsSync(candidate); n++) candidate = `${base}-${n}.bak`;
  return candidate;
}

export interface BackupName {
  /** The name of the library file it is a backup of (`marginalia.db`). */
  readonly libraryName: string;
  readonly kind: BackupKind;
  readonly createdAt: Date;
  /** The same-millisecond counter (0 for none), to order two backups of one millisecond. */
  readonly counter: number;
}

const NAME = new RegExp(
  `^(.+)\\.(${BACKUP_KINDS.join('|')}|v\\d+)\\.` +
    '(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z(?:-(\\d+))?\\.bak$',
);

/**
 * What a backup's file name says, or null when it is not named as a backup. Before-migration
 * backups from before kinds were named (`<library>.v<N>.<time>.bak`) read as 'before-migration'.
 */
export function parseBackupName(fileName: string): BackupName | null {
  const match = NAME.exec(fileName);
  if (!match) return null;
  const [, libraryName, label, day, hours, minutes, seconds, millis, counter] = match;
  const createdAt = new Date(`${day}T${hours}:${minutes}:${seconds}.${millis}Z`);
  if (!libraryName || !label || Number.isNaN(createdAt.getTime())) return null;
  const kind = label.startsWith('v') ? 'before-migration' : (label as BackupKind);
  return { libraryName, kind, createdAt, counter: counter ? Number(counter) : 0 };
}

/** What a file name in the backups folder says, if it is a backup of this library. */
export function parseBackupNameOf(libraryFile: string, fileName: string): BackupName | null {
  const name = parseBackupName(fileName);
  return name && name.libraryName === path.basename(libraryFile) ? name : null;
}

/** The temporary copy a restore migrates before copying it into the library. */
export function restoringFile(libraryFile: string, time: Date): string {
  const base = path.join(
    backupsFolderOf(libraryFile),
    `${path.basename(libraryFile)}.restoring.${stampOf(time)}`,
  );
  let candidate = `${base}.tmp`;
  for (let n = 1; fs.existsSync(candidate); n++) candidate = `${base}-${n}.tmp`;
  return candidate;
}
