/**
 * After a paste made an article: its title, prefilled and selected, to keep (Escape, Close) or
 * change (Enter saves it). The article is already in the library either way.
 */
import { useId, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../shared/contract/entities';
import { Dialog } from '../components/Dialog';
import { useMounted } from '../components/use-mounted';
import { messageOf } from './import-items';
import { useInitialFocus } from './use-initial-focus';

export interface PastedTitleDialogProps {
  readonly article: ArticleSummary;
  /** Saves a new title; rejects with the service's error. */
  readonly onRename: (title: string) => Promise<void>;
  readonly onClose: () => void;
}

export function PastedTitleDialog({ article, onRename, onClose }: PastedTitleDialogProps) {
  const fieldId = useId();
  const errorId = useId();
  const field = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState(article.title);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = useMounted();
  useInitialFocus(field, { select: true });

  const save = async () => {
    if (busy) return;
    const wanted = title.trim();
    if (wanted === '') {
      setError('A title cannot be empty.');
      return;
    }
    if (wanted === article.title) return onClose();
    setBusy(true);
    setError(null);
    try {
      await onRename(wanted);
      if (open.current) onClose();
    } catch (e) {
      if (open.current) setError(messageOf(e));
    } finally {
      if (open.current) setBusy(false);
    }
  };

  return (
    <Dialog title="Pasted as a new article" onClose={onClose} className="imports-title-dialog">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label htmlFor={fieldId}>Title</label>
        <input
          ref={field}
          id={fieldId}
          type="text"
          value={title}
          autoComplete="off"
          aria-describedby={error ? errorId : undefined}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setTitle(event.target.value)}
        />
        <p className="hint">Enter saves the title; Escape keeps it as it is.</p>
        {error && (
          <p id={errorId} className="dialog-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="primary" aria-disabled={busy || undefined}>
            Save title
          </button>
        </div>
      </form>
    </Dialog>
  );
}
