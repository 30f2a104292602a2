/**
 * Ctrl/⌘+V on the library: HTML or text on the clipboard becomes a new article (files on it are
 * imported as files). Only a paste nobody else takes: not into a text field, an editor, the
 * article, or anything behind an open dialog.
 */
import { useEffect, useRef } from 'react';

export type PastedContent =
  | { readonly kind: 'text'; readonly html: string | null; readonly text: string | null }
  | { readonly kind: 'files'; readonly files: readonly File[] };

const TAKES_PASTE =
  'input, textarea, select, [contenteditable]:not([contenteditable="false"]), .article-body';

/** Whether a paste at `target` is the library's to take. */
export function isLibraryPaste(target: EventTarget | null, doc: Document = document): boolean {
  if (doc.querySelector('[aria-modal="true"]')) return false;
  if (!(target instanceof Element)) return true;
  return target.closest(TAKES_PASTE) === null;
}

/** What a paste carries that the library can import, or null. */
export function readPasted(data: DataTransfer): PastedContent | null {
  const files = [...data.files];
  if (files.length > 0) return { kind: 'files', files };
  const html = data.getData('text/html');
  const text = data.getData('text/plain');
  if (html.trim() === '' && text.trim() === '') return null;
  return { kind: 'text', html: html.trim() === '' ? null : html, text: text === '' ? null : text };
}

export function usePasteImport(
  onPaste: (content: PastedContent) => void,
  doc: Document = document,
): void {
  const handler = useRef(onPaste);
  useEffect(() => {
    handler.current = onPaste;
  });
  useEffect(() => {
    const listener = (event: ClipboardEvent) => {
      if (event.defaultPrevented || !event.clipboardData) return;
      if (!isLibraryPaste(event.target, doc)) return;
      const content = readPasted(event.clipboardData);
      if (!content) return;
      event.preventDefault();
      handler.current(content);
    };
    doc.addEventListener('paste', listener);
    return () => doc.removeEventListener('paste', listener);
  }, [doc]);
}
