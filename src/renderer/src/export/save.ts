/**
 * Putting an exported file where the user wants it: the native save dialog in the desktop app, a
 * download in web mode. Answers what to announce, or null when the user cancelled.
 */
import type { DesktopBridge } from '../../../shared/contract/desktop';
import type { ExportedFile } from '../../../shared/contract/interop';
import { desktopBridge } from '../bridge/desktop';

/** Starts a browser download of `file` (a Blob and an `<a download>`). */
export function downloadFile(file: ExportedFile, doc: Document = document): void {
  const type = file.mediaType.includes('charset')
    ? file.mediaType
    : `${file.mediaType};charset=utf-8`;
  const url = URL.createObjectURL(new Blob([file.content], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Long enough for the browser to have read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "Save…" in the desktop app, "Download" in a browser. */
export function saveVerb(desktop: DesktopBridge | null = desktopBridge()): string {
  return desktop ? 'Save…' : 'Download';
}

/** Saves or downloads `file`: "Saved /path/file.md", "Downloaded file.md", or null if cancelled. */
export async function saveExportedFile(
  file: ExportedFile,
  desktop: DesktopBridge | null = desktopBridge(),
): Promise<string | null> {
  if (desktop) {
    const saved = await desktop.saveFile({ fileName: file.fileName, content: file.content });
    return saved ? `Saved ${saved.path}` : null;
  }
  downloadFile(file);
  return `Downloaded ${file.fileName}`;
}
