/**
 * "Web page, single file" (`.mhtml`/`.mht`): a MIME `multipart/related` message (RFC 2557) whose
 * root part is the page and whose other parts are what it refers to. This is a small parser of
 * just that: headers (unfolded), the boundary, each part's body decoded from base64 (Buffer) or
 * quoted-printable (libqp). The root is the part the `start` parameter names, else the first
 * `text/html` part. The other parts become a resource reader that answers a reference by the
 * part's Content-Location (exact, or resolved against the root's) or by `cid:` Content-ID; the
 * image policy decides what of it may be embedded.
 */
import { decode as decodeQuotedPrintable } from 'libqp';
import { ServiceError } from '../../shared/contract/errors';
import type { ResourceReader } from './index';

interface MimePart {
  readonly headers: ReadonlyMap<string, string>;
  /** The raw body, one char per byte ('latin1'), before its transfer encoding is undone. */
  readonly body: string;
}

export interface SavedPage {
  /** The page's bytes, in its own charset. */
  readonly html: Uint8Array;
  /** The charset the root part's Content-Type declares, which outranks the page's `<meta>`. */
  readonly charset: string | null;
  /** The address the page was saved from, when the file names one. */
  readonly location: string | null;
  /** The other parts, by reference. */
  readonly resources: ResourceReader;
}

/** Splits a header block into lower-cased names and unfolded values (first of each name wins). */
function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

/** Splits a message (or part) at its first blank line into headers and body. */
function splitMessage(text: string): MimePart {
  const match = /\r?\n\r?\n/.exec(text);
  if (!match) return { headers: parseHeaders(text), body: '' };
  return {
    headers: parseHeaders(text.slice(0, match.index)),
    body: text.slice(match.index + match[0].length),
  };
}

/** The value of `name` in a header like `multipart/related; boundary="x"; type=text/html`. */
function headerParameter(header: string | undefined, name: string): string | null {
  if (!header) return null;
  const pattern = new RegExp(`;\\s*${name}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`, 'i');
  const match = pattern.exec(header);
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? null);
}

const mediaType = (part: MimePart) =>
  (part.headers.get('content-type') ?? 'text/plain').split(';', 1)[0]!.trim().toLowerCase();

function bodyBytes(part: MimePart): Uint8Array {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  if (encoding === 'base64')
    return new Uint8Array(Buffer.from(part.body.replace(/\s+/g, ''), 'base64'));
  if (encoding === 'quoted-printable') return new Uint8Array(decodeQuotedPrintable(part.body));
  return new Uint8Array(Buffer.from(part.body, 'latin1'));
}

function splitMultipart(body: string, boundary: string): MimePart[] {
  const delimiter = `--${boundary}`;
  const parts: MimePart[] = [];
  // Each delimiter starts a line; the text before the first is the preamble.
  const lines = body.split(/(?<=\n)/);
  let current: string[] | null = null;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === delimiter || trimmed === `${delimiter}--`) {
      if (current) parts.push(splitMessage(current.join('').replace(/\r?\n$/, '')));
      if (trimmed !== delimiter) return parts;
      current = [];
    } else if (current) {
      current.push(line);
    }
  }
  if (current) parts.push(splitMessage(current.join('')));
  return parts;
}

const unbracket = (id: string) => id.trim().replace(/^<|>$/g, '');

/** Reads an MHTML file's page and resources, or refuses a file that is not one. */
export function readMhtml(bytes: Uint8Array, fileName: string): SavedPage {
  const message = splitMessage(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'),
  );
  const contentType = message.headers.get('content-type');
  if (!contentType) {
    throw new ServiceError(
      'unsupported_file',
      `${fileName} is not a saved web page (MHTML): it has no MIME headers`,
    );
  }
  const boundary = headerParameter(contentType, 'boundary');
  const parts =
    /^multipart\//i.test(contentType) && boundary
      ? splitMultipart(message.body, boundary)
      : [message];

  const start = headerParameter(contentType, 'start');
  const root =
    (start &&
      parts.find((p) => unbracket(p.headers.get('content-id') ?? '') === unbracket(start))) ||
    parts.find((p) => mediaType(p) === 'text/html' || mediaType(p) === 'application/xhtml+xml');
  if (!root) {
    throw new ServiceError(
      'unsupported_file',
      `${fileName} is a MIME file with no web page (text/html) in it`,
    );
  }

  const rootLocation =
    root.headers.get('content-location') ??
    message.headers.get('snapshot-content-location') ??
    null;
  const byReference = new Map<string, MimePart>();
  for (const part of parts) {
    if (part === root) continue;
    const location = part.headers.get('content-location');
    if (location && !byReference.has(location)) byReference.set(location, part);
    const id = part.headers.get('content-id');
    if (id) byReference.set(`cid:${unbracket(id)}`.toLowerCase(), part);
  }
  const decoded = new Map<MimePart, Uint8Array>();
  const resources: ResourceReader = (reference) => {
    let part = byReference.get(reference) ?? byReference.get(reference.toLowerCase());
    if (!part && rootLocation) {
      try {
        part = byReference.get(new URL(reference, rootLocation).href);
      } catch {
        // Not an address relative to the page: no part.
      }
    }
    if (!part) return null;
    if (!decoded.has(part)) decoded.set(part, bodyBytes(part));
    return decoded.get(part)!;
  };

  return {
    html: bodyBytes(root),
    charset: headerParameter(root.headers.get('content-type'), 'charset'),
    location: rootLocation,
    resources,
  };
}
