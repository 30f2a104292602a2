/**
 * "Restore from backup…": the library's backups, newest first, each with its date, why it was
 * taken, what it holds and its size; "Back up now"; and Restore, which first asks (inline, in this
 * dialog: a second modal on top of this one would fight it for the focus) and says that the
 * current library is kept aside, so nothing is lost and the restore can be undone.
 *
 * Keyboard: the newest backup is chosen and takes the focus once the list is in, so the arrows
 * choose another, Tab reaches "Back up now" and "Restore…", Enter on "Restore…" asks, Enter on
 * "Restore this backup" restores, Escape steps back from the question and otherwise closes.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Backup, RestoreOutcome } from '../../../shared/contract/library-safety';
import type { Client } from '../../../shared/contract/operations';
import { Dialog } from '../components/Dialog';
import { useMounted } from '../components/use-mounted';
import {
  backupKindLabel,
  describeContents,
  formatBackupDate,
  formatBytes,
  nameBackup,
  newestFirst,
} from './backup-format';

export interface BackupsDialogProps {
  readonly client: Client;
  /** Where the backups are kept, shown so the user can find them; null when not known. */
  readonly backupsFolder: string | null;
  /** Restores one backup; on success the window reloads. Rejects with the service's error. */
  readonly onRestore: (file: string) => Promise<RestoreOutcome>;
  readonly onClose: () => void;
  /** Says a backup was made after the dialog was closed. */
  readonly announce: (message: string) => void;
  /** A failure after the dialog was closed, in words (while open, the dialog shows it). */
  readonly onError: (error: unknown) => void;
}

type Phase = 'choose' | 'confirm' | 'restoring' | 'restored';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "Backed up: 3 articles, 12 annotations (64 KB)." */
export function describeBackedUp(backup: Backup): string {
  return `Backed up: ${describeContents(backup)} (${formatBytes(backup.bytes)}).`;
}

