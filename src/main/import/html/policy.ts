/**
 * The addresses an imported page may keep (RELIABILITY 6, 10, 11). Links resolve against the
 * address the page was fetched from, never against its `<base>`, and keep only http(s) and
 * mailto; without a source address a relative link keeps only its text. Images never keep a
 * remote address: a raster `data:` URL is kept within the caps, a reference the caller's
 * resource reader answers (a saved page's `_files` folder, an MHTML part) is embedded as one,
 * and anything else becomes a placeholder with its alt text.
 */
import { isSafeLinkHref } from '../../../shared/document/url-policy';
import type { ResourceReader } from '../index';
import { sniffRasterType } from '../sniff';

/** Largest image embedded in an article, in bytes. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Most image bytes embedded in one article; later images become placeholders. */
export const MAX_ARTICLE_IMAGE_BYTES = 20 * 1024 * 1024;

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** `sourceUrl` when it is an absolute http(s) address, else null. */
export function httpBase(sourceUrl: string | null | undefined): URL | null {
  if (!sourceUrl) return null;
  try {
    const url = new URL(sourceUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The absolute address a link may keep, or null. The WHATWG URL parser drops the tabs, newlines
 * and leading controls browsers ignore, so `java\tscript:` parses as `javascript:` and is refused
 * by its protocol; entities (`&#106;avascript:`) were decoded by the HTML parser already.
 */
export function resolveLink(href: string, base: URL | null): string | null {
  if (href.trim() === '') return null;
  let url: URL;
  try {
    url = base ? new URL(href, base) : new URL(href);
  } catch {
    return null;
  }
  if (!LINK_PROTOCOLS.has(url.protocol)) return null;
  return isSafeLinkHref(url.href) ? url.href : null;
}

/** Resolves image sources for one article, keeping count of what it embedded and refused. */
export class ImagePolicy {
  private embeddedBytes = 0;
  /** Images left out because they were over a cap. */
  overCap = 0;

  constructor(private readonly resources: ResourceReader | null) {}

  /** A raster `data:` URL for `src`, or '' (drawn as a placeholder). */
  resolve(src: string): string {
    const reference = src.trim();
    if (reference === '') return '';
    let bytes: Uint8Array | null;
    if (/^data:/i.test(reference)) {
      const payload = base64ImagePayload(reference);
      if (payload === null) return '';
      // Decoding more than the cap is pointless: the base64 length bounds the size.
      if (Math.floor((payload.length * 3) / 4) - 2 > MAX_IMAGE_BYTES) {
        this.overCap++;
        return '';
      }
      bytes = new Uint8Array(Buffer.from(payload, 'base64'));
    } else {
      bytes = this.read(reference);
    }
    if (!bytes) return '';
    const type = sniffRasterType(bytes);
    if (!type) return '';
    if (
      bytes.byteLength > MAX_IMAGE_BYTES ||
      this.embeddedBytes + bytes.byteLength > MAX_ARTICLE_IMAGE_BYTES
    ) {
      this.overCap++;
      return '';
    }
    this.embeddedBytes += bytes.byteLength;
    const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
    return `data:image/${type};base64,${base64}`;
  }

  private read(reference: string): Uint8Array | null {
    // The reference goes to the reader exactly as the page wrote it; the reader decides what it
    // may read (a saved page's reader refuses schemes, rooted paths and `..`).
    try {
      return this.resources?.(reference) ?? null;
    } catch {
      return null;
    }
  }
}

/**
 * The base64 payload of a `data:image/…;base64,` URL, or null for any other `data:` URL (SVG,
 * HTML, text, percent-encoded data). The bytes are sniffed afterwards: the declared type is not
 * trusted.
 */
function base64ImagePayload(url: string): string | null {
  const match = /^data:image\/[a-z0-9.+-]+(?:;[^;,]*)*?;base64,/i.exec(url);
  if (!match) return null;
  const payload = url.slice(match[0].length).replace(/\s+/g, '');
  return /^[a-z0-9+/]*={0,2}$/i.test(payload) ? payload : null;
}
