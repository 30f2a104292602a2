/**
 * One app per library: a second launch hands its arguments to the first instance (Electron's
 * single-instance lock) and quits; the first brings its window forward. Pure: the window is
 * anything with BrowserWindow's few methods, so tests use a fake.
 */

/** The BrowserWindow methods bringing a window forward needs. */
export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  isVisible(): boolean;
  show(): void;
  focus(): void;
}

/** Restores a minimized window, shows a hidden one, and focuses it. */
export function focusWindow(window: FocusableWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}

export interface RunningApp {
  /** The main window, or null when it was closed (macOS keeps the app running without one). */
  readonly window: FocusableWindow | null;
  /** False while the library is still opening: the window opens by itself once it is. */
  readonly ready: boolean;
  readonly openWindow: () => void;
}

export type SecondInstanceOutcome = 'focused' | 'opened' | 'starting';

/** What the first instance does when a second one starts: focus, or open a window, or wait. */
export function answerSecondInstance(app: RunningApp): SecondInstanceOutcome {
  if (!app.ready) return 'starting';
  if (app.window && !app.window.isDestroyed()) {
    focusWindow(app.window);
    return 'focused';
  }
  app.openWindow();
  return 'opened';
}
