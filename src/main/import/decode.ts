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
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes), warnings: [] };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes), warnings: [] };
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new ServiceError('unsupported_file', `${fileName} looks binary (it contains NUL bytes), not a text file`);
  }
  try {
    // TextDecoder drops a UTF-8 BOM by default.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings: [] };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      warnings: [`${fileName} is not valid UTF-8; it was read as windows-1252`],
    };
  }
}
