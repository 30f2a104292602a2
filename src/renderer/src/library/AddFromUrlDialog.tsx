/**
 * "Add from URL…": an address, fetched by the service (never by this window). While it is being
 * fetched the dialog says so; a failure is shown here with the address kept for another try.
 * Closing the dialog (Close, Escape) while it is fetching cancels the fetch: nothing is added.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Dialog } from '../components/Dialog';
import { useMounted } from '../components/use-mounted';
import { messageOf } from './import-items';
import { useInitialFocus } from './use-initial-focus';

export interface AddFromUrlDialogProps {
  /** An address to start with (a dropped link), fetched at once when `fetchAtOnce`. */
  readonly initialUrl?: string;
  readonly fetchAtOnce?: boolean;
  /** Fetches and imports the address; rejects with the service's error. */
  readonly onAdd: (url: string, signal: AbortSignal) => Promise<void>;
  /** A failure after the dialog was closed (while open, the dialog shows it). */
  readonly onError: (error: unknown) => void;
  readonly onClose: () => void;
}

export function AddFromUrlDialog({
  initialUrl = '',
  fetchAtOnce = false,
  onAdd,
  onError,
  onClose,
}: AddFromUrlDialogProps) {
  const fieldId = useId();
  const hintId = useId();
  const errorId = useId();
  const field = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState(initialUrl);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = useMounted();
  const started = useRef(false);
  useInitialFocus(field, { select: true });

  const fetching = useRef<AbortController | null>(null);

  const add = async (address: string) => {
    if (busy || address.trim() === '') return;
    setBusy(true);
    setError(null);
    const controller = new AbortController();
    fetching.current = controller;
    try {
      await onAdd(address.trim(), controller.signal);
      if (open.current) onClose();
    } catch (e) {
      // Cancelled by closing the dialog: nothing was added, and nothing more to say.
      if (controller.signal.aborted) return;
      if (!open.current) return onError(e);
      setError(messageOf(e));
      field.current?.focus();
    } finally {
      fetching.current = null;
      if (open.current) setBusy(false);
    }
  };

  const close = () => {
    fetching.current?.abort();
    onClose();
  };

  // A dropped link is fetched as soon as the dialog shows it (once, even in StrictMode).
  useEffect(() => {
    if (!fetchAtOnce || started.current || initialUrl.trim() === '') return;
    started.current = true;
    void add(initialUrl);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the first address, once
  }, []);

  return (
    <Dialog title="Add from URL" onClose={close} className="imports-url-dialog">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void add(url);
        }}
      >
        <label htmlFor={fieldId}>Address</label>
        <input
          ref={field}
          id={fieldId}
          type="text"
          inputMode="url"
          value={url}
          spellCheck={false}
          autoComplete="off"
          placeholder="https://example.org/news/article"
          readOnly={busy}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setUrl(event.target.value)}
        />
        <p id={hintId} className="hint">
          Marginalia fetches this one page, nothing it links to: no images, styles or scripts.
        </p>
        {error && (
          <p id={errorId} className="dialog-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button
            type="submit"
            className="primary"
            disabled={!busy && url.trim() === ''}
            aria-disabled={busy || undefined}
          >
            {busy ? 'Fetching…' : 'Add'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
