/**
 * Decoding imported bytes (RELIABILITY 2, 3, 4): a BOM, then the HTTP charset, then (HTML) the
 * page's `<meta charset>`; undeclared bytes as UTF-8 when they are (mostly) UTF-8, else as
 * windows-1252 with a warning; undecodable bytes as U+FFFD with a warning that counts them;
 * binaries and oversized files refused. Encoded bytes are made with iconv-lite.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { assertImportSize, decodeText } from '../../../src/main/import/decode';
import { serviceErrorOf } from '../helpers';
import { MAX_IMPORT_BYTES } from '../../../src/shared/contract/operations';

const SAMPLE =
  'Stoltenberg: “the warning time … is going down.” — café, naïve, Ünïcödé, 😀 👨‍👩‍👧, العربية';

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

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
      encoding: 'UTF-8',
      warnings: [],
    });
  });

  it('decodes UTF-8 with a BOM exactly, dropping the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]);
    expect(decodeText(bytes, 'a.txt')).toEqual({ text: SAMPLE, encoding: 'UTF-8', warnings: [] });
  });

  it('R04 decodes UTF-16LE with a BOM exactly, dropping the BOM', () => {
    expect(decodeText(utf16(SAMPLE, 'le', true), 'a.txt')).toEqual({
      text: SAMPLE,
      encoding: 'UTF-16LE',
      warnings: [],
    });
  });

  it('R04 decodes UTF-16BE with a BOM exactly, dropping the BOM', () => {
    expect(decodeText(utf16(SAMPLE, 'be', true), 'a.txt')).toEqual({
      text: SAMPLE,
      encoding: 'UTF-16BE',
      warnings: [],
    });
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

  it('R04 reads invalid UTF-8 as windows-1252, with a warning naming the file', () => {
    // "Café – “quoted”" in windows-1252: é = E9, – = 96, “ = 93, ” = 94.
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x93, 0x71, 0x94]);
    const decoded = decodeText(bytes, 'old.txt');
    expect(decoded.text).toBe('Café – “q”');
    expect(decoded.warnings).toHaveLength(1);
    expect(decoded.warnings[0]).toMatch(/old\.txt is not valid UTF-8; it was read as windows-1252/);
  });

  it('reads bytes 0x80–0x9F as windows-1252 does, and its five undefined bytes as U+FFFD', () => {
    // windows-1252 leaves 81, 8D, 8F, 90 and 9D undefined (iconv-lite's table, Microsoft's code
    // page): they are undecodable, not the invisible C1 controls WHATWG maps them to.
    const expected = [
      0x20ac, 0xfffd, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039,
      0x152, 0xfffd, 0x17d, 0xfffd, 0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
      0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0xfffd, 0x17e, 0x178,
    ];
    const bytes = new Uint8Array(32).map((_, i) => 0x80 + i);
    const decoded = decodeText(bytes, 'c1.txt');
    expect([...decoded.text].map((c) => c.codePointAt(0))).toEqual(expected);
    expect(decoded.warnings).toEqual([
      'c1.txt is not valid UTF-8; it was read as windows-1252',
      'c1.txt: 5 characters could not be decoded and are shown as �',
    ]);
  });

  it('reads every other byte as the code point of its value', () => {
    const bytes = new Uint8Array(255).map((_, i) => i + 1); // 0x01–0xFF, no NUL
    const decoded = decodeText(bytes, 'all.txt');
    expect(decoded.encoding).toBe('windows-1252');
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
    expect(decodeText(new Uint8Array(), 'empty.txt')).toEqual({
      text: '',
      encoding: 'UTF-8',
      warnings: [],
    });
  });
});

describe('decodeText: mostly UTF-8', () => {
  it('R04 keeps a UTF-8 file with a few invalid bytes as UTF-8, U+FFFD where they are, counted', () => {
    const good = new TextEncoder().encode('Stoltenberg’s “warning” — café, naïve, Ünïcödé. ');
    const bytes = new Uint8Array([...good, 0x93, ...good, 0xe9, 0x20, 0x96, ...good]);
    const decoded = decodeText(bytes, 'mixed.txt');
    const part = 'Stoltenberg’s “warning” — café, naïve, Ünïcödé. ';
    expect(decoded.encoding).toBe('UTF-8');
    expect(decoded.text).toBe(`${part}\uFFFD${part}\uFFFD \uFFFD${part}`);
    expect(decoded.warnings).toEqual([
      'mixed.txt: 3 bytes could not be decoded and are shown as �',
    ]);
  });

  it('R04 counts the bytes of a truncated sequence, not the replacement characters', () => {
    // E2 82 is the start of "€" cut short: one U+FFFD for two bytes.
    const bytes = new Uint8Array([...new TextEncoder().encode('€€€€ price '), 0xe2, 0x82, 0x41]);
    const decoded = decodeText(bytes, 'cut.txt');
    expect(decoded.text).toBe('€€€€ price \uFFFDA');
    expect(decoded.warnings).toEqual(['cut.txt: 2 bytes could not be decoded and are shown as �']);
  });

  it('reads a file of few valid UTF-8 sequences among many invalid bytes as windows-1252', () => {
    const bytes = new Uint8Array([
      0xe9, 0x20, 0xe8, 0x20, 0xe0, 0x20, 0xc3, 0xa9, 0x20, 0x93, 0x94,
    ]);
    const decoded = decodeText(bytes, 'legacy.txt');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe('é è à Ã© “”');
  });
});

describe('decodeText: declared encodings', () => {
  const SAMPLES: [string, string][] = [
    ['windows-1252', 'Café – “quoted” € œ'],
    ['ISO-8859-2', 'Zażółć gęślą jaźń'],
    ['ISO-8859-7', 'Καλημέρα κόσμε'],
    ['ISO-8859-8', 'שלום עולם'],
    ['windows-1251', 'Привет, мир'],
    ['KOI8-R', 'Привет, мир'],
    ['Shift_JIS', '日本語のニュース、東京'],
    ['EUC-JP', '日本語のニュース'],
    ['EUC-KR', '한국어 뉴스 기사'],
    ['gb18030', '简体中文新闻报道 𠀀'],
    ['Big5', '繁體中文新聞'],
  ];

  it.each(SAMPLES)('R04 decodes %s declared by <meta charset>', (encoding, text) => {
    const html = `<!doctype html><meta charset="${encoding}"><title>t</title><p>${text}</p>`;
    const decoded = decodeText(new Uint8Array(iconv.encode(html, encoding)), 'page.html', {
      html: true,
    });
    expect(decoded.text).toBe(html);
    expect(decoded.warnings).toEqual([]);
  });

  it.each(SAMPLES)('R04 decodes %s declared by the HTTP charset', (encoding, text) => {
    const bytes = new Uint8Array(iconv.encode(text, encoding));
    const decoded = decodeText(bytes, 'page.txt', { charset: encoding });
    expect(decoded.text).toBe(text);
  });

  it('reads <meta http-equiv="Content-Type" content="…; charset=…">', () => {
    const html =
      '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><p>東京</p>';
    const decoded = decodeText(new Uint8Array(iconv.encode(html, 'Shift_JIS')), 'a.html', {
      html: true,
    });
    expect(decoded).toMatchObject({ text: html, encoding: 'Shift_JIS' });
  });

  it('lets the HTTP charset outrank <meta charset>, and a BOM outrank both', () => {
    const html = '<meta charset="windows-1252"><p>한국어</p>';
    const euckr = new Uint8Array(iconv.encode(html, 'EUC-KR'));
    expect(decodeText(euckr, 'a.html', { html: true, charset: 'euc-kr' }).text).toBe(html);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(html)]);
    expect(decodeText(withBom, 'a.html', { html: true, charset: 'euc-kr' })).toMatchObject({
      text: html,
      encoding: 'UTF-8',
    });
  });

  it('decodes UTF-16 without a BOM when the HTTP charset declares it', () => {
    expect(decodeText(utf16(SAMPLE, 'le', false), 'a.html', { charset: 'utf-16le' }).text).toBe(
      SAMPLE,
    );
    expect(decodeText(utf16(SAMPLE, 'be', false), 'a.html', { charset: 'UTF-16BE' }).text).toBe(
      SAMPLE,
    );
  });

  it('does not look for <meta charset> in plain text', () => {
    const text = '<meta charset="Shift_JIS"> is how a page declares it: café';
    expect(decodeText(new TextEncoder().encode(text), 'a.txt').text).toBe(text);
  });

  it('counts characters a declared legacy encoding cannot decode', () => {
    // 0x82 0xA0 is あ in Shift_JIS; a lone trailing 0x82 is cut short.
    const bytes = new Uint8Array([0x82, 0xa0, 0x82]);
    const decoded = decodeText(bytes, 'a.txt', { charset: 'shift_jis' });
    expect(decoded.text).toBe('あ\uFFFD');
    expect(decoded.warnings).toEqual(['a.txt: 1 character could not be decoded and is shown as �']);
  });

  it('falls back to the undeclared rules for an encoding it cannot read, saying so', () => {
    const decoded = decodeText(new TextEncoder().encode('<p>café</p>'), 'a.html', {
      html: true,
      charset: 'x-user-defined',
    });
    expect(decoded.text).toBe('<p>café</p>');
    expect(decoded.warnings).toEqual([
      'a.html declares the encoding x-user-defined, which Marginalia cannot read; it was read as UTF-8',
    ]);
  });

  it('ignores an unknown charset label and reads on', () => {
    const decoded = decodeText(new TextEncoder().encode('café'), 'a.txt', {
      charset: 'no-such-charset',
    });
    expect(decoded).toEqual({ text: 'café', encoding: 'UTF-8', warnings: [] });
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
    ['a WebP image', [...ascii('RIFF'), 0x24, 0x00, 0x00, 0x00, ...ascii('WEBPVP8 ')]],
    ['a ZIP archive', [0x50, 0x4b, 0x05, 0x06, 0x00, 0x00]],
    ['a ZIP archive', [0x50, 0x4b, 0x07, 0x08, 0x00, 0x00]],
    ['an MP4/QuickTime/HEIF media file', [0x00, 0x00, 0x00, 0x18, ...ascii('ftypmp42')]],
    ['a WebAssembly module', [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]],
    ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
    ['an ELF executable', [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01]],
    ['an SQLite database', [...ascii('SQLite format 3'), 0x00]],
    ['a WOFF2 font', [...ascii('wOF2'), 0x00, 0x01]],
  ];

  it.each(cases)('R03 refuses %s as unsupported_file', (kind, magic) => {
    const bytes = new Uint8Array([
      ...magic,
      ...new TextEncoder().encode(' some text after the magic'),
    ]);
    const error = serviceErrorOf(() => decodeText(bytes, 'renamed.html'));
    expect(error.code).toBe('unsupported_file');
    expect(error.message).toBe(`renamed.html is ${kind}, not a text file`);
  });

  it('R03 refuses text with NUL bytes as unsupported_file', () => {
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
  it('R02 refuses a file one byte over the limit as too_large, before looking at its bytes', () => {
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
    expect(decoded.encoding).toBe('UTF-8');
  });

  it('assertImportSize checks a size without the bytes', () => {
    expect(() => assertImportSize(MAX_IMPORT_BYTES, 'a.txt')).not.toThrow();
    expect(serviceErrorOf(() => assertImportSize(50 * 1024 * 1024, 'a.txt')).code).toBe(
      'too_large',
    );
  });
});
