/**
 * Recognising binary files by their first bytes (magic numbers), whatever their name says: the
 * importer refuses them (RELIABILITY 3), and an image referenced by a saved page is embedded only
 * when its bytes are a raster type the reader can show.
 */

/** One magic number: the bytes at `offset`, with `null` for a byte that may be anything. */
interface Magic {
  readonly kind: string;
  readonly bytes: readonly (number | null)[];
}

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

/** Raster image types a `data:` URL in the document may carry (see url-policy's isLocalImageSrc). */
export type RasterType = 'png' | 'jpeg' | 'gif' | 'webp';

const RASTER: ReadonlyArray<readonly [RasterType, readonly (number | null)[]]> = [
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', ascii('GIF8')],
  ['webp', [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')]],
];

/**
 * Binary formats, most specific first. Each is long or odd enough that no text file starts with
 * it by chance ("PK is a fine start for a sentence" is text; "PK\x03\x04" is not). Short or
 * ambiguous signatures (BMP's "BM", an executable's "MZ") are left to the NUL-byte check.
 */
const BINARY: readonly Magic[] = [
  { kind: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { kind: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'a GIF image', bytes: ascii('GIF8') },
  { kind: 'a WebP image', bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')] },
  {
    kind: 'a WAVE audio file',
    bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WAVE')],
  },
  { kind: 'an AVI video', bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('AVI ')] },
  { kind: 'a TIFF image', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { kind: 'a TIFF image', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { kind: 'a Photoshop document', bytes: ascii('8BPS') },
  // ISO base media: MP4, MOV, M4A, HEIC, AVIF all carry "ftyp" at offset 4.
  { kind: 'an MP4/QuickTime/HEIF media file', bytes: [null, null, null, null, ...ascii('ftyp')] },
  { kind: 'a Matroska/WebM video', bytes: [0x1a, 0x45, 0xdf, 0xa3] },
  { kind: 'an Ogg media file', bytes: ascii('OggS') },
  { kind: 'a FLAC audio file', bytes: ascii('fLaC') },
  { kind: 'an MP3 audio file', bytes: [...ascii('ID3'), null, 0x00] },
  { kind: 'a ZIP archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'a ZIP archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: 'a ZIP archive', bytes: [0x50, 0x4b, 0x07, 0x08] },
  { kind: 'a PDF document', bytes: ascii('%PDF-') },
  { kind: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { kind: 'a bzip2 archive', bytes: [...ascii('BZh'), null, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59] },
  { kind: 'an xz archive', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { kind: 'a Zstandard archive', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { kind: 'a 7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: 'a RAR archive', bytes: [...ascii('Rar!'), 0x1a, 0x07] },
  {
    kind: 'a Microsoft Office (OLE) document',
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  },
  { kind: 'an SQLite database', bytes: [...ascii('SQLite format 3'), 0x00] },
  { kind: 'a WebAssembly module', bytes: [0x00, 0x61, 0x73, 0x6d] },
  { kind: 'an ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: 'a Mach-O executable', bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { kind: 'a Mach-O executable', bytes: [0xce, 0xfa, 0xed, 0xfe] },
  { kind: 'a Mach-O or Java class file', bytes: [0xca, 0xfe, 0xba, 0xbe] },
  { kind: 'a WOFF font', bytes: ascii('wOFF') },
  { kind: 'a WOFF2 font', bytes: ascii('wOF2') },
];

function matches(bytes: Uint8Array, pattern: readonly (number | null)[]): boolean {
  return pattern.length <= bytes.length && pattern.every((b, i) => b === null || bytes[i] === b);
}

/** What binary format `bytes` are, as a phrase ("a PNG image"), or null if none is recognised. */
export function sniffBinaryKind(bytes: Uint8Array): string | null {
  return BINARY.find((magic) => matches(bytes, magic.bytes))?.kind ?? null;
}

/** The raster image type of `bytes`, or null when they are not a PNG, JPEG, GIF or WebP. */
export function sniffRasterType(bytes: Uint8Array): RasterType | null {
  return RASTER.find(([, pattern]) => matches(bytes, pattern))?.[0] ?? null;
}
