/** What opening the library found, as the lines the CLI prints on stderr before anything else. */
import type { BackupKind, LibraryStatus } from '../../shared/contract/library-safety';

const KIND_WORDS: Record<BackupKind, string> = {
  daily: 'daily backup',
  weekly: 'weekly backup',
  'before-migration': 'backup taken before an update',
  'before-restore': 'backup taken before a restore',
  manual: 'backup you made',
};

export function describeStatus(status: LibraryStatus): string[] {
  const lines: string[] = [];
  const { recovered, readOnly } = status;
  if (recovered) {
    lines.push(
      `The library ${status.file} was damaged (${recovered.problem}); it was moved, with its ` +
        `-wal and -shm, to ${recovered.movedTo} (nothing was deleted).`,
      recovered.backup
        ? `Opened instead: the ${KIND_WORDS[recovered.backup.kind]} of ${recovered.backup.createdAt} ` +
            `(${recovered.backup.articles} articles, ${recovered.backup.annotations} annotations), ` +
            `${recovered.backup.file}.`
        : 'No verified backup was found: a new library was made.',
    );
  }
  if (readOnly) lines.push(`Opened read-only (${readOnly.reason}): changes cannot be saved.`);
  return lines;
}
