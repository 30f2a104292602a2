/**
 * better-sqlite3 is a native module, built for one ABI. node_modules keeps the Node build (tests,
 * web mode, CLI); `scripts/start-electron.js` builds a copy for Electron's ABI into this folder,
 * and the desktop app loads that one through better-sqlite3's `nativeBinding` option.
 */
import fs from 'node:fs';
import path from 'node:path';

export const ELECTRON_NATIVE_DIR = path.join('node_modules', '.marginalia-electron');

export function electronNativeBinding(appPath: string): string | undefined {
  const file = path.join(appPath, ELECTRON_NATIVE_DIR, 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}