export function BackupsDialog({
  client,
  backupsFolder,
  onRestore,
  onClose,
  announce,
  onError,
}: BackupsDialogProps) {
  const groupName = useId();
  const questionId = useId();
  const detailId = useId();
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('choose');
  const [backingUp, setBackingUp] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = useMounted();
  const listRef = useRef<HTMLFieldSetElement>(null);
  const backUpRef = useRef<HTMLButtonElement>(null);
  const restoreRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    client.listBackups({}).then(
      (reply) => {
        if (!live) return;
        const list = newestFirst(reply.backups);
        setBackups(list);
        setSelected((current) => current ?? list[0]?.file ?? null);
      },
      (e: unknown) => {
        if (!live) return;
        setBackups([]);
        setError(`The backups could not be listed: ${messageOf(e)}`);
      },
    );
    return () => {
      live = false;
    };
  }, [client]);

  // Once the list is in, the chosen backup takes the focus, unless the user has moved it.
  const loaded = backups !== null;
  useEffect(() => {
    if (!loaded) return;
    const active = document.activeElement;
    const untouched =
      !active || active === document.body || active.classList.contains('dialog-close');
    if (!untouched) return;
    const checked = listRef.current?.querySelector<HTMLInputElement>('input:checked');
    (checked ?? backUpRef.current)?.focus();
  }, [loaded]);

  // The question's button on asking; "Restore…" again on stepping back or after a failure.
  const backToRestore = useRef(false);
  useEffect(() => {
    if (phase === 'confirm') confirmRef.current?.focus();
    if (phase === 'choose' && backToRestore.current) {
      backToRestore.current = false;
      restoreRef.current?.focus();
    }
  }, [phase]);

  const chosen = backups?.find((b) => b.file === selected) ?? null;
  const busy = backingUp || phase === 'restoring' || phase === 'restored';

  const backUpNow = async () => {
    if (busy) return;
    setBackingUp(true);
    setError(null);
    setMessage('');
    try {
      const { backup } = await client.backupNow({});
      if (!open.current) return announce(describeBackedUp(backup));
      setMessage(describeBackedUp(backup));
      // Listed again: taking one may have rotated an old one out.
      const list = await client.listBackups({}).then(
        (reply) => reply.backups,
        () => [backup, ...(backups ?? []).filter((b) => b.file !== backup.file)],
      );
      if (!open.current) return;
      setBackups(newestFirst(list));
      setSelected((current) =>
        current && list.some((b) => b.file === current) ? current : backup.file,
      );
    } catch (e) {
      const failure = `Backing up failed: ${messageOf(e)}`;
      if (open.current) setError(failure);
      else onError(new Error(failure));
    } finally {
      if (open.current) setBackingUp(false);
    }
  };

  const ask = () => {
    if (busy || !chosen) return;
    setError(null);
    setMessage('');
    setPhase('confirm');
  };

  const cancel = () => {
    if (phase !== 'confirm') return;
    backToRestore.current = true;
    setPhase('choose');
  };

  const restore = async () => {
    if (phase !== 'confirm' || !chosen) return;
    setPhase('restoring');
    setError(null);
    try {
      await onRestore(chosen.file);
      if (open.current) {
        setPhase('restored');
        setMessage(`Restored ${nameBackup(chosen)}. Reloading…`);
      }
    } catch (e) {
      const failure = `Restoring failed: ${messageOf(e)}`;
      if (!open.current) return onError(new Error(failure));
      backToRestore.current = true;
      setPhase('choose');
      setError(failure);
    }
  };

  // While a restore runs the dialog stays: a change made in the window meanwhile could land in
  // the library that is being replaced. It takes seconds, and the window reloads when done.
  const close = () => {
    if (phase === 'restoring' || phase === 'restored') return;
    onClose();
  };

  const onQuestionKey = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape') return;
    // Escape steps back from the question; the dialog's own Escape would close it all.
    event.stopPropagation();
    event.preventDefault();
    cancel();
  };

  const progress = backingUp
    ? 'Backing up the library'
    : phase === 'restoring'
      ? 'Restoring the library'
      : null;

  return (
    <Dialog title="Restore from backup" onClose={close} className="backups-dialog">
      <p className="hint">
        Marginalia backs up your library each day you use it, before every update and before every
        restore, and keeps 7 daily and 4 weekly backups
        {backupsFolder ? (
          <>
            {' '}
            in <code className="safety-path">{backupsFolder}</code>
          </>
        ) : null}
        .
      </p>
      {backups === null ? (
        <p className="muted">Loading backups…</p>
      ) : backups.length === 0 ? (
        <p className="backups-empty">No backups yet. “Back up now” makes the first one.</p>
      ) : (
        <fieldset ref={listRef} className="backup-list" disabled={phase !== 'choose'}>
          <legend>Backups, newest first</legend>
          {backups.map((backup) => (
            <label key={backup.file} className="backup-row" title={backup.file}>
              <input
                type="radio"
                name={groupName}
                value={backup.file}
                checked={selected === backup.file}
                onChange={() => setSelected(backup.file)}
              />
              <span className="backup-when">{formatBackupDate(backup.createdAt)}</span>
              <span className="backup-kind" data-kind={backup.kind}>
                {backupKindLabel(backup.kind)}
              </span>
              <span className="backup-contents">
                {describeContents(backup)} · {formatBytes(backup.bytes)}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {(phase === 'confirm' || phase === 'restoring') && chosen && (
        <section
          className="backup-confirm"
          aria-labelledby={questionId}
          aria-describedby={detailId}
          onKeyDown={onQuestionKey}
        >
          <p id={questionId} className="backup-confirm-question">
            Restore {nameBackup(chosen)}?
          </p>
          <p id={detailId}>
            It holds {describeContents(chosen)}. Your current library is kept aside first, as a
            backup made before this restore, so nothing is lost: you can undo the restore
            afterwards. The window reloads when it is done.
          </p>
          <div className="dialog-actions">
            <button type="button" onClick={cancel} aria-disabled={busy || undefined}>
              Cancel
            </button>
            <button
              ref={confirmRef}
              type="button"
              className="primary"
              aria-describedby={`${questionId} ${detailId}`}
              aria-disabled={busy || undefined}
              onClick={() => void restore()}
            >
              {phase === 'restoring' ? 'Restoring…' : 'Restore this backup'}
            </button>
          </div>
        </section>
      )}
      {progress && (
        <div className="backup-progress">
          <progress aria-label={progress} />
          <span>{progress}…</span>
        </div>
      )}
      <p className="backup-status" role="status">
        {message}
      </p>
      {error && (
        <p className="dialog-error" role="alert">
          {error}
        </p>
      )}
      {phase === 'choose' && (
        <div className="dialog-actions">
          <button
            ref={backUpRef}
            type="button"
            aria-disabled={backingUp || undefined}
            onClick={() => void backUpNow()}
          >
            {backingUp ? 'Backing up…' : 'Back up now'}
          </button>
          <button
            ref={restoreRef}
            type="button"
            className="primary"
            disabled={!chosen}
            aria-disabled={backingUp || undefined}
            onClick={ask}
          >
            Restore…
          </button>
        </div>
      )}
    </Dialog>
  );
}
