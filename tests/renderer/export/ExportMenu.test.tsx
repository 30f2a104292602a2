/**
 * The reader's Export menu in Chromium: an ARIA menu button that opens with the keyboard, moves
 * with the arrow keys, chooses with Enter, closes with Escape or Tab, and gives the focus back.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import {
  EXPORT_MENU_ITEMS,
  ExportMenu,
  type ExportMenuChoice,
} from '../../../src/renderer/src/export/ExportMenu';
import { cleanup, render } from '../react-harness';
import '../../../src/renderer/src/styles.css';

afterEach(cleanup);

const menuButton = () =>
  page.getByRole('button', { name: 'Export', exact: true }).element() as HTMLButtonElement;
const menu = () => document.querySelector<HTMLElement>('[role="menu"]');
const items = () => [...document.querySelectorAll<HTMLElement>('[role="menuitem"]')];
const focused = () => document.activeElement?.textContent;
/** Real keys and clicks (Chromium's input), with React's updates flushed. */
const keys = (text: string) => act(() => userEvent.keyboard(text));
const click = (target: Element | ReturnType<typeof page.getByRole>) =>
  act(() => userEvent.click(target));

async function mount() {
  const onSelect = vi.fn<(choice: ExportMenuChoice) => void>();
  await render(
    <div className="reader-toolbar">
      <ExportMenu onSelect={onSelect} />
      <button type="button">Delete article</button>
    </div>,
  );
  return onSelect;
}

describe('ExportMenu', () => {
  it('is a closed menu button until asked', async () => {
    await mount();
    const button = menuButton();
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.hasAttribute('aria-controls')).toBe(false);
    expect(menu()).toBeNull();
  });

  it('opens on Enter with the first item focused, names the menu by its button', async () => {
    await mount();
    menuButton().focus();
    await keys('{Enter}');
    expect(menuButton().getAttribute('aria-expanded')).toBe('true');
    expect(menuButton().getAttribute('aria-controls')).toBe(menu()!.id);
    expect(menu()!.getAttribute('aria-labelledby')).toBe(menuButton().id);
    expect(items().map((i) => i.textContent)).toEqual(EXPORT_MENU_ITEMS.map((i) => i.label));
    expect(items().map((i) => i.textContent)).toEqual([
      'Markdown…',
      'W3C annotations (JSON-LD)',
      'ClaimReview (JSON-LD)',
      'Copy all as Markdown',
    ]);
    for (const item of items()) expect(item.tabIndex).toBe(-1);
    expect(focused()).toBe('Markdown…');
  });

  it('moves with the arrow keys, Home and End, wrapping around', async () => {
    await mount();
    menuButton().focus();
    await keys('{ArrowUp}');
    expect(focused()).toBe('Copy all as Markdown'); // ↑ on the button opens on the last item
    await keys('{ArrowDown}');
    expect(focused()).toBe('Markdown…'); // wraps
    await keys('{ArrowDown}{ArrowDown}');
    expect(focused()).toBe('ClaimReview (JSON-LD)');
    await keys('{ArrowUp}');
    expect(focused()).toBe('W3C annotations (JSON-LD)');
    await keys('{End}');
    expect(focused()).toBe('Copy all as Markdown');
    await keys('{Home}');
    expect(focused()).toBe('Markdown…');
  });

  it('chooses with Enter, closes, and gives the focus back to the button', async () => {
    const onSelect = await mount();
    menuButton().focus();
    await keys('{ArrowDown}{ArrowDown}{Enter}');
    expect(onSelect).toHaveBeenCalledExactlyOnceWith('jsonld');
    expect(menu()).toBeNull();
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menuButton());
  });

  it('closes on Escape without choosing, and the Escape goes no further', async () => {
    const onSelect = await mount();
    const reachedDocument = vi.fn();
    document.addEventListener('keydown', reachedDocument);
    menuButton().focus();
    await keys('{Enter}{ArrowDown}');
    reachedDocument.mockClear();
    await keys('{Escape}');
    document.removeEventListener('keydown', reachedDocument);
    expect(menu()).toBeNull();
    expect(document.activeElement).toBe(menuButton());
    expect(onSelect).not.toHaveBeenCalled();
    expect(reachedDocument).not.toHaveBeenCalled();
  });

  it('closes when the focus leaves it with Tab', async () => {
    await mount();
    menuButton().focus();
    await keys('{Enter}');
    await keys('{Tab}');
    expect(menu()).toBeNull();
    expect(focused()).toBe('Delete article');
  });

  it('chooses with a click, and toggles closed from its button', async () => {
    const onSelect = await mount();
    await click(menuButton());
    expect(menu()).not.toBeNull();
    await click(menuButton());
    expect(menu()).toBeNull();
    await click(menuButton());
    await click(page.getByRole('menuitem', { name: 'Copy all as Markdown' }));
    expect(onSelect).toHaveBeenCalledExactlyOnceWith('copy');
  });
});
