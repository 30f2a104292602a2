/** "Import…": picks .txt or .md files and adds each to the library, reporting what failed. */
import { useRef, useState } from 'react';
import type { Client, ResponseOf } from '../../../shared/contract/operations';

export interface ImportButtonProps {
  readonly client: Client;
  readonly onImported: (reply: ResponseOf<'importArticle'>) => void;
  readonly onError: (error: unknown) => void;
}

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function ImportButton({ client, onImported, onError }: ImportButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const importFiles = async (files: FileList) => {
    setBusy(true);
    try {
      for (const file of Array.from(files)) {
        try {
          const contentBase64 = toBase64(await file.arrayBuffer());
          onImported(await client.importArticle({ fileName: file.name, contentBase64 }));
        } catch (error) {
          onError(error);
        }
      }
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <>
      <button
        type="button"
        className="import-button"
        onClick={() => input.current?.click()}
        disabled={busy}
      >
        {busy ? 'Importing…' : 'Import…'}
      </button>
      <input
        ref={input}
        type="file"
        accept=".txt,.text,.md,.markdown"
        multiple
        hidden
        aria-label="Files to import"
        onChange={(e) => e.target.files && void importFiles(e.target.files)}
      />
    </>
  );
}
