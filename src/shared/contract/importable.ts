/**
 * Which files a folder walk takes, the same in the service's walk and the window's walk of a
 * dropped folder: articles by their type, never hidden files, and not the resource folder of a
 * saved page ("page_files" beside "page.html"). Everything else in a folder is counted as skipped
 * and named in the report's summary; a file named on its own is always tried, and refused with
 * its reason when it is not an article.
 */
import type { ImportItem } from './jobs';

/** Each file type Marginalia imports as an article, by extension, and how it is read. */
export const IMPORT_FORMATS = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.mhtml': 'html',
  '.mht': 'html',
} as const satisfies Record<string, 'text' | 'markdown' | 'html'>;

export type SourceFormat = (typeof IMPORT_FORMATS)[keyof typeof IMPORT_FORMATS];

/** The file types Marginalia imports as articles (open dialogs, file inputs, folder walks). */
export const IMPORTABLE_EXTENSIONS = Object.keys(IMPORT_FORMATS) as (keyof typeof IMPORT_FORMATS)[];

const IMPORTABLE: ReadonlySet<string> = new Set(IMPORTABLE_EXTENSIONS);

export function isImportableName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && IMPORTABLE.has(name.slice(dot).toLowerCase());
}

export function isHiddenName(name: string): boolean {
  return name.startsWith('.');
}

/** The pages a browser saves beside a `_files` folder of their resources. */
export const SAVED_PAGE_EXTENSIONS: readonly string[] = ['.html', '.htm', '.xhtml'];

/** Whether `folder` is the resources folder of a saved page among `siblings` (file names). */
export function isSavedPageFolder(folder: string, siblings: ReadonlySet<string>): boolean {
  const match = /^(.*)_files$/i.exec(folder);
  if (!match) return false;
  const page = match[1]!.toLowerCase();
  return SAVED_PAGE_EXTENSIONS.some((ext) => siblings.has(`${page}${ext}`));
}

/** Why an import found the article already there, as reports and the CLI say it. */
export function describeAlready(reason: 'content' | 'address' | null): string {
  return reason === 'address'
    ? 'already in your library (the same address)'
    : 'already in your library (the same text)';
}

/** The report line of a file that was not imported. */
export function refusedItem(file: string, reason: string): ImportItem {
  return { file, status: 'refused', reason, article: null, warnings: [] };
}
