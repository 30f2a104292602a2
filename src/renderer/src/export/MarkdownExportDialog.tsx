/**
 * "Export → Markdown…": the options (group by, include the text), a preview of the file's first
 * lines, and Save… (the desktop app) or Download (web mode), or Copy. Failures show in the dialog,
 * where the user is looking; success closes it and is announced.
 */
import { useEffect, useId, useState } from 'react';
import type { DesktopBridge } from '../../../shared/contract/desktop';
import {
  DEFAULT_MARKDOWN_OPTIONS,
  type ExportedFile,
  type MarkdownOptions,
} from '../../../shared/contract/interop';
import type { Client } from '../../../shared/contract/operations';
import { Dialog } from '../components/Dialog';
import { copyText } from './clipboard';
import { MarkdownOptionsFields } from './MarkdownOptionsFields';
import { saveExportedFile, saveVerb } from './save';

export const PREVIEW_LINES = 40;

export interface MarkdownExportDialogProps {
  readonly client: Client;
  readonly article: { readonly id: string; readonly title: string };
  readonly desktop: DesktopBridge | null;
  readonly onClose: () => void;
  /** Called with what to announce ("Downloaded …"); the dialog closes itself. */
  readonly onDone: (message: string) => void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function MarkdownExportDialog({
  client,
  article,
  desktop,
  onClose,
  onDone,
}: MarkdownExportDialogProps) {
  const previewId = useId();
  const [options, setOptions] = useState<MarkdownOptions>(DEFAULT_MARKDOWN_OPTIONS);
  /** The last file made, and the options it was made with. */
  const [loaded, setLoaded] = useState<{ options: MarkdownOptions; file: ExportedFile } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    client.exportArticle({ id: article.id, format: 'md', markdown: options }).then(
      (result) => {
        if (cancelled) return;
        setLoaded({ options, file: result.file });
        setError(null);
      },
      (e: unknown) => {
        if (!cancelled) setError(messageOf(e));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, article.id, options]);

  // Saving waits for the file of the options shown; the preview keeps the last one meanwhile.
  const file = loaded?.options === options ? loaded.file : null;
  const lines = loaded ? loaded.file.content.split('\n') : [];
  const preview = lines.slice(0, PREVIEW_LINES).join('\n');
  const more = lines.length - PREVIEW_LINES;

  const run = async (action: (file: ExportedFile) => Promise<string | null>) => {
    if (!file || busy) return;
    setBusy(true);
    try {
      const message = await action(file);
      if (message) {
        onDone(message);
        onClose();
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Export as Markdown" onClose={onClose} className="export-dialog">
      <p className="hint export-subject">“{article.title}”: a Markdown file for Obsidian.</p>
      <MarkdownOptionsFields value={options} onChange={setOptions} />
      <div className="export-preview">
        <h3 id={previewId}>Preview</h3>
        <pre
          role="region"
          tabIndex={0}
          aria-labelledby={previewId}
          aria-busy={!file}
          data-stale={(loaded && !file) || undefined}
        >
          {loaded ? preview : 'Preparing…'}
        </pre>
        {more > 0 && (
          <p className="hint">
            First {PREVIEW_LINES} lines of {lines.length}.
          </p>
        )}
      </div>
      {error && (
        <p className="dialog-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          disabled={!file}
          aria-disabled={busy}
          onClick={() => void run((f) => saveExportedFile(f, desktop))}
        >
          {saveVerb(desktop)}
        </button>
        <button
          type="button"
          disabled={!file}
          aria-disabled={busy}
          onClick={() =>
            void run(async (f) => {
              await copyText(f.content);
              return `Copied ${f.fileName} as Markdown`;
            })
          }
        >
          Copy
        </button>
      </div>
    </Dialog>
  );
}
