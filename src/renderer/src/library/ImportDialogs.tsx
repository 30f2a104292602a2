/**
 * The import dialogs the window shows, one at a time (Add from URL, web mode's Import folder, the
 * report, the title of a pasted article), and the overlay shown while something is dragged over.
 */
import { AddFromUrlDialog } from './AddFromUrlDialog';
import { ImportFolderDialog } from './ImportFolderDialog';
import { ImportReport } from './ImportReport';
import { PastedTitleDialog } from './PastedTitleDialog';
import type { Imports } from './imports-controller';

export interface ImportDialogsProps {
  readonly imports: Imports;
  readonly onError: (error: unknown) => void;
}

export function ImportDialogs({ imports, onError }: ImportDialogsProps) {
  const dialog = imports.dialog;
  return (
    <>
      {dialog?.kind === 'url' && (
        <AddFromUrlDialog
          initialUrl={dialog.url}
          fetchAtOnce={dialog.fetchAtOnce}
          onAdd={imports.importUrl}
          onError={onError}
          onClose={imports.closeDialog}
        />
      )}
      {dialog?.kind === 'folder' && (
        <ImportFolderDialog
          initialFolder={imports.lastFolder}
          onImport={imports.importFolderPath}
          onClose={imports.closeDialog}
        />
      )}
      {dialog?.kind === 'report' && (
        <ImportReport report={dialog.report} onOpen={imports.open} onClose={imports.closeDialog} />
      )}
      {dialog?.kind === 'pasted' && (
        <PastedTitleDialog
          article={dialog.article}
          onRename={(title) => imports.renamePasted(dialog.article.id, title)}
          onClose={imports.closeDialog}
        />
      )}
      {imports.dragging && (
        <div className="imports-drop" aria-hidden="true">
          <div className="imports-drop-card">
            <p className="imports-drop-title">Drop to import</p>
            <p className="imports-drop-hint">
              Web pages, Markdown or text files, folders, or a link
            </p>
          </div>
        </div>
      )}
    </>
  );
}
