/** The selection toolbar in Chromium: names, callbacks, no stolen selection, arrow keys, placement. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import {
  SelectionToolbar,
  toolbarPosition,
  type SelectionToolbarProps,
} from '../../../src/renderer/src/reader/SelectionToolbar';
import type { HighlightColor } from '../../../src/shared/contract/entities';
import { cleanup, perform, press, render } from '../react-harness';

afterEach(cleanup);

const LABELS = { yellow: 'evidence', green: '', blue: '', pink: '', purple: '' };

async function show(
  rect: SelectionToolbarProps['rect'] = { top: 300, left: 100, bottom: 320, width: 200 },
) {
  const props = {
    onHighlight: vi.fn<(color: HighlightColor) => void>(),
    onNote: vi.fn(),
    onTag: vi.fn(),
    onClaim: vi.fn(),
  };
  await render(<SelectionToolbar rect={rect} colorLabels={LABELS} {...props} />);
  return props;
}

const toolbar = () => page.getByRole('toolbar', { name: 'Selection' }).element() as HTMLElement;
const button = (name: string) =>
  page.getByRole('button', { name, exact: true }).element() as HTMLButtonElement;

describe('SelectionToolbar', () => {
  it('names the colours by the legend and gives every button its shortcut', async () => {
    await show();
    expect(button('Highlight yellow — evidence').getAttribute('aria-keyshortcuts')).toBe('H');
    for (const color of ['green', 'blue', 'pink', 'purple']) {
      expect(button(`Highlight ${color}`).hasAttribute('aria-keyshortcuts')).toBe(false);
    }
    expect(button('Note').getAttribute('aria-keyshortcuts')).toBe('N');
    expect(button('Tag').getAttribute('aria-keyshortcuts')).toBe('T');
    expect(button('Claim').getAttribute('aria-keyshortcuts')).toBe('C');
  });

  it('calls back with the colour or the action clicked', async () => {
    const props = await show();
    await perform(() => button('Highlight blue').click());
    expect(props.onHighlight).toHaveBeenLastCalledWith('blue');
    await perform(() => button('Highlight yellow — evidence').click());
    expect(props.onHighlight).toHaveBeenLastCalledWith('yellow');
    await perform(() => button('Note').click());
    await perform(() => button('Tag').click());
    await perform(() => button('Claim').click());
    expect([props.onNote, props.onTag, props.onClaim].map((f) => f.mock.calls.length)).toEqual([
      1, 1, 1,
    ]);
  });

  it('does not take the text selection away on mousedown', async () => {
    await show();
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    button('Highlight green').dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
  });

  it('is one tab stop, with arrow keys, Home and End moving between buttons', async () => {
    await show();
    const stops = [...toolbar().querySelectorAll('button')].filter((b) => b.tabIndex === 0);
    expect(stops).toEqual([button('Highlight yellow — evidence')]);

    await perform(() => button('Highlight yellow — evidence').focus());
    await press('ArrowRight');
    expect(document.activeElement).toBe(button('Highlight green'));
    expect(button('Highlight green').tabIndex).toBe(0);
    expect(button('Highlight yellow — evidence').tabIndex).toBe(-1);
    await press('End');
    expect(document.activeElement).toBe(button('Claim'));
    await press('ArrowRight');
    expect(document.activeElement).toBe(button('Highlight yellow — evidence'));
    await press('ArrowLeft');
    expect(document.activeElement).toBe(button('Claim'));
    await press('Home');
    expect(document.activeElement).toBe(button('Highlight yellow — evidence'));
  });

  it('floats just above the selection, or below it when there is no room above', async () => {
    await show({ top: 300, left: 100, bottom: 320, width: 200 });
    const above = toolbar().getBoundingClientRect();
    expect(getComputedStyle(toolbar()).position).toBe('fixed');
    expect(above.bottom).toBeLessThanOrEqual(300);
    expect(above.bottom).toBeGreaterThan(300 - 20);
    await cleanup();

    await show({ top: 4, left: 100, bottom: 24, width: 200 });
    const below = toolbar().getBoundingClientRect();
    expect(below.top).toBeGreaterThanOrEqual(24);
    expect(below.top).toBeLessThan(24 + 20);
  });
});

describe('toolbarPosition', () => {
  const size = { width: 300, height: 40 };
  const viewport = { width: 1000, height: 800 };

  it('centres over the selection and keeps inside the viewport', () => {
    expect(
      toolbarPosition({ top: 200, left: 400, bottom: 220, width: 200 }, size, viewport),
    ).toEqual({
      top: 152,
      left: 350,
    });
    expect(
      toolbarPosition({ top: 200, left: 0, bottom: 220, width: 10 }, size, viewport).left,
    ).toBe(8);
    expect(
      toolbarPosition({ top: 200, left: 990, bottom: 220, width: 10 }, size, viewport).left,
    ).toBe(692);
  });

  it('goes below when the selection is near the top', () => {
    expect(
      toolbarPosition({ top: 20, left: 400, bottom: 40, width: 200 }, size, viewport).top,
    ).toBe(48);
  });
});
