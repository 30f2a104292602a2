/**
 * Decoding imported bytes (RELIABILITY 2, 3, 4): UTF-8 and UTF-16 with a BOM exactly, other bytes
 * as windows-1252 with a warning, binaries and oversized files refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertImportSize, decodeText } from '../../../src/main/import/decode';
import { serviceErrorOf } from '../helpers';
import { MAX_IMPORT_BYTES } from '../../../src/shared/contract/operations';

const SAMPLE =
  'Stoltenberg: “the warning time … is going down.” — café, naïve, Ünïcödé, 😀 👨‍👩‍👧, العربية';

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const bytes: number[] = bom ? (endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const [hi, lo] = [unit >> 8, unit & 0xff];
    bytes.push(...(endian === 'le' ? [lo, hi] : [hi, lo]));
  }
  return new Uint8Array(bytes);
}

describe('decodeText: text encodings', () => {
  it('decodes UTF-8 exactly, without a warning', () => {
    expect(decodeText(new TextEncoder().encode(SAMPLE), 'a.txt')).toEqual({
      text: SAMPLE,
      warnings: [],
    });
  });

  it('decodes UTF-8 with a BOM exactly, dropping the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]);
    expect(decodeText(bytes, 'a.txt')).toEqual({ text: SAMPLE, warnings: [] });
  });

  it('decodes UTF-16LE with a BOM exactly, dropping the BOM', () => {
    expect(decodeText(utf16(SAMPLE, 'le', true), 'a.txt')).toEqual({ text: SAMPLE, warnings: [] });
  });

  it('decodes UTF-16BE with a BOM exactly, dropping the BOM', () => {
    expect(decodeText(utf16(SAMPLE, 'be', true), 'a.txt')).toEqual({ text: SAMPLE, warnings: [] });
  });

  it('round-trips any text through UTF-8 and UTF-16 (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }).filter((t) => !t.includes('\0')),
        (text) => {
          expect(decodeText(new TextEncoder().encode(text), 'a.txt').text).toBe(text);
          expect(decodeText(utf16(text, 'le', true), 'a.txt').text).toBe(text);
          expect(decodeText(utf16(text, 'be', true), 'a.txt').text).toBe(text);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads invalid UTF-8 as windows-1252, with a warning naming the file', () => {
    // "Café – “quoted”" in windows-1252: é = E9, – = 96, “ = 93, ” = 94.
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x93, 0x71, 0x94]);
    const decoded = decodeText(bytes, 'old.txt');
    expect(decoded.text).toBe('Café – “q”');
    expect(decoded.warnings).toHaveLength(1);
    expect(decoded.warnings[0]).toMatch(/old\.txt is not valid UTF-8; it was read as windows-1252/);
  });

  it('reads bytes 0x80–0x9F as windows-1252 does, not as C1 controls', () => {
    // WHATWG index-windows-1252, 0x80–0x9F: five bytes (81, 8D, 8F, 90, 9D) keep their C1 code point.
    const expected = [
      0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039,
      0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc,
      0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
    ];
    const bytes = new Uint8Array(32).map((_, i) => 0x80 + i);
    const decoded = decodeText(bytes, 'c1.txt').text;
    expect([...decoded].map((c) => c.codePointAt(0))).toEqual(expected);
  });

  it('reads every other byte as the code point of its value', () => {
    const bytes = new Uint8Array(255).map((_, i) => i + 1); // 0x01–0xFF, no NUL
    const decoded = decodeText(bytes, 'all.txt');
    expect(decoded.warnings).toHaveLength(1);
    expect(decoded.text).toHaveLength(255);
    for (let b = 1; b <= 0xff; b++) {
      if (b >= 0x80 && b <= 0x9f) continue;
      expect(decoded.text.charCodeAt(b - 1)).toBe(b);
    }
  });

  it('reads a long windows-1252 file whole', () => {
    const line = [0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0x0a]; // “Café” – \n
    const bytes = new Uint8Array(100_000 * line.length).map((_, i) => line[i % line.length]!);
    const decoded = decodeText(bytes, 'long.txt');
    expect(decoded.text).toBe('“Café” – \n'.repeat(100_000));
  });

  it('reads a lone 0xE9 as é', () => {
    expect(decodeText(new Uint8Array([0xe9]), 'e.txt').text).toBe('é');
  });

  it('reads an empty file as empty text', () => {
    expect(decodeText(new Uint8Array(), 'empty.txt')).toEqual({ text: '', warnings: [] });
  });
});

describe('decodeText: binaries are refused', () => {
  const cases: [string, number[]][] = [
    ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ['a ZIP archive', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]],
    ['a PDF document', [...new TextEncoder().encode('%PDF-1.7\n')]],
    ['a JPEG image', [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]],
    ['a GIF image', [...new TextEncoder().encode('GIF89a')]],
    ['a gzip archive', [0x1f, 0x8b, 0x08, 0x00]],
  ];

  it.each(cases)('refuses %s as unsupported_file', (kind, magic) => {
    const bytes = new Uint8Array([
      ...magic,
      ...new TextEncoder().encode(' some text after the magic'),
    ]);
    const error = serviceErrorOf(() => decodeText(bytes, 'renamed.html'));
    expect(error.code).toBe('unsupported_file');
    expect(error.message).toBe(`renamed.html is ${kind}, not a text file`);
  });

  it('refuses text with NUL bytes as unsupported_file', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('abc'),
      0,
      ...new TextEncoder().encode('def'),
    ]);
    const error = serviceErrorOf(() => decodeText(bytes, 'data.txt'));
    expect(error.code).toBe('unsupported_file');
    expect(error.message).toMatch(/NUL bytes/);
  });

  it('refuses UTF-16 without a BOM (it is full of NUL bytes) rather than decode it wrongly', () => {
    expect(serviceErrorOf(() => decodeText(utf16('Hello', 'le', false), 'a.txt')).code).toBe(
      'unsupported_file',
    );
  });

  it('does not mistake text that starts like a magic number for a binary', () => {
    expect(
      decodeText(new TextEncoder().encode('PK is a fine start for a sentence.'), 'a.txt').text,
    ).toBe('PK is a fine start for a sentence.');
    expect(decodeText(new TextEncoder().encode('GIF is pronounced…'), 'a.txt').text).toBe(
      'GIF is pronounced…',
    );
  });
});

describe('size limit', () => {
  it('refuses a file one byte over the limit as too_large, before looking at its bytes', () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1); // all NUL: would be "binary" if it were read
    const error = serviceErrorOf(() => decodeText(bytes, 'huge.txt'));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(
      /^huge\.txt is 25\.0 MB; the largest file Marginalia imports is 25 MB$/,
    );
  });

  it('accepts a file of exactly the limit', () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES).fill(0x61);
    const decoded = decodeText(bytes, 'big.txt');
    expect(decoded.text.length).toBe(MAX_IMPORT_BYTES);
    expect(decoded.warnings).toEqual([]);
  });

  it('assertImportSize checks a size without the bytes', () => {
    expect(() => assertImportSize(MAX_IMPORT_BYTES, 'a.txt')).not.toThrow();
    expect(serviceErrorOf(() => assertImportSize(50 * 1024 * 1024, 'a.txt')).code).toBe(
      'too_large',
    );
  });
});
