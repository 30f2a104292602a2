/**
 * How the window starts again after a restore. In the desktop app the main process reloads it
 * (`desktop.reloadWindow()`): the page's own `location.reload()` is a navigation the page starts,
 * and the desktop window refuses every one of those, so it would leave the old data on screen.
 * In web mode the page reloads itself.
 */
import type { DesktopBridge } from '../../../shared/contract/desktop';

export function windowReloader(
  desktop: Pick<DesktopBridge, 'reloadWindow'> | null,
  location: Pick<Location, 'reload'> = window.location,
): () => Promise<void> {
  if (desktop) return () => desktop.reloadWindow();
  return async () => location.reload();
}
