/**
 * The `Content-Type` of a fetched page: its essence (`type/subtype`, lower-cased) and its charset.
 * Parsed by hand, minimally: `whatwg-mimetype` is only in the tree as a dependency of jsdom, and
 * the two facts needed here do not justify a dependency of our own.
 */

export type PageFormat = 'html' | 'text' | 'markdown';

export interface ContentType {
  /** `type/subtype`, lower-cased; null when the header is absent or not a MIME type. */
  readonly essence: string | null;
  /** The `charset` parameter, lower-cased, unquoted; null when absent. */
  readonly charset: string | null;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

export function parseContentType(header: string | null): ContentType {
  if (header === null) return { essence: null, charset: null };
  const [head = '', ...params] = header.split(';');
  const [type, subtype, ...rest] = head.trim().toLowerCase().split('/');
  const essence =
    type && subtype && rest.length === 0 && TOKEN.test(type) && TOKEN.test(subtype.trim())
      ? `${type}/${subtype.trim()}`
      : null;
  let charset: string | null = null;
  for (const param of params) {
    const equals = param.indexOf('=');
    if (equals < 0 || param.slice(0, equals).trim().toLowerCase() !== 'charset') continue;
    const value = param
      .slice(equals + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim()
      .toLowerCase();
    if (value !== '') charset = value;
    break;
  }
  return { essence, charset };
}

/** Types an article may be served as, and the importer each goes to. */
const FORMATS_BY_TYPE: Readonly<Record<string, PageFormat>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
};

/** Types that say nothing about the content: the bytes are sniffed instead. */
const UNDECLARED_TYPES = new Set([null, 'application/octet-stream', 'application/unknown']);

/**
 * What a declared type means for import: a format, "sniff the bytes", or refused (the caller
 * names the type in its message).
 */
export function formatOfType(
  essence: string | null,
): { kind: 'format'; format: PageFormat } | { kind: 'sniff' } | { kind: 'refused' } {
  if (UNDECLARED_TYPES.has(essence)) return { kind: 'sniff' };
  const format = essence === null ? undefined : FORMATS_BY_TYPE[essence];
  return format ? { kind: 'format', format } : { kind: 'refused' };
}
