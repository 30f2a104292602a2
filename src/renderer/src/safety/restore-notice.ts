/**
 * What a restore did, carried across the page reload that follows it: written just before the
 * reload, read (and removed) once when the window starts again, so the notice with "Undo restore"
 * is the first thing the restored window shows. Kept in sessionStorage: it belongs to this window
 * only, and a restore made in another one is not this window's to announce.
 */
import { z } from 'zod';
import { RestoreOutcomeSchema, type RestoreOutcome } from '../../../shared/contract/library-safety';

const KEY = 'marginalia.restore-notice';

const RestoreNoticeSchema = z.strictObject({
  /** `undone`: the restore was itself undone (the library as it was before is back). */
  kind: z.enum(['restored', 'undone']),
  outcome: RestoreOutcomeSchema,
});
export type RestoreNotice = z.infer<typeof RestoreNoticeSchema>;

export function saveRestoreNotice(
  notice: { kind: RestoreNotice['kind']; outcome: RestoreOutcome },
  storage: Storage = sessionStorage,
): void {
  try {
    storage.setItem(KEY, JSON.stringify(notice));
  } catch {
    // Storage full or refused: the restore is done all the same, only its notice is lost.
  }
}

/** The notice left by the last restore, once: reading it removes it. */
export function takeRestoreNotice(storage: Storage = sessionStorage): RestoreNotice | null {
  let raw: string | null;
  try {
    raw = storage.getItem(KEY);
    storage.removeItem(KEY);
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const parsed = RestoreNoticeSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
