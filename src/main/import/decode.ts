/**
 * Turns the bytes of an imported file into text, or refuses them: too large, binary (an image or
 * archive under a text name), or undecodable. UTF-8 (with or without BOM) and UTF-16 with a BOM
 * are decoded exactly; other bytes fall back to windows-1252, with a warning.
 */
import { ServiceError } from '../../shared/contract/errors';
import { MAX_IMPORT_BYTES } from '../../shared/contract/operations';

export interface DecodedText {
  readonly text: string;
  readonly warnings: string[];
}

const MAGIC: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a gzip archive', [0x1f, 0x8b]],
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/**
 * What windows-1252 bytes 0x80–0x9F stand for (WHATWG Encoding Standard); every other byte is the
 * code point of its value. Decoded by hand because Node's TextDecoder (20.18.3+, 22.13+) reads
 * these bytes as C1 controls, turning curly quotes and dashes into invisible characters
 * (nodejs/node#60888).
 */
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021' +
  '\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014' +
  '\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let from = 0; from < bytes.length; from += CHUNK) {
    const units = Array.from(bytes.subarray(from, from + CHUNK), (b) =>
      b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(b - 0x80) : b,
    );
    chunks.push(String.fromCharCode(...units));
  }
  return chunks.join('');
}

export function assertImportSize(byteLength: number, fileName: string): void {
  if (byteLength > MAX_IMPORT_BYTES) {
    throw new ServiceError(
      'too_large',
      `${fileName} is ${(byteLength / 1024 / 1024).toFixed(1)} MB; the largest file Marginalia ` +
        `imports is ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
    );
  }
}

export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  assertImportSize(bytes.byteLength, fileName);
  for (const [kind, magic] of MAGIC) {
    if (startsWith(bytes, magic)) {
      throw new ServiceError('unsupported_file', `${fileName} is ${kind}, not a text file`);
    }
  }
  if (startsWith(bytes, [0xff, 0xfe]))
    return { text: new TextDecoder('utf-16le').decode(bytes), warnings: [] };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { text: new TextDecoder('utf-16be').decode(bytes), warnings: [] };
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new ServiceError(
      'unsupported_file',
      `${fileName} looks binary (it contains NUL bytes), not a text file`,
    );
  }
  try {
    // TextDecoder drops a UTF-8 BOM by default.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings: [] };
  } catch {
    return {
      text: decodeWindows1252(bytes),
      warnings: [`${fileName} is not valid UTF-8; it was read as windows-1252`],
    };
  }
}
