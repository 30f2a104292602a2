/**
 * Turns what Node's fetch (undici) throws for a failed connection into a sentence a reader can
 * act on. undici rejects with `TypeError('fetch failed')` and puts the system error in `cause`
 * (an AggregateError when every address of the host failed).
 */

/** The system or undici error code behind a fetch failure, if there is one. */
export function errorCodeOf(error: unknown): string | null {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const { code, errors, cause } = current as {
      code?: unknown;
      errors?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string') return code;
    if (Array.isArray(errors) && errors.length > 0) {
      const inner = errorCodeOf(errors[0]);
      if (inner) return inner;
    }
    current = cause;
  }
  return null;
}

const NOT_FOUND = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
const CLOSED = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED']);
const SLOW = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
const UNREACHABLE = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN']);

function isCertificateError(code: string): boolean {
  return (
    code.startsWith('CERT_') ||
    code.startsWith('ERR_TLS_') ||
    code.startsWith('ERR_SSL_') ||
    code.includes('SELF_SIGNED') ||
    code.startsWith('UNABLE_TO_')
  );
}

/** Why `url` could not be fetched, as the end of "Could not fetch <url>: …". */
export function describeConnectionError(error: unknown, url: URL): string {
  const host = url.host;
  const code = errorCodeOf(error);
  if (code !== null) {
    if (NOT_FOUND.has(code))
      return `no server named ${url.hostname} was found (is the address right, and is this computer online?)`;
    if (code === 'ECONNREFUSED') return `${host} refused the connection`;
    if (CLOSED.has(code)) return `the connection to ${host} closed before the page arrived`;
    if (SLOW.has(code)) return `${host} did not answer in time`;
    if (UNREACHABLE.has(code)) return `${host} cannot be reached from this computer`;
    if (isCertificateError(code))
      return `the secure connection to ${host} could not be trusted (${code})`;
  }
  const cause = (error as { cause?: unknown } | null)?.cause;
  // The fetch standard refuses some ports outright (mail, IRC, …): say what that means.
  if (cause instanceof Error && cause.message === 'bad port')
    return `port ${url.port} is reserved for other services and cannot be used for web pages`;
  const detail =
    cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  // Something rarer: say what failed in words, with the library's own words after them.
  return `the connection to ${host} failed (${code ? `${detail}, ${code}` : detail})`;
}
