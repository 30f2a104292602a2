/**
 * How the window starts again after a restore: through the desktop bridge when there is one (the
 * desktop window refuses the page's own location.reload(), a navigation), the page's own reload
 * in web mode.
 */
import { describe, expect, it, vi } from 'vitest';
import { windowReloader } from '../../../src/renderer/src/safety/reload-window';

describe('windowReloader', () => {
  it('R25 in the desktop app asks the main process, and never reloads the page itself', async () => {
    const desktop = { reloadWindow: vi.fn(async () => {}) };
    const location = { reload: vi.fn() };
    await windowReloader(desktop, location)();
    expect(desktop.reloadWindow).toHaveBeenCalledOnce();
    expect(location.reload).not.toHaveBeenCalled();
  });

  it('passes on a reload the main process could not do', async () => {
    const desktop = { reloadWindow: vi.fn(async () => Promise.reject(new Error('gone'))) };
    await expect(windowReloader(desktop, { reload: vi.fn() })()).rejects.toThrow('gone');
  });

  it('in web mode reloads the page', async () => {
    const location = { reload: vi.fn() };
    await windowReloader(null, location)();
    expect(location.reload).toHaveBeenCalledOnce();
  });
});
