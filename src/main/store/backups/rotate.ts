/**
 * Which backups to keep and which are due. Kept: the 7 newest daily, the 4 newest weekly, every
 * before-restore copy younger than 30 days and at least the 10 newest (a before-restore copy may be
 * the only one of the work a restore replaced), every before-migration and every manual one. Only
 * files named as this library's backups (or its own leftover temporaries) are ever removed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupKind } from '../../../shared/contract/library-safety';
import { backupsFolderOf, parseBackupName, type BackupName } from './names';
import { backupFilesOf, newestFirst } from './read';

const DAY_MS = 24 * 60 * 60 * 1000;

interface KeepRule {
  /** How many of the newest are kept (at least one: the newest is never removed). */
  readonly newest: number;
  /** Every one younger than this is kept too, however many there are. */
  readonly youngerThanMs?: number;
}

const KEEP: Partial<Record<BackupKind, KeepRule>> = {
  daily: { newest: 7 },
  weekly: { newest: 4 },
  'before-restore': { newest: 10, youngerThanMs: 30 * DAY_MS },
};
/** A partial copy or restore copy this old was left by a crash; newer ones may be in use. */
const STALE_AFTER_MS = 60 * 60 * 1000;

/**
 * Newest first, but a backup dated after `now` (taken while the clock was wrong) ranks as the
 * oldest, so it can never crowd out the one just taken.
 */
function rotationOrder(now: Date): (a: BackupName, b: BackupName) => number {
  const future = (n: BackupName) => (n.createdAt.getTime() > now.getTime() ? 1 : 0);
  return (a, b) => future(a) - future(b) || newestFirst(a, b);
}

/** A copy being written (`<backup name>.<hex>.partial`) or restored (`.restoring.<time>.tmp`). */
function isOurTemporary(libraryFile: string, entry: string): boolean {
  const partial = /^(.+\.bak)\.[0-9a-f]+\.partial(?:-wal|-shm|-journal)?$/.exec(entry);
  if (partial) return parseBackupName(partial[1]!)?.libraryName === path.basename(libraryFile);
  const prefix = `${path.basename(libraryFile)}.restoring.`;
  return entry.startsWith(prefix) && /\.tmp(?:-wal|-shm|-journal)?$/.test(entry);
}

function removeStaleTemporaries(libraryFile: string, now: Date): string[] {
  const folder = backupsFolderOf(libraryFile);
  let entries: string[];
  try {
    entries = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    if (!isOurTemporary(libraryFile, entry)) continue;
    const file = path.join(folder, entry);
    try {
      const stat = fs.lstatSync(file);
      if (!stat.isFile() || now.getTime() - stat.mtimeMs < STALE_AFTER_MS) continue;
      fs.rmSync(file);
      removed.push(file);
    } catch {
      // Gone already.
    }
  }
  return removed;
}

/** Removes the backups past what is kept, and stale temporaries; answers the files removed. */
export function rotateBackups(libraryFile: string, now: Date): string[] {
  const files = backupFilesOf(libraryFile);
  const removed: string[] = [];
  for (const [kind, rule] of Object.entries(KEEP)) {
    const order = rotationOrder(now);
    const ofKind = files.filter((f) => f.name.kind === kind).sort((a, b) => order(a.name, b.name));
    // The first in this order is never removed; with an age rule, neither is one dated in the
    // future (its age is negative), so the newest by date is always kept too.
    const kept = (name: BackupName, rank: number) =>
      rank < Math.max(rule.newest, 1) ||
      (rule.youngerThanMs !== undefined &&
        now.getTime() - name.createdAt.getTime() < rule.youngerThanMs);
    for (const { file } of ofKind.filter((f, rank) => !kept(f.name, rank))) {
      try {
        fs.rmSync(file);
        removed.push(file);
      } catch {
        // Already gone, or the folder is read-only: keeping a backup too many is harmless.
      }
    }
  }
  return [...removed, ...removeStaleTemporaries(libraryFile, now)];
}

function sameLocalDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  );
}

/** The scheduled kinds due now: daily when none is from today, weekly when none in 7 days. */
export function dueBackups(libraryFile: string, now: Date): BackupKind[] {
  const taken = backupFilesOf(libraryFile)
    .filter((f) => f.stat.size > 0 && f.name.createdAt.getTime() <= now.getTime())
    .map((f) => f.name);
  const due: BackupKind[] = [];
  if (!taken.some((n) => n.kind === 'daily' && sameLocalDay(n.createdAt, now))) due.push('daily');
  const weekAgo = now.getTime() - 7 * DAY_MS;
  if (!taken.some((n) => n.kind === 'weekly' && n.createdAt.getTime() > weekAgo))
    due.push('weekly');
  return due;
}
