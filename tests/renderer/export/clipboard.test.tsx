/**
 * Copying where the async Clipboard API is refused (the desktop app denies its permission): the
 * hidden-textarea fallback must copy the text even from inside a modal dialog, whose focus trap
 * would otherwise take the focus (and the selection) away from a textarea outside it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { Dialog } from '../../../src/renderer/src/components/Dialog';
import { copyText } from '../../../src/renderer/src/export/clipboard';
import { cleanup, perform, render } from '../react-harness';

afterEach(async () => {
  vi.restoreAllMocks();
  await cleanup();
});

/** What `execCommand('copy')` would put on the clipboard: the selection at that moment. */
function watchCopies(): string[] {
  const copied: string[] = [];
  vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
    new DOMException('Write permission denied.', 'NotAllowedError'),
  );
  vi.spyOn(document, 'execCommand').mockImplementation((command) => {
    const active = document.activeElement;
    copied.push(
      command === 'copy' && active instanceof HTMLTextAreaElement
        ? active.value.slice(active.selectionStart, active.selectionEnd)
        : '',
    );
    return true;
  });
  return copied;
}

describe('copyText without the Clipboard API', () => {
  it('copies from inside a modal dialog, and gives the focus back', async () => {
    const copied = watchCopies();
    let done: Promise<void> = Promise.resolve();
    await render(
      <Dialog title="Export as Markdown" onClose={() => {}}>
        <button type="button" onClick={() => (done = copyText('> a *quote*\n'))}>
          Copy
        </button>
      </Dialog>,
    );
    const button = page.getByRole('button', { name: 'Copy', exact: true }).element() as HTMLElement;
    button.focus();
    await perform(() => button.click());
    await done;
    expect(copied).toEqual(['> a *quote*\n']);
    expect(document.activeElement).toBe(button);
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('copies outside a dialog too', async () => {
    const copied = watchCopies();
    await copyText('plain');
    expect(copied).toEqual(['plain']);
  });
});
