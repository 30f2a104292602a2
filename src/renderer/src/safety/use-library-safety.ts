/**
 * The window's side of the library's safety: the status read once at start (open read-only?
 * recovered from a damaged file?), the backups dialog, and restoring a backup, which reloads the
 * window and leaves a notice with "Undo restore" for the window that comes back.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DesktopBridge } from '../../../shared/contract/desktop';
import type { LibraryStatus, RestoreOutcome } from '../../../shared/contract/library-safety';
import type { Client } from '../../../shared/contract/operations';
import { useMounted } from '../components/use-mounted';
import type { PendingSaves } from './pending-saves';
import { windowReloader } from './reload-window';
import { saveRestoreNotice, takeRestoreNotice, type RestoreNotice } from './restore-notice';

export interface LibrarySafety {
  /** What opening the library found; null until read (or when it could not be read). */
  readonly status: LibraryStatus | null;
  /** The recovered-at-open notice, unless dismissed in this window. */
  readonly recovered: LibraryStatus['recovered'];
  dismissRecovered(): void;
  readonly backupsOpen: boolean;
  openBackups(): void;
  closeBackups(): void;
  /** What the last restore did, shown once after the reload. */
  readonly restoreNotice: RestoreNotice | null;
  dismissRestoreNotice(): void;
  /**
   * Restores one of `listBackups`' files; once done the window reloads. Rejects with the
   * service's error (the caller shows it).
   */
  restore(file: string): Promise<RestoreOutcome>;
  /** Restores what the last restore kept aside; a failure goes to `onError`. */
  undoRestore(): void;
  /** True while the undo runs. */
  readonly undoing: boolean;
}

export interface LibrarySafetyOptions {
  readonly client: Client;
  readonly onError: (error: unknown) => void;
  /** The desktop bridge (null in web mode): in the desktop app, the main process reloads. */
  readonly desktop?: Pick<DesktopBridge, 'reloadWindow'> | null;
  /** Saves queued in the window, stored before a restore and never sent after one. */
  readonly pendingSaves?: PendingSaves | null;
  /** Starts the window again; outside tests, `windowReloader(desktop)`. */
  readonly reload?: () => void | Promise<void>;
  readonly storage?: Storage;
}

const DISMISSED_KEY = 'marginalia.recovered-dismissed';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useLibrarySafety({
  client,
  onError,
  desktop = null,
  pendingSaves = null,
  reload: givenReload,
  storage = sessionStorage,
}: LibrarySafetyOptions): LibrarySafety {
  const reload = useMemo(() => givenReload ?? windowReloader(desktop), [desktop, givenReload]);
  const [status, setStatus] = useState<LibraryStatus | null>(null);
  const [dismissed, setDismissed] = useState(() => storage.getItem(DISMISSED_KEY));
  const [backupsOpen, setBackupsOpen] = useState(false);
  const [restoreNotice, setRestoreNotice] = useState(() => takeRestoreNotice(storage));
  const [undoing, setUndoing] = useState(false);
  const mounted = useMounted();

  useEffect(() => {
    let live = true;
    Promise.resolve()
      .then(() => client.getLibraryStatus({}))
      .then(
        (reply) => {
          if (live) setStatus(reply.status);
        },
        (error: unknown) => {
          // The status only adds banners: without it the window works as before, and a change
          // the service refuses still says why. Not worth an error banner of its own.
          console.warn('Could not read the library status:', error);
        },
      );
    return () => {
      live = false;
    };
  }, [client]);

  const recovered =
    status?.recovered && status.recovered.movedTo !== dismissed ? status.recovered : null;

  const dismissRecovered = useCallback(() => {
    const movedTo = status?.recovered?.movedTo;
    if (!movedTo) return;
    // Once seen and dismissed, not shown again by the reload that follows a restore.
    storage.setItem(DISMISSED_KEY, movedTo);
    setDismissed(movedTo);
  }, [status, storage]);

  const finish = useCallback(
    (kind: RestoreNotice['kind'], outcome: RestoreOutcome) => {
      saveRestoreNotice({ kind, outcome }, storage);
      // A restore replaces the whole library under this window: every article, annotation, tag,
      // setting and undo step it holds is now out of date. Starting the page again reads all of
      // it afresh from the service, where re-reading each piece (and forgetting the undo
      // history, whose steps name annotations the restored library may not have) could leave
      // one stale.
      Promise.resolve()
        .then(reload)
        .catch((error: unknown) => {
          onError(
            new Error(
              `The library was restored, but the window could not reload (${messageOf(error)}): ` +
                'close Marginalia and open it again before changing anything.',
            ),
          );
        });
    },
    [onError, reload, storage],
  );

  /**
   * Replaces the library with `file`. Notes typed so far are stored first, into the library that
   * the restore keeps aside (so undoing it brings them back); none is sent while the restore runs,
   * and none ever after it: old text would land on the restored library.
   */
  const replaceLibrary = useCallback(
    async (file: string): Promise<RestoreOutcome> => {
      let outcome: RestoreOutcome;
      try {
        await pendingSaves?.holdAndFlush();
        outcome = await client.restoreBackup({ file });
      } catch (error) {
        pendingSaves?.resume();
        throw error;
      }
      pendingSaves?.discard();
      return outcome;
    },
    [client, pendingSaves],
  );

  const restore = useCallback(
    async (file: string) => {
      const outcome = await replaceLibrary(file);
      finish('restored', outcome);
      return outcome;
    },
    [finish, replaceLibrary],
  );

  const undoRestore = useCallback(() => {
    if (!restoreNotice || restoreNotice.kind !== 'restored' || undoing) return;
    setUndoing(true);
    replaceLibrary(restoreNotice.outcome.keptAside.file).then(
      (outcome) => finish('undone', outcome),
      (error: unknown) => {
        if (mounted.current) setUndoing(false);
        onError(new Error(`Undoing the restore failed: ${messageOf(error)}`));
      },
    );
  }, [finish, mounted, onError, replaceLibrary, restoreNotice, undoing]);

  return {
    status,
    recovered,
    dismissRecovered,
    backupsOpen,
    openBackups: useCallback(() => setBackupsOpen(true), []),
    closeBackups: useCallback(() => setBackupsOpen(false), []),
    restoreNotice,
    dismissRestoreNotice: useCallback(() => setRestoreNotice(null), []),
    restore,
    undoRestore,
    undoing,
  };
}
