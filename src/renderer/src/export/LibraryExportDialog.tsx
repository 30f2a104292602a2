/**
 * "Export library…": every article as a Markdown file in a folder (an Obsidian vault; running it
 * again updates only what changed and never overwrites files that are not ours), or the whole
 * library as one W3C JSON-LD file, or every claim as ClaimReview. In web mode the server writes
 * only inside folders allowed on its command line, and the dialog says so.
 */
import { useId, useState } from 'react';
import type { DesktopBridge } from '../../../shared/contract/desktop';
import { DEFAULT_MARKDOWN_OPTIONS, type MarkdownOptions } from '../../../shared/contract/interop';
import type { Client, ResponseOf } from '../../../shared/contract/operations';
import { Dialog } from '../components/Dialog';
import { useMounted } from '../components/use-mounted';
import { MarkdownOptionsFields } from './MarkdownOptionsFields';
import { saveExportedFile } from './save';

export interface LibraryExportDialogProps {
  readonly client: Client;
  readonly desktop: DesktopBridge | null;
  readonly onClose: () => void;
  /** What to announce when a file was saved or downloaded. */
  readonly announce: (message: string) => void;
  /** A failure after the dialog was closed (while open, the dialog shows it). */
  readonly onError: (error: unknown) => void;
}

type FolderResult = ResponseOf<'exportLibraryToFolder'>;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "3 created, 1 updated, 2 unchanged" (and how many were skipped, when any were). */
export function describeFolderResult(result: FolderResult): string {
  const parts = [
    `${result.created.length} created`,
    `${result.updated.length} updated`,
    `${result.unchanged.length} unchanged`,
  ];
  if (result.skipped.length > 0) parts.push(`${result.skipped.length} skipped`);
  return parts.join(', ');
}

export function LibraryExportDialog({
  client,
  desktop,
  onClose,
  announce,
  onError,
}: LibraryExportDialogProps) {
  const folderId = useId();
  const folderHintId = useId();
  const folderHeadingId = useId();
  const filesHeadingId = useId();
  const [folder, setFolder] = useState('');
  const [options, setOptions] = useState<MarkdownOptions>(DEFAULT_MARKDOWN_OPTIONS);
  const [result, setResult] = useState<FolderResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Closing the dialog does not stop an export under way: a failure must still be seen.
  const open = useMounted();

  // Buttons are not disabled while busy (that would drop the focus out of the dialog): a second
  // click waits for the first.
  const attempt = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      if (open.current) setError(messageOf(e));
      else onError(e);
    } finally {
      setBusy(false);
    }
  };

  const exportToFolder = () =>
    attempt(async () => {
      setResult(null);
      const done = await client.exportLibraryToFolder({ folder: folder.trim(), markdown: options });
      setResult(done);
      announce(`Exported to ${done.folder}: ${describeFolderResult(done)}`);
    });

  const exportFile = (format: 'jsonld' | 'claimreview') =>
    attempt(async () => {
      const { file } = await client.exportLibrary({ format });
      const message = await saveExportedFile(file, desktop);
      if (message) announce(message);
    });

  const chooseFolder = () =>
    attempt(async () => {
      const chosen = await desktop?.chooseFolder();
      if (chosen) setFolder(chosen);
    });

  const verb = desktop ? 'Save' : 'Download';
  const ellipsis = desktop ? '…' : '';
  return (
    <Dialog title="Export library" onClose={onClose} className="export-dialog">
      <section className="export-section" aria-labelledby={folderHeadingId}>
        <h3 id={folderHeadingId}>Export to folder</h3>
        <p className="hint">
          One Markdown file per article, for an Obsidian vault. Exporting again updates the files
          that changed and leaves files that are not Marginalia’s alone.
        </p>
        <form
          className="export-folder-form"
          onSubmit={(event) => {
            event.preventDefault();
            void exportToFolder();
          }}
        >
          <div className="export-field">
            <label htmlFor={folderId}>Folder</label>
            <div className="export-folder-row">
              <input
                id={folderId}
                type="text"
                value={folder}
                spellCheck={false}
                autoComplete="off"
                placeholder={desktop ? 'Choose a folder' : '/home/you/Obsidian/Vault/Marginalia'}
                aria-describedby={folderHintId}
                onChange={(event) => setFolder(event.target.value)}
              />
              {desktop && (
                <button type="button" aria-disabled={busy} onClick={() => void chooseFolder()}>
                  Choose…
                </button>
              )}
            </div>
            <p id={folderHintId} className="hint">
              The full path of an existing folder. Files Marginalia made there are rewritten on each
              export; other files are never touched, so keep your own notes in those.
              {!desktop && (
                <>
                  {' '}
                  In the browser, Marginalia writes only inside a folder you allowed when you
                  started web mode: <code>npm run web -- --export-folder /path/to/folder</code>. Any
                  other folder is refused.
                </>
              )}
            </p>
          </div>
          <MarkdownOptionsFields value={options} onChange={setOptions} />
          <div className="dialog-actions">
            <button
              type="submit"
              className="primary"
              disabled={folder.trim() === ''}
              aria-disabled={busy}
            >
              Export
            </button>
          </div>
        </form>
        <div className="export-result" role="status">
          {result && (
            <>
              <p>
                <strong>{describeFolderResult(result)}</strong>{' '}
                <span className="hint">in {result.folder}</span>
              </p>
              {result.skipped.length > 0 && (
                <>
                  <p>Skipped:</p>
                  <ul className="export-skipped">
                    {result.skipped.map((skip) => (
                      <li key={skip.fileName}>
                        <code>{skip.fileName}</code>: {skip.reason}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </div>
      </section>
      <section className="export-section" aria-labelledby={filesHeadingId}>
        <h3 id={filesHeadingId}>Single file</h3>
        <div className="dialog-actions dialog-actions-start">
          <button type="button" aria-disabled={busy} onClick={() => void exportFile('jsonld')}>
            {verb} library as JSON-LD{ellipsis}
          </button>
          <button type="button" aria-disabled={busy} onClick={() => void exportFile('claimreview')}>
            {verb} all claims as ClaimReview{ellipsis}
          </button>
        </div>
      </section>
      {error && (
        <p className="dialog-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
