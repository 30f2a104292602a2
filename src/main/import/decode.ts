/**
 * Turns the bytes of an imported file into text, or refuses them: too large (before anything else),
 * binary (sniffed by magic number, whatever the name), or full of NUL bytes.
 *
 * The encoding is, in order: a BOM; the charset an HTTP response declared; for HTML, the page's
 * own `<meta charset>` / `http-equiv` (the WHATWG prescan of html-encoding-sniffer). Undeclared
 * bytes are UTF-8 when they are valid UTF-8, or *mostly* valid UTF-8 (a few stray bytes become
 * U+FFFD where they are, rather than the whole file turning into mojibake); otherwise they are
 * windows-1252, the web's default for legacy pages. Legacy encodings are decoded by iconv-lite,
 * UTF-8 and UTF-16 by the platform's TextDecoder (both follow the WHATWG decoders). Whatever could
 * not be decoded becomes U+FFFD, and a warning says how much.
 */
import htmlEncodingSniffer from 'html-encoding-sniffer';
import iconv from 'iconv-lite';
import { ServiceError } from '../../shared/contract/errors';
import { MAX_IMPORT_BYTES } from '../../shared/contract/operations';
import { sniffBinaryKind } from './sniff';

export interface DecodeOptions {
  /** Look for `<meta charset>` in the first 1024 bytes (the HTML prescan). */
  readonly html?: boolean;
  /** The charset label an HTTP response declared; outranked only by a BOM. */
  readonly charset?: string | null;
}

export interface DecodedText {
  readonly text: string;
  /** The WHATWG name of the encoding the bytes were read as ("UTF-8", "Shift_JIS", …). */
  readonly encoding: string;
  readonly warnings: string[];
}

/**
 * Undeclared bytes that are not valid UTF-8 are still read as UTF-8 when at least this share of
 * their non-ASCII bytes form valid UTF-8 sequences. Windows-1252 text almost never forms one by
 * chance (a lead byte C2–F4 followed by the right number of 80–BF bytes), while a UTF-8 page with
 * a few stray bytes is nearly all valid sequences; 0.8 sits well between the two.
 */
const MIN_UTF8_SHARE = 0.8;

/** How far into the file NUL bytes mark it as binary. */
const NUL_SCAN_BYTES = 8192;

/** Sniffer answer meaning "nothing declared an encoding". */
const UNDECLARED = '';

