/** Copying text: the async Clipboard API, or a hidden textarea and execCommand where it fails. */
import { plural } from '../../../shared/text/plural';

function copyWithTextarea(text: string, doc: Document): void {
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.position = 'fixed';
  area.style.top = '0';
  area.style.left = '0';
  area.style.opacity = '0';
  const previous = doc.activeElement;
  // Inside the modal dialog that has the focus, if any: its focus trap would take the focus (and
  // with it the selection) back from a textarea outside it, and nothing would be copied.
  (previous?.closest('[role="dialog"]') ?? doc.body).append(area);
  area.select();
  let copied = false;
  try {
    copied = doc.execCommand('copy');
  } finally {
    area.remove();
    if (previous instanceof HTMLElement) previous.focus();
  }
  if (!copied) throw new Error('Could not copy to the clipboard.');
}

export async function copyText(text: string, doc: Document = document): Promise<void> {
  try {
    if (!navigator.clipboard) throw new Error('no Clipboard API');
    await navigator.clipboard.writeText(text);
  } catch {
    copyWithTextarea(text, doc);
  }
}

/** "Copied 2 annotations as Markdown". */
export function copiedMessage(count: number): string {
  return `Copied ${plural(count, 'annotation', 'annotations')} as Markdown`;
}
