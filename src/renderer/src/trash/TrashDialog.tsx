/**
 * The Trash: deleted articles, most recently deleted first, each with the date it was deleted and
 * its annotations; "Restore" brings one back whole (its reply's changes go through the store, so
 * it reappears in the library); "Empty Trash…" erases them all for good, and is the one action
 * that asks first (inline, in this dialog, as the backups dialog does).
 *
 * Keyboard: once the list is in, the first "Restore" takes the focus; the arrows (and Home, End)
 * move between the rows' "Restore" buttons; Tab reaches "Empty Trash…"; its question focuses
 * "Cancel" (erasing cannot be undone, so Enter alone does not erase); Escape steps back from the
 * question and otherwise closes.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Client } from '../../../shared/contract/operations';
import type { TrashedArticle } from '../../../shared/contract/trash';
import { plural } from '../../../shared/text/plural';
import { Dialog } from '../components/Dialog';
import { useMounted } from '../components/use-mounted';
import { useStore } from '../store/hooks';
import { describeErasure, formatDeletedAt } from './trash-format';

export interface TrashDialogProps {
  readonly client: Pick<Client, 'listTrash' | 'restoreArticle' | 'emptyTrash'>;
  readonly onClose: () => void;
  /** Says what was done once the dialog is closed (a restore that finished after). */
  readonly announce: (message: string) => void;
  /** A failure after the dialog was closed (while open, the dialog shows it). */
  readonly onError: (error: unknown) => void;
}