export function assertImportSize(byteLength: number, fileName: string): void {
  if (byteLength > MAX_IMPORT_BYTES) {
    throw new ServiceError(
      'too_large',
      `${fileName} is ${(byteLength / 1024 / 1024).toFixed(1)} MB; the largest file Marginalia ` +
        `imports is ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
    );
  }
}

/** Refuses bytes that are a known binary format, naming it. */
export function assertNotBinary(bytes: Uint8Array, fileName: string): void {
  const kind = sniffBinaryKind(bytes);
  if (kind) throw new ServiceError('unsupported_file', `${fileName} is ${kind}, not a text file`);
}

function assertNoNul(bytes: Uint8Array, fileName: string): void {
  if (bytes.subarray(0, NUL_SCAN_BYTES).includes(0)) {
    throw new ServiceError(
      'unsupported_file',
      `${fileName} looks binary (it contains NUL bytes), not a text file`,
    );
  }
}

/** Counts, per the WHATWG UTF-8 decoder, bytes that are part of valid multi-byte sequences and bytes that are not. */
export function scanUtf8(bytes: Uint8Array): { validMultibyte: number; invalid: number } {
  let validMultibyte = 0;
  let invalid = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let needed: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) needed = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      needed = 2;
      if (lead === 0xe0) lower = 0xa0;
      if (lead === 0xed) upper = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      needed = 3;
      if (lead === 0xf0) lower = 0x90;
      if (lead === 0xf4) upper = 0x8f;
    } else {
      invalid++;
      i++;
      continue;
    }
    // The maximal subpart: the lead and the continuation bytes that fit, up to the first that does not.
    let j = i + 1;
    let seen = 0;
    while (seen < needed && j < n && bytes[j]! >= lower && bytes[j]! <= upper) {
      lower = 0x80;
      upper = 0xbf;
      seen++;
      j++;
    }
    if (seen === needed) validMultibyte += needed + 1;
    else invalid += j - i;
    i = j;
  }
  return { validMultibyte, invalid };
}

function countReplacements(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) count++;
  return count;
}

function undecodableWarning(fileName: string, count: number, unit: 'byte' | 'character'): string {
  const what =
    count === 1
      ? `1 ${unit} could not be decoded and is`
      : `${count} ${unit}s could not be decoded and are`;
  return `${fileName}: ${what} shown as �`;
}

/** The bytes as UTF-8, or null when they are not valid UTF-8. A UTF-8 BOM is dropped. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes as UTF-8, replacing invalid sequences, with a warning counting their bytes. */
function decodeUtf8(bytes: Uint8Array, fileName: string, invalid?: number): DecodedText {
  const text = invalid === undefined ? strictUtf8(bytes) : null;
  if (text !== null) return { text, encoding: 'UTF-8', warnings: [] };
  return {
    text: new TextDecoder('utf-8').decode(bytes),
    encoding: 'UTF-8',
    warnings: [undecodableWarning(fileName, invalid ?? scanUtf8(bytes).invalid, 'byte')],
  };
}

/** iconv-lite's name for a WHATWG encoding name, or null when it cannot decode it. */
function iconvName(encoding: string): string | null {
  // WHATWG decodes GBK with the gb18030 decoder (a superset).
  const name = encoding === 'GBK' ? 'gb18030' : encoding;
  if (name === 'replacement' || name === 'x-user-defined') return null;
  return iconv.encodingExists(name) ? name : null;
}

function decodeAs(encoding: string, bytes: Uint8Array, fileName: string): DecodedText {
  if (encoding === 'UTF-8') return decodeUtf8(bytes, fileName);
  let text: string;
  if (encoding === 'UTF-16LE' || encoding === 'UTF-16BE') {
    text = new TextDecoder(encoding.toLowerCase()).decode(bytes);
  } else {
    text = iconv.decode(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      iconvName(encoding)!,
    );
  }
  const replaced = countReplacements(text);
  const warnings = replaced > 0 ? [undecodableWarning(fileName, replaced, 'character')] : [];
  return { text, encoding, warnings };
}

function decodeUndeclared(bytes: Uint8Array, fileName: string): DecodedText {
  assertNoNul(bytes, fileName);
  const text = strictUtf8(bytes);
  if (text !== null) return { text, encoding: 'UTF-8', warnings: [] };
  const { validMultibyte, invalid } = scanUtf8(bytes);
  if (validMultibyte / (validMultibyte + invalid) >= MIN_UTF8_SHARE) {
    return decodeUtf8(bytes, fileName, invalid);
  }
  const decoded = decodeAs('windows-1252', bytes, fileName);
  return {
    ...decoded,
    warnings: [`${fileName} is not valid UTF-8; it was read as windows-1252`, ...decoded.warnings],
  };
}

/** Decodes an imported file's bytes (see the module comment for the rules), or refuses them. */
export function decodeText(
  bytes: Uint8Array,
  fileName: string,
  options: DecodeOptions = {},
): DecodedText {
  assertImportSize(bytes.byteLength, fileName);
  assertNotBinary(bytes, fileName);
  const encoding = htmlEncodingSniffer(bytes, {
    xml: !options.html,
    ...(options.charset ? { transportLayerEncodingLabel: options.charset } : {}),
    defaultEncoding: UNDECLARED,
  });
  if (encoding === UNDECLARED) return decodeUndeclared(bytes, fileName);
  if (encoding !== 'UTF-16LE' && encoding !== 'UTF-16BE') assertNoNul(bytes, fileName);
  if (encoding === 'UTF-8' || encoding.startsWith('UTF-16') || iconvName(encoding)) {
    return decodeAs(encoding, bytes, fileName);
  }
  const fallback = decodeUndeclared(bytes, fileName);
  return {
    ...fallback,
    warnings: [
      `${fileName} declares the encoding ${encoding}, which Marginalia cannot read; it was read as ${fallback.encoding}`,
      ...fallback.warnings,
    ],
  };
}
