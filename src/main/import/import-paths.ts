/**
 * Importing files and folders named by path (Import Folder…, a drop in the desktop app, the CLI):
 * the walk, one import per file with progress and Cancel, and a report line for every file.
 * Each file is its own transaction, so Cancel keeps what was finished and leaves nothing half-done.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ServiceError } from '../../shared/contract/errors';
import {
  MAX_IMPORT_FILES,
  type FileImportReport,
  type ImportItem,
  type ImportProgress,
  type JobContext,
} from '../../shared/contract/jobs';
import type { ImportOutcome } from '../../shared/contract/operations';
import {
  describeAlready,
  isHiddenName,
  isImportableName,
  isSavedPageFolder,
  refusedItem,
} from '../../shared/contract/importable';
import { assertImportSize } from './decode';
import { savedPageResources } from './saved-page-resources';
import type { ResourceReader } from './index';

/** One file found by the walk: where it is, and how the report names it. */
export interface FoundFile {
  readonly path: string;
  readonly name: string;
}

/** A path that could not be walked: it gets a "refused" line of its own. */
interface Unreadable {
  readonly name: string;
  readonly reason: string;
}

/** What a walk found: files to import, paths it could not read, and how many it left aside. */
export interface Walk {
  readonly files: FoundFile[];
  readonly unreadable: Unreadable[];
  /** Files in the folders that are not articles by their type (images, styles, …). */
  readonly skipped: number;
}

/** Files, in name order, under the given paths; folders walked (their subfolders if asked). */
export function walkPaths(paths: readonly string[], recursive: boolean): Walk {
  const files: FoundFile[] = [];
  const unreadable: Unreadable[] = [];
  let skipped = 0;
  const tooMany = () =>
    new ServiceError(
      'too_large',
      `more than ${MAX_IMPORT_FILES.toLocaleString('en')} files; import fewer folders at once`,
    );
  const add = (file: FoundFile) => {
    if (files.length >= MAX_IMPORT_FILES) throw tooMany();
    files.push(file);
  };

  function walk(folder: string, prefix: string, depth: number): void {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ name: prefix || folder, reason: readableFsError(error, folder) });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, 'en'));
    const siblings = new Set(entries.filter((e) => e.isFile()).map((e) => e.name.toLowerCase()));
    for (const entry of entries) {
      if (isHiddenName(entry.name)) continue;
      const full = path.join(folder, entry.name);
      const name = prefix ? `${prefix}/${entry.name}` : entry.name;
      // Symbolic links are not followed: a walk stays inside the folder it was given.
      if (entry.isFile()) {
        if (isImportableName(entry.name)) add({ path: full, name });
        else skipped++;
      } else if (entry.isDirectory() && recursive && depth < MAX_WALK_DEPTH) {
        if (!isSavedPageFolder(entry.name, siblings)) walk(full, name, depth + 1);
      } else {
        skipped++;
      }
    }
  }

  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch (error) {
      unreadable.push({ name: given, reason: readableFsError(error, given) });
      continue;
    }
    if (stat.isDirectory()) walk(given, path.basename(given), 0);
    else if (stat.isFile()) add({ path: given, name: path.basename(given) });
    else unreadable.push({ name: given, reason: 'not a file or folder' });
  }
  return { files, unreadable, skipped };
}

const MAX_WALK_DEPTH = 32;

function readableFsError(error: unknown, where: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'a folder, not a file';
  return error instanceof Error ? error.message.replace(where, '').trim() : String(error);
}

/** Reads one file, refusing it by size before reading it whole. */
export function readImportFile(file: FoundFile): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file.path);
  } catch (error) {
    throw new ServiceError('not_found', `${file.name}: ${readableFsError(error, file.path)}`);
  }
  if (!stat.isFile()) throw new ServiceError('unsupported_file', `${file.name} is not a file`);
  assertImportSize(stat.size, file.name);
  try {
    return fs.readFileSync(file.path);
  } catch (error) {
    throw new ServiceError('not_found', `${file.name}: ${readableFsError(error, file.path)}`);
  }
}

/** Imports one file's bytes; the service's own import, with the page's resources where it has any. */
export type ImportBytes = (
  fileName: string,
  bytes: Uint8Array,
  resources: ResourceReader | null,
) => ImportOutcome;

/** Lets progress events and a Cancel reach this process between two files. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function importPaths(
  request: { readonly paths: readonly string[]; readonly recursive: boolean },
  context: JobContext<ImportProgress>,
  importBytes: ImportBytes,
): Promise<Omit<FileImportReport, 'changes'>> {
  const { files, unreadable, skipped } = walkPaths(request.paths, request.recursive);
  const items: ImportItem[] = unreadable.map((u) => refusedItem(u.name, u.reason));
  const total = files.length;
  const report = (cancelled: boolean, stoppedBy: string | null = null) => ({
    items,
    skipped,
    cancelled,
    stoppedBy,
  });
  context.progress({ done: 0, total, current: null });
  for (const [index, file] of files.entries()) {
    await nextTurn();
    if (context.signal.aborted) return report(true);
    context.progress({ done: index, total, current: file.name });
    try {
      items.push(importOne(file, importBytes));
    } catch (error) {
      // A full disk or a read-only library: every next file would fail too. What was imported
      // stays, and the report says what stopped the rest.
      return report(false, error instanceof ServiceError ? error.message : String(error));
    }
  }
  context.progress({ done: total, total, current: null });
  return report(false);
}

function importOne(file: FoundFile, importBytes: ImportBytes): ImportItem {
  try {
    const outcome = importBytes(
      path.basename(file.path),
      readImportFile(file),
      savedPageResources(file.path),
    );
    return {
      file: file.name,
      status: outcome.alreadyInLibrary ? 'duplicate' : 'imported',
      reason: outcome.alreadyInLibrary ? describeAlready(outcome.alreadyInLibrary) : null,
      article: outcome.article,
      warnings: outcome.warnings,
    };
  } catch (error) {
    if (error instanceof ServiceError) {
      if (STOPPING_CODES.has(error.code)) throw error;
      return refusedItem(file.name, error.message);
    }
    // A fault of ours on one file refuses that file; the others go on.
    console.error(`importing ${file.name} failed unexpectedly:`, error);
    return refusedItem(
      file.name,
      'it could not be read (an error in Marginalia, written to its log)',
    );
  }
}

const STOPPING_CODES: ReadonlySet<string> = new Set(['storage_full', 'read_only', 'busy']);