type Phase = 'list' | 'confirm' | 'erasing';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function TrashDialog({ client, onClose, announce, onError }: TrashDialogProps) {
  const store = useStore();
  const questionId = useId();
  const detailId = useId();
  const [articles, setArticles] = useState<TrashedArticle[] | null>(null);
  const [phase, setPhase] = useState<Phase>('list');
  const [restoring, setRestoring] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = useMounted();
  const listRef = useRef<HTMLUListElement>(null);
  const emptyRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  /** Where the focus goes after the list changes: a row's index, or "Empty Trash…". */
  const focusNext = useRef<number | 'empty' | null>(null);

  useEffect(() => {
    let live = true;
    client.listTrash({}).then(
      (reply) => live && setArticles(reply.articles),
      (e: unknown) => {
        if (!live) return;
        setArticles([]);
        setError(`The Trash could not be listed: ${messageOf(e)}`);
      },
    );
    return () => {
      live = false;
    };
  }, [client]);

  const restoreButtons = () => [
    ...(listRef.current?.querySelectorAll<HTMLButtonElement>('.trash-restore') ?? []),
  ];

  // Once the list is in, its first "Restore" takes the focus, unless the user has moved it.
  const loaded = articles !== null;
  useEffect(() => {
    if (!loaded) return;
    const active = document.activeElement;
    if (active && active !== document.body && !active.classList.contains('dialog-close')) return;
    (restoreButtons()[0] ?? emptyRef.current)?.focus();
  }, [loaded]);

  // After a restore or a step back, the focus goes where the list says (never lost to the body).
  useEffect(() => {
    const target = focusNext.current;
    if (target === null || phase !== 'list') return;
    focusNext.current = null;
    const buttons = restoreButtons();
    const row = target === 'empty' ? undefined : buttons[Math.min(target, buttons.length - 1)];
    const empty = emptyRef.current?.disabled ? null : emptyRef.current;
    // With nothing left to act on, the dialog's Close button.
    (row ?? empty ?? document.querySelector<HTMLElement>('.trash-dialog .dialog-close'))?.focus();
  }, [articles, phase]);

  useEffect(() => {
    if (phase === 'confirm') cancelRef.current?.focus();
  }, [phase]);

  const busy = restoring !== null || phase === 'erasing';

  const restore = async (article: TrashedArticle, index: number) => {
    if (busy || phase !== 'list') return;
    setRestoring(article.id);
    setError(null);
    setMessage('');
    try {
      const { changes } = await client.restoreArticle({ id: article.id });
      store.apply(changes);
      const said = `Restored “${article.title}”.`;
      if (!open.current) return announce(said);
      focusNext.current = index;
      setArticles((list) => list?.filter((a) => a.id !== article.id) ?? null);
      setMessage(said);
    } catch (e) {
      const failure = `Restoring “${article.title}” failed: ${messageOf(e)}`;
      if (open.current) setError(failure);
      else onError(new Error(failure));
    } finally {
      if (open.current) setRestoring(null);
    }
  };

  const ask = () => {
    if (busy || !articles || articles.length === 0) return;
    setError(null);
    setMessage('');
    setPhase('confirm');
  };

  const cancel = () => {
    if (phase !== 'confirm') return;
    focusNext.current = 'empty';
    setPhase('list');
  };

  const erase = async () => {
    if (phase !== 'confirm' || !articles) return;
    setPhase('erasing');
    // Only what the user was shown: an article deleted elsewhere meanwhile stays in the Trash.
    const ids = articles.map((a) => a.id);
    try {
      const { erased, changes } = await client.emptyTrash({ ids });
      store.apply(changes);
      const said = `Erased ${plural(erased, 'article', 'articles')} for good.`;
      if (!open.current) return announce(said);
      const gone = new Set(ids);
      focusNext.current = 'empty';
      setArticles((list) => list?.filter((a) => !gone.has(a.id)) ?? null);
      setMessage(said);
    } catch (e) {
      const failure = `Emptying the Trash failed: ${messageOf(e)}`;
      if (!open.current) return onError(new Error(failure));
      focusNext.current = 'empty';
      setError(failure);
    } finally {
      if (open.current) setPhase('list');
    }
  };

  const close = () => {
    if (phase === 'erasing') return;
    onClose();
  };

  /** Up and Down (Home, End) move between the rows' Restore buttons. */
  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = restoreButtons();
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const next =
      event.key === 'ArrowDown'
        ? Math.min(at + 1, buttons.length - 1)
        : event.key === 'ArrowUp'
          ? Math.max(at - 1, 0)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? buttons.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    buttons[next]?.focus();
  };

  const onQuestionKey = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape') return;
    // Escape steps back from the question; the dialog's own Escape would close it all.
    event.stopPropagation();
    event.preventDefault();
    cancel();
  };

  return (
    <Dialog title="Trash" onClose={close} className="trash-dialog">
      <p className="hint">
        Deleted articles stay here with their annotations, tags and links until you empty the Trash.
        Restore brings one back as it was.
      </p>
      {articles === null ? (
        <p className="muted">Loading the Trash…</p>
      ) : articles.length === 0 ? (
        <p className="trash-empty">The Trash is empty.</p>
      ) : (
        <ul
          ref={listRef}
          className="trash-list"
          aria-label="Deleted articles"
          onKeyDown={onListKey}
        >
          {articles.map((article, index) => (
            <li key={article.id} className="trash-row">
              <span className="trash-title" dir="auto">
                {article.title}
              </span>
              <span className="trash-meta">
                Deleted {formatDeletedAt(article.deletedAt)}
                {article.annotationCount > 0 &&
                  ` · ${plural(article.annotationCount, 'annotation', 'annotations')}`}
              </span>
              <button
                type="button"
                className="trash-restore"
                aria-label={`Restore “${article.title}”`}
                aria-disabled={busy || phase !== 'list' || undefined}
                onClick={() => void restore(article, index)}
              >
                {restoring === article.id ? 'Restoring…' : 'Restore'}
              </button>
            </li>
          ))}
        </ul>
      )}
      {(phase === 'confirm' || phase === 'erasing') && articles && (
        <section
          className="trash-confirm"
          aria-labelledby={questionId}
          aria-describedby={detailId}
          onKeyDown={onQuestionKey}
        >
          <p id={questionId} className="trash-confirm-question">
            Erase {describeErasure(articles)} for good?
          </p>
          <p id={detailId}>
            They cannot be restored afterwards, except by restoring a backup of the library made
            before now.
          </p>
          <div className="dialog-actions">
            <button
              ref={cancelRef}
              type="button"
              onClick={cancel}
              aria-disabled={busy || undefined}
            >
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              aria-describedby={`${questionId} ${detailId}`}
              aria-disabled={busy || undefined}
              onClick={() => void erase()}
            >
              {phase === 'erasing' ? 'Erasing…' : 'Erase for good'}
            </button>
          </div>
        </section>
      )}
      <p className="trash-status" role="status">
        {message}
      </p>
      {error && (
        <p className="dialog-error" role="alert">
          {error}
        </p>
      )}
      {phase === 'list' && (
        <div className="dialog-actions">
          <button
            ref={emptyRef}
            type="button"
            disabled={!articles || articles.length === 0}
            aria-disabled={busy || undefined}
            onClick={ask}
          >
            Empty Trash…
          </button>
        </div>
      )}
    </Dialog>
  );
}
