/**
 * Backups in words, as the backups dialog, the restore notice and the recovered-at-open notice
 * say them: when (in the user's time zone), why it was taken, what it holds and how big it is.
 */
import type { Backup, BackupKind } from '../../../shared/contract/library-safety';
import { plural } from '../../../shared/text/plural';

const KIND_LABELS: Record<BackupKind, string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  'before-migration': 'Before an update',
  'before-restore': 'Before a restore',
  manual: 'Made by you',
};

/** Why a backup was taken, as a label: "Daily", "Before an update", "Made by you". */
export function backupKindLabel(kind: BackupKind): string {
  return KIND_LABELS[kind];
}

// Local time with the weekday: a user choosing a backup thinks "Tuesday's", not "the 14th".
const when = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** "Thu, May 2, 2024, 11:00 AM" in the user's locale and time zone. */
export function formatBackupDate(createdAt: string): string {
  const date = new Date(createdAt);
  return Number.isNaN(date.getTime()) ? createdAt : when.format(date);
}

/** "64 KB", "1.5 MB": binary units, as file managers on every platform still mostly show them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'byte', 'bytes');
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value < 10 && !Number.isInteger(value) ? 1 : 0;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/** "3 articles, 12 annotations". */
export function describeContents(backup: Pick<Backup, 'articles' | 'annotations'>): string {
  return `${plural(backup.articles, 'article', 'articles')}, ${plural(backup.annotations, 'annotation', 'annotations')}`;
}

/** One line naming a backup in a sentence: "the daily backup of Thu, May 2, 2024, 11:00 AM". */
export function nameBackup(backup: Pick<Backup, 'kind' | 'createdAt'>): string {
  const date = formatBackupDate(backup.createdAt);
  switch (backup.kind) {
    case 'daily':
      return `the daily backup of ${date}`;
    case 'weekly':
      return `the weekly backup of ${date}`;
    case 'before-migration':
      return `the backup taken before the update on ${date}`;
    case 'before-restore':
      return `the backup taken before the restore on ${date}`;
    case 'manual':
      return `your backup of ${date}`;
  }
}

/** Newest first, whatever order they came in. */
export function newestFirst(backups: readonly Backup[]): Backup[] {
  return [...backups].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
