/**
 * Fetching the page a user asked for ("Add from URL…", `marginalia import https://…`): the one
 * network request Marginalia makes. http(s) only, every redirect re-checked and at most
 * {@link MAX_PAGE_REDIRECTS} of them, one timeout over the whole exchange (body included), the
 * import cap enforced while the body streams, and only article types accepted. Only the page
 * itself is fetched; nothing it references.
 */
import { STATUS_CODES } from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { ServiceError } from '../../shared/contract/errors';
import { MAX_IMPORT_BYTES } from '../../shared/contract/operations';
import { projectRoot } from '../paths';
import { describeConnectionError } from './connection-error';
import { formatOfType, parseContentType, type PageFormat } from './content-type';
import { checkAddress, describeRefusedAddress, describeRefusedRedirect } from './page-address';
import { pageFileName } from './page-file-name';
import { BodyTooLarge, readCappedBody } from './read-body';
import { sniffPage } from './sniff';

/**
 * How long a whole fetch may take, redirects and body included. Generous for a 25 MB page on a
 * slow connection, short enough that a server which never finishes does not hang the import.
 */
export const PAGE_FETCH_TIMEOUT_MS = 30_000;

/** Redirects followed before giving up; browsers allow 20, but an article needs few. */
export const MAX_PAGE_REDIRECTS = 5;

/** What Marginalia asks for: articles first, anything else reluctantly (to name its type). */
export const PAGE_ACCEPT =
  'text/html,application/xhtml+xml,text/plain,text/markdown;q=0.9,*/*;q=0.1';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** A page fetched and ready for the importer. */
export interface FetchedPage {
  /** The body, as sent (decompressed), undecoded. */
  readonly bytes: Uint8Array;
  /** The address the body came from, after redirects: the article's source. */
  readonly finalUrl: string;
  /** Which importer reads it. */
  readonly format: PageFormat;
  /** The type it was read as: the server's when it named one, else the sniffed one. */
  readonly mimeType: string;
  /** The `charset` of the Content-Type header, lower-cased, for the decoder; null when absent. */
  readonly charset: string | null;
  /** A name to import it under, ending in .html, .txt or .md to match `format`. */
  readonly fileName: string;
}

export interface FetchPageOptions {
  /** Milliseconds the whole fetch may take; {@link PAGE_FETCH_TIMEOUT_MS} by default. */
  readonly timeoutMs?: number;
  /** The largest body accepted, in bytes; MAX_IMPORT_BYTES (25 MB) by default. */
  readonly maxBytes?: number;
  /** Redirects followed; {@link MAX_PAGE_REDIRECTS} by default. */
  readonly maxRedirects?: number;
  /** Cancels the fetch; it then rejects with a 'network' error saying it was cancelled. */
  readonly signal?: AbortSignal;
  /** The fetch to use; Node's global fetch by default (tests may pass a stand-in). */
  readonly fetchImpl?: typeof fetch;
}

/** Why the fetch was aborted: set as the abort reason, read back when anything rejects. */
type AbortCause = { kind: 'timeout' } | { kind: 'cancelled' };

let userAgent: string | null = null;

