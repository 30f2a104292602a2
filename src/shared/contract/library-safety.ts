/**
 * The library's own safety, as data: its backups, whether it is open read-only, and what was done
 * at open when the file was found damaged.
 */
import { z } from 'zod';
import { TimestampSchema } from './entities';

/** Why a backup was taken. */
export const BACKUP_KINDS = [
  'daily',
  'weekly',
  'before-migration',
  'before-restore',
  'manual',
] as const;
export const BackupKindSchema = z.enum(BACKUP_KINDS);
export type BackupKind = z.infer<typeof BackupKindSchema>;

/** One verified backup file, with what it holds so the user can choose. */
export const BackupSchema = z.strictObject({
  /** Absolute path of the backup file. */
  file: z.string(),
  kind: BackupKindSchema,
  createdAt: TimestampSchema,
  /** The schema version it was written at (older ones are migrated when restored). */
  schemaVersion: z.int().nonnegative(),
  /** Live (not deleted) articles and annotations in it. */
  articles: z.int().nonnegative(),
  annotations: z.int().nonnegative(),
  bytes: z.int().nonnegative(),
});
export type Backup = z.infer<typeof BackupSchema>;

/** What opening the library found and did, for the window's banner and the CLI's first line. */
export const LibraryStatusSchema = z.strictObject({
  /** Absolute path of the library file. */
  file: z.string(),
  backupsFolder: z.string(),
  /** Set when the library could only be opened read-only; every change is then refused. */
  readOnly: z.strictObject({ reason: z.string() }).nullable(),
  /** Set when the file was damaged or empty at open and was moved aside. */
  recovered: z
    .strictObject({
      /** What was wrong, in words ("the file is empty", "page 3 is damaged", …). */
      problem: z.string(),
      /** Where the damaged file (and its -wal/-shm) now are: a folder, never deleted. */
      movedTo: z.string(),
      /** What was opened instead. */
      openedFrom: z.enum(['backup', 'new']),
      /** The backup that was opened, when one was. */
      backup: BackupSchema.nullable(),
    })
    .nullable(),
});
export type LibraryStatus = z.infer<typeof LibraryStatusSchema>;

/** What a restore did: the backup now open, and the library as it was, kept as a backup first. */
export const RestoreOutcomeSchema = z.strictObject({
  restored: BackupSchema,
  /** Restoring this one undoes the restore. */
  keptAside: BackupSchema,
});
export type RestoreOutcome = z.infer<typeof RestoreOutcomeSchema>;
