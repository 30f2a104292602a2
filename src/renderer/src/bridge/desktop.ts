/**
 * The desktop app's extras beside the operations (`window.marginalia.desktop`): native save and
 * folder dialogs and commands from the native menu and `marginalia://` links. Absent in web mode
 * (and in a preload that does not offer them yet), so every caller checks for null.
 */
import type { ChosenArticleFile, DesktopBridge } from '../../../shared/contract/desktop';

function isBridge(value: unknown): value is DesktopBridge {
  if (typeof value !== 'object' || value === null) return false;
  const bridge = value as Record<string, unknown>;
  return (
    typeof bridge['saveFile'] === 'function' &&
    typeof bridge['chooseFolder'] === 'function' &&
    typeof bridge['chooseImportFiles'] === 'function' &&
    typeof bridge['pathForFile'] === 'function' &&
    typeof bridge['onCommand'] === 'function'
  );
}

/** The desktop bridge, or null in web mode. */
export function desktopBridge(win: Window = window): DesktopBridge | null {
  const desktop = (win.marginalia as { readonly desktop?: unknown } | undefined)?.desktop;
  return isBridge(desktop) ? desktop : null;
}

/**
 * The desktop bridge's native chooser of an article file, or null: in web mode, and with a preload
 * from before it was added (the page then falls back to its own file input).
 */
export function articleFileChooser(
  desktop: DesktopBridge | null,
): (() => Promise<ChosenArticleFile | null>) | null {
  const choose: unknown = desktop?.chooseArticleFile;
  return typeof choose === 'function'
    ? () => (choose as () => Promise<ChosenArticleFile | null>).call(desktop)
    : null;
}
