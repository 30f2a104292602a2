/**
 * Where things live on disk. The default library folder is the desktop app's own data folder
 * (Electron's `userData` for an app named Marginalia), so the app, web mode and the CLI share one
 * library. No Electron import: the CLI and web mode compute the same path themselves.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_NAME = 'Marginalia';
export const DATABASE_FILE = 'marginalia.db';

/** The desktop app's data folder on this platform. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32')
    return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env['XDG_CONFIG_HOME'] || path.join(home, '.config'), APP_NAME);
}

/** `--data-dir`, else `MARGINALIA_DATA_DIR`, else the desktop app's folder. */
export function resolveDataDir(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const chosen = explicit ?? env['MARGINALIA_DATA_DIR'];
  return path.resolve(chosen && chosen.length > 0 ? chosen : defaultDataDir(process.platform, env));
}

/** The project root: the nearest folder above this module with Marginalia's package.json. */
export function projectRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const { name } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'marginalia') return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`cannot find Marginalia's folder above ${from}`);
  }
}

export function resourcesDir(root: string = projectRoot()): string {
  return path.join(root, 'resources');
}
