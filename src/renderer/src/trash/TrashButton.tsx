/** The library panel's "Trash" button, and the Trash dialog it opens. */
import { useState } from 'react';
import type { Client } from '../../../shared/contract/operations';
import { TrashDialog } from './TrashDialog';

export interface TrashButtonProps {
  readonly client: Pick<Client, 'listTrash' | 'restoreArticle' | 'emptyTrash'>;
  readonly announce: (message: string) => void;
  readonly onError: (error: unknown) => void;
}

export function TrashButton({ client, announce, onError }: TrashButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="trash-nav"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Trash
      </button>
      {open && (
        <TrashDialog
          client={client}
          onClose={() => setOpen(false)}
          announce={announce}
          onError={onError}
        />
      )}
    </>
  );
}
