/**
 * Which files a folder walk takes, the same in the service's walk and the window's walk of a
 * dropped folder: articles by their type, never hidden files, and not the resource folder of a
 * saved page ("page_files" beside "page.html"). Everything else in a folder is counted as skipped
 * and named in the report's summary; a file named on its own is always tried, and refused with
 * its reason when it is not an article.
 */
import { IMPORTABLE_EXTENSIONS } from './desktop';

const IMPORTABLE: ReadonlySet<string> = new Set(IMPORTABLE_EXTENSIONS);

export function isImportableName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && IMPORTABLE.has(name.slice(dot).toLowerCase());
}

export function isHiddenName(name: string): boolean {
  return name.startsWith('.');
}

/** Whether `folder` is the resources folder of a saved page among `siblings` (file names). */
export function isSavedPageFolder(folder: string, siblings: ReadonlySet<string>): boolean {
  const match = /^(.*)_files$/i.exec(folder);
  if (!match) return false;
  const page = match[1]!.toLowerCase();
  return ['.html', '.htm', '.xhtml'].some((ext) => siblings.has(`${page}${ext}`));
}
