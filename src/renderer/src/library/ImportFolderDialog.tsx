/**
 * "Import folder…" in web mode, where the browser cannot hand over a folder's path: the user types
 * it, and web mode (which listens on 127.0.0.1 only, for this computer's user) reads the folder.
 * The import itself runs outside the dialog, with its progress in the library.
 */
import { useId, useRef, useState } from 'react';
import { Dialog } from '../components/Dialog';
import { useInitialFocus } from './use-initial-focus';

export interface ImportFolderDialogProps {
  /** The folder typed last time, to start from. */
  readonly initialFolder?: string;
  readonly onImport: (folder: string, recursive: boolean) => void;
  readonly onClose: () => void;
}

export function ImportFolderDialog({
  initialFolder = '',
  onImport,
  onClose,
}: ImportFolderDialogProps) {
  const fieldId = useId();
  const hintId = useId();
  const field = useRef<HTMLInputElement>(null);
  const [folder, setFolder] = useState(initialFolder);
  const [recursive, setRecursive] = useState(true);
  useInitialFocus(field, { select: true });

  return (
    <Dialog title="Import folder" onClose={onClose} className="imports-folder-dialog">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (folder.trim() !== '') onImport(folder.trim(), recursive);
        }}
      >
        <label htmlFor={fieldId}>Folder</label>
        <input
          ref={field}
          id={fieldId}
          type="text"
          value={folder}
          spellCheck={false}
          autoComplete="off"
          placeholder="/home/you/Saved pages"
          aria-describedby={hintId}
          onChange={(event) => setFolder(event.target.value)}
        />
        <p id={hintId} className="hint">
          The full path of a folder on this computer. Web pages (also saved as “complete” or as
          .mhtml), Markdown and text files are imported; anything else is listed as refused.
        </p>
        <label className="imports-check">
          <input
            type="checkbox"
            checked={recursive}
            onChange={(event) => setRecursive(event.target.checked)}
          />
          Include subfolders
        </label>
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={folder.trim() === ''}>
            Import
          </button>
        </div>
      </form>
    </Dialog>
  );
}
