/** importFile: the importer chosen by file name, bytes to article, refusals as ServiceErrors. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatOf, importFile, SUPPORTED_EXTENSIONS } from '../../../src/main/import/index';
import { serviceErrorOf } from '../helpers';
import { canonicalText } from '../../../src/shared/document/canonical-text';

const SEED = readFileSync(
  new URL('../../../resources/sample/negotiations-continue-2022-02-11.txt', import.meta.url),
);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('importFile', () => {
  it('imports the sample article from its bytes', () => {
    const result = importFile('negotiations-continue-2022-02-11.txt', new Uint8Array(SEED));
    expect(result.format).toBe('text');
    expect(result.warnings).toEqual([]);
    expect(result.article.title).toBe(
      'Negotiations continue between Western and Russian diplomats',
    );
    expect(result.article.publishedAt).toBe('2022-02-11');
    expect(result.article.document.childCount).toBe(4);
  });

  it('chooses the importer by extension, in any case', () => {
    expect(importFile('notes.md', utf8('# Heading\n\n*x*')).format).toBe('markdown');
    expect(importFile('NOTES.MARKDOWN', utf8('# Heading\n\n*x*')).article.title).toBe('Heading');
    expect(importFile('Notes.TXT', utf8('# Heading\n\n*x*')).article.title).toBe('# Heading');
    expect(importFile('notes.text', utf8('Title\n\nBody')).format).toBe('text');
  });

  it('falls back to the file name, without its extension or folders, for the title', () => {
    const result = importFile('/home/me/Downloads/field notes.md', utf8('Just a paragraph.'));
    expect(result.article.title).toBe('field notes');
    expect(canonicalText(result.article.document)).toBe('Just a paragraph.');
  });

  it.each(['report.pdf', 'archive.zip', 'image.png', 'README', 'notes.md.exe', '.txt.bak'])(
    'refuses %s as unsupported_file, naming the formats it takes',
    (name) => {
      const error = serviceErrorOf(() => importFile(name, utf8('hello')));
      expect(error.code).toBe('unsupported_file');
      expect(error.message).toContain(name);
      for (const ext of SUPPORTED_EXTENSIONS) expect(error.message).toContain(ext);
    },
  );

  it.each([
    ['an empty file', new Uint8Array()],
    ['a file of whitespace', utf8(' \n\t\r\n  ')],
    ['a file of a BOM alone', new Uint8Array([0xef, 0xbb, 0xbf])],
  ])('refuses %s as unsupported_file', (_name, bytes) => {
    const error = serviceErrorOf(() => importFile('empty.txt', bytes));
    expect(error.code).toBe('unsupported_file');
    expect(error.message).toBe('empty.txt is empty');
  });

  it('refuses a PNG renamed .md', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(serviceErrorOf(() => importFile('photo.md', png)).code).toBe('unsupported_file');
  });

  it('passes on the windows-1252 warning', () => {
    const result = importFile(
      'old.txt',
      new Uint8Array([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0x43, 0x61, 0x66, 0xe9]),
    );
    expect(result.article.title).toBe('Title');
    expect(canonicalText(result.article.document)).toBe('Café');
    expect(result.warnings).toEqual(['old.txt is not valid UTF-8; it was read as windows-1252']);
  });

  it('reads a text file in the charset an HTTP response declared', () => {
    const bytes = new Uint8Array([0x93, 0x51, 0x94, 0x0a, 0x0a, 0x43, 0x61, 0x66, 0xe9]);
    const result = importFile('fetched.txt', bytes, { charset: 'windows-1252' });
    expect(result.article.title).toBe('“Q”');
    expect(canonicalText(result.article.document)).toBe('Café');
    expect(result.warnings).toEqual([]);
  });

  it('imports an HTML page by its extension, in any case', () => {
    const page = utf8('<title>T</title><h1>Heading</h1><p>Body text of the page.</p>');
    for (const name of ['a.html', 'A.HTM', 'a.xhtml']) {
      const result = importFile(name, page);
      expect(result.format).toBe('html');
      expect(canonicalText(result.article.document)).toContain('Body text of the page.');
    }
  });

  it('warns when the text holds characters that could not be decoded', () => {
    // UTF-16LE with a BOM and an odd trailing byte: the decoder gives U+FFFD for it.
    const bytes = new Uint8Array([0xff, 0xfe, 0x54, 0x00, 0x69, 0x00, 0x41]);
    const result = importFile('odd.txt', bytes);
    expect(result.warnings).toEqual([
      'odd.txt: 1 character could not be decoded and is shown as �',
    ]);
  });
});

describe('formatOf', () => {
  it('maps each supported extension to its format', () => {
    expect(SUPPORTED_EXTENSIONS.map((ext) => [ext, formatOf(`a${ext}`)])).toEqual([
      ['.txt', 'text'],
      ['.text', 'text'],
      ['.md', 'markdown'],
      ['.markdown', 'markdown'],
      ['.html', 'html'],
      ['.htm', 'html'],
      ['.xhtml', 'html'],
      ['.mhtml', 'html'],
      ['.mht', 'html'],
    ]);
  });
});
