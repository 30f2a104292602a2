/** The help panel in Chromium: a named modal dialog listing every shortcut, closed by Escape. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { HelpPanel } from '../../../src/renderer/src/components/HelpPanel';
import {
  COMMANDS as SHORTCUTS,
  ariaKeyShortcuts,
  displayKeys,
} from '../../../src/shared/commands/keymap';
import { cleanup, perform, press, render } from '../react-harness';

afterEach(cleanup);

const dialog = () => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).element();
const closeButton = () =>
  page.getByRole('button', { name: 'Close', exact: true }).element() as HTMLButtonElement;

describe('HelpPanel', () => {
  it('is a modal dialog named by its heading, listing every shortcut', async () => {
    await render(<HelpPanel onClose={() => {}} />);
    expect(dialog().getAttribute('aria-modal')).toBe('true');
    const text = dialog().textContent ?? '';
    for (const shortcut of SHORTCUTS) expect(text).toContain(shortcut.label);
    for (const action of [
      'Highlight selection',
      'Note on selection',
      'Mark selection as claim',
      'Tag selection',
      'Next annotation',
      'Previous annotation',
      'From a selection: the toolbar (all colours)',
      'Close the selection toolbar, the open card, or the claims view',
      'Undo',
      'Redo',
      'This help',
      'Reading settings',
    ]) {
      expect(SHORTCUTS.map((s) => s.label)).toContain(action);
    }
    expect(dialog().querySelectorAll('kbd').length).toBeGreaterThanOrEqual(SHORTCUTS.length);
  });

  it('moves focus to its Close button, and closes on Escape or Close', async () => {
    const onClose = vi.fn();
    await render(<HelpPanel onClose={onClose} />);
    expect(document.activeElement).toBe(closeButton());

    const reachedDocument = vi.fn();
    document.addEventListener('keydown', reachedDocument);
    await press('Escape');
    document.removeEventListener('keydown', reachedDocument);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(reachedDocument).not.toHaveBeenCalled(); // the reader's own Escape must not act too

    await perform(() => closeButton().click());
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('keeps Tab inside the dialog', async () => {
    await render(<HelpPanel onClose={() => {}} />);
    // Close is the only control: Tab and Shift+Tab both stay on it.
    expect(await press('Tab')).toBe(false);
    expect(document.activeElement).toBe(closeButton());
    expect(await press('Tab', { shiftKey: true })).toBe(false);
    expect(document.activeElement).toBe(closeButton());
  });

  it('gives focus back to what had it when the dialog closes', async () => {
    const opener = document.createElement('button');
    opener.textContent = 'Help';
    document.body.append(opener);
    opener.focus();
    const mounted = await render(<HelpPanel onClose={() => {}} />);
    expect(document.activeElement).toBe(closeButton());
    await mounted.unmount();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });
});

describe('shortcut display', () => {
  it('shows Mod as Ctrl, or ⌘ on a Mac, and keeps "+" and "," as keys', () => {
    expect(displayKeys('Mod+Shift+Z', false)).toEqual(['Ctrl', 'Shift', 'Z']);
    expect(displayKeys('Mod+Z', true)).toEqual(['⌘', 'Z']);
    expect(displayKeys('Mod+,', false)).toEqual(['Ctrl', ',']);
    expect(displayKeys('Mod++', false)).toEqual(['Ctrl', '+']);
  });

  it('offers aria-keyshortcuts values for both Control and Meta', () => {
    expect(ariaKeyShortcuts('undo')).toBe('Control+Z Meta+Z');
    expect(ariaKeyShortcuts('redo')).toBe('Control+Shift+Z Meta+Shift+Z Control+Y Meta+Y');
  });
});
