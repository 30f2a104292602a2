/**
 * The lines of an article import's report, however the files came in (a job over paths, or the
 * window's own loop over picked and dropped files): each file imported, already in the library,
 * or refused with the reason, and the counts that head the report.
 */
import { ServiceError } from '../../../shared/contract/errors';
import type { ImportItem } from '../../../shared/contract/jobs';
import { describeAlready, refusedItem } from '../../../shared/contract/importable';
import type { ImportOutcome } from '../../../shared/contract/operations';

export type { ImportItem };
export { describeAlready, refusedItem };

/** A finished import: its lines, and whether Cancel (or a failure) stopped it before the end. */
export interface ImportRunReport {
  readonly items: readonly ImportItem[];
  readonly cancelled: boolean;
  /** What stopped it before the end (a full disk, web mode gone), if anything did. */
  readonly stoppedBy: string | null;
  /** Files in the folders that are not articles by their type, left aside. */
  readonly skipped: number;
}

export interface ImportCounts {
  readonly imported: number;
  readonly duplicate: number;
  readonly refused: number;
}

/** The report line for a file the service answered. */
export function itemFromOutcome(file: string, outcome: ImportOutcome): ImportItem {
  const duplicate = outcome.alreadyInLibrary !== null;
  return {
    file,
    status: duplicate ? 'duplicate' : 'imported',
    reason: duplicate ? describeAlready(outcome.alreadyInLibrary) : null,
    article: outcome.article,
    warnings: outcome.warnings,
  };
}

export function countItems(items: readonly ImportItem[]): ImportCounts {
  let imported = 0;
  let duplicate = 0;
  let refused = 0;
  for (const item of items) {
    if (item.status === 'imported') imported++;
    else if (item.status === 'duplicate') duplicate++;
    else refused++;
  }
  return { imported, duplicate, refused };
}

/** "38 imported · 1 already in your library · 1 refused" (only the parts that are not zero). */
export function describeCounts(items: readonly ImportItem[]): string {
  const { imported, duplicate, refused } = countItems(items);
  const parts = [
    imported > 0 && `${imported} imported`,
    duplicate > 0 && `${duplicate} already in your library`,
    refused > 0 && `${refused} refused`,
  ].filter((part): part is string => typeof part === 'string');
  return parts.length > 0 ? parts.join(' · ') : 'Nothing imported';
}

/**
 * Failures that stop a whole import rather than refusing one file: a full disk or a read-only
 * library fails every next file too, and "internal" is the service (or web mode) gone wrong.
 */
export function stopsTheImport(error: unknown): boolean {
  if (!(error instanceof ServiceError)) return true;
  return (
    error.code === 'storage_full' ||
    error.code === 'read_only' ||
    error.code === 'busy' ||
    error.code === 'internal'
  );
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
