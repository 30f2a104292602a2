/**
 * The local images of a "Web page, complete" saved by a browser: `page.html` beside its
 * `page_files/` folder. The reader answers only files inside that folder — no `..`, no absolute
 * path, no symbolic link, nothing over the cap — so a page cannot read anything else on disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SAVED_PAGE_EXTENSIONS } from '../../shared/contract/importable';
import type { ResourceReader } from './index';

/** Largest single resource read from a saved page's folder. */
export const MAX_RESOURCE_BYTES = 10 * 1024 * 1024;

/** The reader for the page at `pagePath`, or null when it has no `_files` folder beside it. */
export function savedPageResources(pagePath: string): ResourceReader | null {
  const ext = path.extname(pagePath).toLowerCase();
  if (!SAVED_PAGE_EXTENSIONS.includes(ext)) return null;
  const folderName = `${path.basename(pagePath, path.extname(pagePath))}_files`;
  const folder = path.join(path.dirname(pagePath), folderName);
  try {
    if (!fs.lstatSync(folder).isDirectory()) return null;
  } catch {
    return null;
  }
  const base = path.dirname(pagePath);
  return (reference) => readInside(folder, base, reference);
}

function readInside(folder: string, base: string, reference: string): Uint8Array | null {
  let relative: string;
  try {
    relative = decodeURIComponent(reference.split(/[?#]/, 1)[0] ?? '');
  } catch {
    return null;
  }
  // A scheme ("http:", "file:", "C:") or a rooted path is never a file of the page's folder.
  if (relative === '' || /^[a-z][a-z0-9+.-]*:/i.test(relative) || /^[\\/]/.test(relative)) {
    return null;
  }
  const target = path.resolve(base, relative);
  const inside = path.relative(folder, target);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  try {
    const stat = fs.lstatSync(target);
    if (!stat.isFile() || stat.size > MAX_RESOURCE_BYTES) return null;
    // A linked folder on the way would lead outside: compare the real paths too.
    const real = path.relative(fs.realpathSync(folder), fs.realpathSync(target));
    if (real === '' || real.startsWith('..') || path.isAbsolute(real)) return null;
    return fs.readFileSync(target);
  } catch {
    return null;
  }
}
