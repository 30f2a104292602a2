/**
 * A second launch of the app: the first instance's window comes forward (single-instance.ts).
 * Electron's lock itself (`app.requestSingleInstanceLock` and the 'second-instance' event) needs
 * the binary; main-process.test.ts checks that index.ts wires them to this function.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  answerSecondInstance,
  focusWindow,
  type FocusableWindow,
} from '../../../src/main/electron/single-instance';

function fakeWindow(state: { minimized?: boolean; visible?: boolean; destroyed?: boolean } = {}) {
  const calls: string[] = [];
  const window: FocusableWindow = {
    isDestroyed: () => state.destroyed ?? false,
    isMinimized: () => state.minimized ?? false,
    isVisible: () => state.visible ?? true,
    restore: () => void calls.push('restore'),
    show: () => void calls.push('show'),
    focus: () => void calls.push('focus'),
  };
  return { window, calls };
}

describe('focusWindow', () => {
  it('R24 restores a minimized window, then focuses it', () => {
    const { window, calls } = fakeWindow({ minimized: true });
    focusWindow(window);
    expect(calls).toEqual(['restore', 'focus']);
  });

  it('R24 shows a hidden window, then focuses it', () => {
    const { window, calls } = fakeWindow({ visible: false });
    focusWindow(window);
    expect(calls).toEqual(['show', 'focus']);
  });

  it('R24 focuses a window that is already on screen, and nothing more', () => {
    const { window, calls } = fakeWindow();
    focusWindow(window);
    expect(calls).toEqual(['focus']);
  });

  it('leaves a destroyed window alone', () => {
    const { window, calls } = fakeWindow({ destroyed: true, minimized: true });
    focusWindow(window);
    expect(calls).toEqual([]);
  });
});

describe('answerSecondInstance', () => {
  it('R24 brings the first instance’s window forward instead of opening another', () => {
    const { window, calls } = fakeWindow({ minimized: true });
    const openWindow = vi.fn();
    expect(answerSecondInstance({ window, ready: true, openWindow })).toBe('focused');
    expect(calls).toEqual(['restore', 'focus']);
    expect(openWindow).not.toHaveBeenCalled();
  });

  it('R24 opens the window when the first instance has none (macOS keeps running without)', () => {
    const openWindow = vi.fn();
    expect(answerSecondInstance({ window: null, ready: true, openWindow })).toBe('opened');
    const { window } = fakeWindow({ destroyed: true });
    expect(answerSecondInstance({ window, ready: true, openWindow })).toBe('opened');
    expect(openWindow).toHaveBeenCalledTimes(2);
  });

  it('R24 does nothing while the library is still opening (the window opens by itself)', () => {
    const openWindow = vi.fn();
    expect(answerSecondInstance({ window: null, ready: false, openWindow })).toBe('starting');
    expect(openWindow).not.toHaveBeenCalled();
  });
});
