/**
 * Exporting from the window: the open article in a format (Markdown asks how, in a dialog), and
 * the claims ledger. A file is made, then saved (desktop) or downloaded (web mode); while one is
 * on its way, or its save dialog is open, another request is ignored, so a double click or a
 * second menu click saves once.
 */
import { useCallback, useRef } from 'react';
import type { ExportedFile, ExportFormat } from '../../../shared/contract/interop';
import type { Client } from '../../../shared/contract/operations';
import { desktopBridge } from '../bridge/desktop';
import { saveExportedFile } from '../export/save';

export interface ExportOptions {
  readonly client: Client;
  readonly openId: string | null;
  /** Asks how to export as Markdown (the dialog). */
  readonly askMarkdown: () => void;
  readonly announce: (message: string) => void;
  readonly onError: (error: unknown) => void;
}

export function useExports(options: ExportOptions) {
  const { client, openId, askMarkdown, announce, onError } = options;
  const exporting = useRef(false);
  const exportAndSave = useCallback(
    (make: () => Promise<{ readonly file: ExportedFile }>) => {
      if (exporting.current) return;
      exporting.current = true;
      make()
        .then(({ file }) => saveExportedFile(file, desktopBridge()))
        .then((message) => {
          if (message) announce(message);
        })
        .catch(onError)
        .finally(() => {
          exporting.current = false;
        });
    },
    [announce, onError],
  );

  const exportArticle = useCallback(
    (format: ExportFormat) => {
      if (!openId) return onError(new Error('Open an article to export it.'));
      if (format === 'md') return askMarkdown();
      exportAndSave(() => client.exportArticle({ id: openId, format }));
    },
    [askMarkdown, client, openId, exportAndSave, onError],
  );

  const exportLedger = useCallback(
    () => exportAndSave(() => client.exportLibrary({ format: 'ledger' })),
    [client, exportAndSave],
  );

  return { exportArticle, exportLedger };
}
