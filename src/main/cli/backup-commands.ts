/**
 * `marginalia backup [--out FILE]`, `marginalia backups` and `marginalia restore-backup FILE`:
 * verified copies of the library, the list of them, and a restore that keeps the library aside
 * first and says how to undo it.
 */
import type { Command } from 'commander';
import type { Database } from 'better-sqlite3';
import type { Backup } from '../../shared/contract/library-safety';
import type { Client } from '../../shared/contract/operations';
import { backupToFile } from '../store/backups/index';

export interface BackupCliContext {
  /** The contract's client over the library (backupNow, listBackups, restoreBackup). */
  readonly client: () => Pick<Client, 'listBackups' | 'backupNow' | 'restoreBackup'>;
  /** The open library, for `backup --out`, which writes outside the backups folder. */
  readonly library: () => { readonly db: Database; readonly file: string };
  /** `--data-dir` as given, so the undo line names the same library. */
  readonly dataDirOption: () => string | undefined;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Closes the library and ends the command. */
  readonly finish: () => void;
}

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** 1536 → "1.5 KB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** A time as the reader's clock shows it: `2024-03-04 06:06:07`. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ` +
    `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`
  );
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** What a backup holds, in words: "3 articles, 12 annotations". */
function holds(backup: Backup): string {
  return `${plural(backup.articles, 'article')}, ${plural(backup.annotations, 'annotation')}`;
}

/** One line of `marginalia backups`: date, kind, articles, annotations, size, path. */
export function backupLine(backup: Backup): string {
  return [
    localTime(backup.createdAt),
    backup.kind,
    plural(backup.articles, 'article'),
    plural(backup.annotations, 'annotation'),
    formatBytes(backup.bytes),
    backup.file,
  ].join('\t');
}

/** A word for a shell: quoted when it holds anything a shell would split or expand. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function addBackupCommands(program: Command, ctx: BackupCliContext): void {
  program
    .command('backup')
    .description('take a verified backup of the library (into its backups folder, or --out)')
    .option('--out <file>', 'write the backup to this file (or into this folder)')
    .action(async (options: { out?: string }) => {
      let backup: Backup;
      if (options.out !== undefined) {
        const library = ctx.library();
        backup = await backupToFile(library.db, library.file, options.out, new Date());
      } else {
        ({ backup } = await ctx.client().backupNow({}));
      }
      ctx.stdout(`${backupLine(backup)}\n`);
      ctx.finish();
    });

  program
    .command('backups')
    .description("list the library's verified backups, newest first")
    .action(async () => {
      const { backups } = await ctx.client().listBackups({});
      for (const backup of backups) ctx.stdout(`${backupLine(backup)}\n`);
      if (backups.length === 0) ctx.stderr('no backups yet\n');
      ctx.finish();
    });

  program
    .command('restore-backup')
    .description('restore a backup; the library as it is now is kept aside first')
    .argument('<file>', 'one of the files "marginalia backups" lists')
    .action(async (file: string) => {
      const { restored, keptAside } = await ctx.client().restoreBackup({ file });
      const dataDir = ctx.dataDirOption();
      const undo = [
        'marginalia',
        ...(dataDir === undefined ? [] : ['--data-dir', dataDir]),
        'restore-backup',
        keptAside.file,
      ];
      ctx.stdout(
        [
          `restored the ${restored.kind} backup of ${localTime(restored.createdAt)} ` +
            `(${holds(restored)}) from ${restored.file}`,
          `the library as it was (${holds(keptAside)}) is kept at ${keptAside.file}`,
          `to undo: ${undo.map(shellWord).join(' ')}`,
        ].join('\n') + '\n',
      );
      ctx.finish();
    });
}
