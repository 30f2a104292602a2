/** Import: chooses an importer by file name and turns a file's bytes into an article. */
import path from 'node:path';
import { ServiceError } from '../../shared/contract/errors';
import { decodeText } from './decode';
import type { ImportedArticle } from './imported-article';
import { parseMarkdown } from './markdown';
import { parsePlainText } from './plain-text';

export type SourceFormat = 'text' | 'markdown' | 'html';

const FORMATS: Record<string, SourceFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
};

export const SUPPORTED_EXTENSIONS = Object.keys(FORMATS);

export function formatOf(fileName: string): SourceFormat {
  const format = FORMATS[path.extname(fileName).toLowerCase()];
  if (!format) {
    throw new ServiceError(
      'unsupported_file',
      `${fileName}: Marginalia imports ${SUPPORTED_EXTENSIONS.join(', ')} files`,
    );
  }
  return format;
}

/**
 * Reads a resource a saved page refers to (an image in its `_files` folder, a part of an MHTML
 * file), by the reference as written in the page; null when there is none or it may not be read.
 */
export type ResourceReader = (reference: string) => Uint8Array | null;

export interface ImportOptions {
  /** The charset an HTTP response declared, which outranks the page's own `<meta charset>`. */
  readonly charset?: string | null;
  /** The address the bytes were fetched from (after redirects); relative links resolve against it. */
  readonly sourceUrl?: string | null;
  /** Where a "Web page, complete" finds its local images; absent, none are read. */
  readonly resources?: ResourceReader | null;
}

export interface ImportResult {
  readonly article: ImportedArticle;
  readonly format: SourceFormat;
  readonly warnings: string[];
}

export function importFile(
  fileName: string,
  bytes: Uint8Array,
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  _options: ImportOptions = {},
): ImportResult {
  const format = formatOf(fileName);
  const { text, warnings } = decodeText(bytes, fileName);
  if (text.trim() === '') throw new ServiceError('unsupported_file', `${fileName} is empty`);
  const fallbackTitle = path.basename(fileName, path.extname(fileName));
  const article =
    format === 'markdown'
      ? parseMarkdown(text, fallbackTitle)
      : parsePlainText(text, fallbackTitle);
  if (text.includes('\uFFFD'))
    warnings.push(`${fileName} contains characters that could not be decoded (shown as �)`);
  return { article, format, warnings };
}
