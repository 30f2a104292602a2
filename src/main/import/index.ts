/** Import: chooses an importer by file name and turns a file's bytes into an article. */
import path from 'node:path';
import { ServiceError } from '../../shared/contract/errors';
import { IMPORT_FORMATS, type SourceFormat } from '../../shared/contract/importable';
import { assertImportSize, assertNotBinary, decodeText } from './decode';
import { importHtml } from './html/index';
import type { ImportedArticle } from './imported-article';
import { parseMarkdown } from './markdown';
import { readMhtml } from './mhtml';
import { parsePlainText } from './plain-text';

export type { SourceFormat };

const FORMATS: Readonly<Record<string, SourceFormat>> = IMPORT_FORMATS;

/** "Web page, single file": MIME multipart around the page. */
const MHTML_EXTENSIONS = new Set(['.mhtml', '.mht']);

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

/**
 * Imports one file from its bytes: the importer is chosen by extension, the bytes are checked
 * (size, binary) and decoded, and the text becomes an article. Synchronous: the service stores
 * the result in the same call.
 */
export function importFile(
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
): ImportResult {
  const format = formatOf(fileName);
  const extension = path.extname(fileName).toLowerCase();
  const fallbackTitle = path.basename(fileName, extension);
  if (format === 'html') {
    let page = {
      html: bytes,
      charset: options.charset ?? null,
      location: options.sourceUrl ?? null,
    };
    let resources = options.resources ?? null;
    if (MHTML_EXTENSIONS.has(extension)) {
      assertImportSize(bytes.byteLength, fileName);
      assertNotBinary(bytes, fileName);
      const saved = readMhtml(bytes, fileName);
      page = {
        html: saved.html,
        charset: saved.charset,
        location: options.sourceUrl ?? saved.location,
      };
      resources = saved.resources;
    }
    const { text, warnings } = decodeText(page.html, fileName, {
      html: true,
      charset: page.charset,
    });
    if (text.trim() === '') throw new ServiceError('unsupported_file', `${fileName} is empty`);
    const imported = importHtml(text, {
      fileName,
      fallbackTitle,
      sourceUrl: page.location,
      resources,
    });
    return { article: imported.article, format, warnings: [...warnings, ...imported.warnings] };
  }
  const { text, warnings } = decodeText(bytes, fileName, { charset: options.charset ?? null });
  if (text.trim() === '') throw new ServiceError('unsupported_file', `${fileName} is empty`);
  const article =
    format === 'markdown'
      ? parseMarkdown(text, fallbackTitle, warnings)
      : parsePlainText(text, fallbackTitle);
  return { article, format, warnings };
}
