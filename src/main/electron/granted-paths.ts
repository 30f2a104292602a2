/**
 * The files and folders the user has handed the desktop app for import: chosen in its open
 * dialogs, or dropped on its window (the preload reports a dropped file's path, which the page
 * cannot forge: Electron answers a path only for a real file from the system). A job that imports
 * by path may read only these, so the page can never make the main process read other files.
 */
import path from 'node:path';

export interface GrantedPaths {
  grant(paths: readonly string[]): void;
  /** Whether `file` is a granted path or inside a granted folder. */
  covers(file: string): boolean;
}

/** Most paths remembered; the oldest are forgotten first. */
const MAX_GRANTED = 10_000;

export function createGrantedPaths(): GrantedPaths {
  const granted = new Set<string>();
  return {
    grant(paths) {
      for (const given of paths) {
        if (typeof given !== 'string' || !path.isAbsolute(given)) continue;
        granted.delete(given);
        granted.add(path.resolve(given));
        if (granted.size > MAX_GRANTED) granted.delete(granted.values().next().value!);
      }
    },
    covers(file) {
      if (!path.isAbsolute(file)) return false;
      const resolved = path.resolve(file);
      for (const root of granted) {
        const inside = path.relative(root, resolved);
        if (inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside))) return true;
      }
      return false;
    },
  };
}