/** `Marginalia/<version>`, from the project's package.json (plain `Marginalia` if unreadable). */
export function pageUserAgent(): string {
  if (userAgent === null) {
    try {
      const manifest = path.join(projectRoot(), 'package.json');
      const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version?: unknown };
      userAgent = typeof version === 'string' ? `Marginalia/${version}` : 'Marginalia';
    } catch {
      userAgent = 'Marginalia';
    }
  }
  return userAgent;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`;
}

function tooLarge(url: URL, maxBytes: number, declared: number | null): ServiceError {
  const size = declared === null ? `larger than ${formatBytes(maxBytes)}` : formatBytes(declared);
  return new ServiceError(
    'too_large',
    `The page at ${url.href} is ${size}; the largest page Marginalia imports is ${formatBytes(maxBytes)}`,
  );
}

/** Drops a response's body unread, releasing its connection. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => {});
}

/** The declared Content-Length, when it is a plain number. */
function declaredLength(response: Response): number | null {
  const header = response.headers.get('content-length');
  return header !== null && /^\s*\d+\s*$/.test(header) ? Number(header) : null;
}

/** Paths that name a Markdown file, which servers commonly send as text/plain. */
const MARKDOWN_PATH = /\.(?:md|markdown)$/i;

/** Reads an answered (2xx) response into a page, or refuses it by type or size. */
async function readPage(response: Response, url: URL, maxBytes: number): Promise<FetchedPage> {
  const { essence, charset } = parseContentType(response.headers.get('content-type'));
  const declared = formatOfType(essence);
  if (declared.kind === 'refused') {
    await discard(response);
    throw new ServiceError(
      'unsupported_file',
      `The page at ${url.href} is ${essence}, not an article`,
    );
  }
  const length = declaredLength(response);
  if (length !== null && length > maxBytes) {
    await discard(response);
    throw tooLarge(url, maxBytes, length);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readCappedBody(response.body, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) throw tooLarge(url, maxBytes, null);
    throw error;
  }

  // A server that names no type, or calls its page plain text, may still be sending an image.
  let format: PageFormat;
  let mimeType: string;
  if (declared.kind === 'format' && declared.format !== 'text') {
    format = declared.format;
    mimeType = essence ?? 'text/html';
  } else {
    const sniffed = sniffPage(bytes);
    if (sniffed.kind === 'binary') {
      throw new ServiceError(
        'unsupported_file',
        `The page at ${url.href} is ${sniffed.name}, not an article`,
      );
    }
    if (declared.kind === 'format') {
      format = 'text';
      mimeType = essence ?? 'text/plain';
    } else {
      format = sniffed.kind;
      mimeType = sniffed.kind === 'html' ? 'text/html' : 'text/plain';
    }
  }
  if (format === 'text' && MARKDOWN_PATH.test(url.pathname)) format = 'markdown';
  return {
    bytes,
    finalUrl: url.href,
    format,
    mimeType,
    charset,
    fileName: pageFileName(url, format),
  };
}

/**
 * Fetches the page at `address` for import. Rejects with a ServiceError whose message names the
 * address: 'invalid_request' for an address that may not be fetched (before any request),
 * 'network' for connection failures, HTTP errors, too many redirects, a timeout or a cancel,
 * 'too_large' past the cap, and 'unsupported_file' for anything that is not an article.
 */
export async function fetchPage(
  address: string,
  options: FetchPageOptions = {},
): Promise<FetchedPage> {
  const first = checkAddress(address);
  if (!first.ok) throw new ServiceError('invalid_request', describeRefusedAddress(first));
  const timeoutMs = options.timeoutMs ?? PAGE_FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  const maxRedirects = options.maxRedirects ?? MAX_PAGE_REDIRECTS;
  const fetchImpl = options.fetchImpl ?? fetch;
  const asked = first.url.href;
  const cancelled = () => new ServiceError('network', `Fetching ${asked} was cancelled`);
  if (options.signal?.aborted) throw cancelled();

  // One controller for every hop and the body: the timer and the caller's signal both abort it.
  const controller = new AbortController();
  const abortWith = (cause: AbortCause) => controller.abort(cause);
  const timer = setTimeout(() => abortWith({ kind: 'timeout' }), timeoutMs);
  const onCallerAbort = () => abortWith({ kind: 'cancelled' });
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });

  let url = first.url;
  try {
    const visited = new Set([url.href]);
    let looped = false;
    let redirects = 0;
    for (;;) {
      let response: Response;
      try {
        response = await fetchImpl(url.href, {
          method: 'GET',
          headers: { 'User-Agent': pageUserAgent(), Accept: PAGE_ACCEPT },
          redirect: 'manual',
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
          signal: controller.signal,
        });
      } catch (error) {
        if (controller.signal.aborted) throw error; // worded below, from the abort's cause
        throw new ServiceError(
          'network',
          `Could not fetch ${url.href}: ${describeConnectionError(error, url)}`,
        );
      }
      if (REDIRECT_STATUSES.has(response.status)) {
        const location = response.headers.get('location');
        await discard(response);
        if (location === null) {
          throw new ServiceError(
            'network',
            `The page at ${url.href} answered ${response.status} but did not say where to go`,
          );
        }
        if (redirects === maxRedirects) {
          const loop = looped ? ' (in a loop)' : '';
          throw new ServiceError(
            'network',
            `The page at ${asked} redirected more than ${maxRedirects} times${loop}`,
          );
        }
        const next = checkAddress(location, url);
        if (!next.ok) throw new ServiceError('network', describeRefusedRedirect(url.href, next));
        looped ||= visited.has(next.url.href);
        visited.add(next.url.href);
        url = next.url;
        redirects++;
        continue;
      }
      if (response.status < 200 || response.status > 299) {
        await discard(response);
        const reason = STATUS_CODES[response.status] ?? response.statusText;
        throw new ServiceError(
          'network',
          `The page at ${url.href} answered ${response.status}${reason ? ` ${reason}` : ''}`,
        );
      }
      try {
        return await readPage(response, url, maxBytes);
      } catch (error) {
        if (error instanceof ServiceError || controller.signal.aborted) throw error;
        throw new ServiceError(
          'network',
          `Could not fetch ${url.href}: ${describeConnectionError(error, url)}`,
        );
      }
    }
  } catch (error) {
    // Whatever an abort made fetch or the body stream throw, say why it was aborted.
    if (controller.signal.aborted && !(error instanceof ServiceError)) {
      const cause = controller.signal.reason as AbortCause;
      if (cause.kind === 'cancelled') throw cancelled();
      throw new ServiceError(
        'network',
        `The page at ${url.href} did not arrive within ${formatDuration(timeoutMs)}`,
      );
    }
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
}
