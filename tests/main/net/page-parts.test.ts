import { describe, expect, it } from 'vitest';
import { formatOfType, parseContentType } from '../../../src/main/net/content-type';
import { pageFileName } from '../../../src/main/net/page-file-name';
import { sniffPage } from '../../../src/main/net/sniff';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseContentType', () => {
  it.each([
    ['text/html; charset=UTF-8', 'text/html', 'utf-8'],
    ['Text/HTML;Charset="Shift_JIS"', 'text/html', 'shift_jis'],
    [
      'text/plain; format=flowed; charset=windows-1252; charset=utf-8',
      'text/plain',
      'windows-1252',
    ],
    ['text/html; charset=', 'text/html', null],
    ['image/png', 'image/png', null],
    ['nonsense', null, null],
    ['text/html/extra', null, null],
    ['', null, null],
  ])('reads %j as essence %j and charset %j', (header, essence, charset) => {
    expect(parseContentType(header)).toEqual({ essence, charset });
  });

  it('reads a missing header as no type', () => {
    expect(parseContentType(null)).toEqual({ essence: null, charset: null });
  });
});

describe('formatOfType', () => {
  it('maps article types to their importer, sniffs undeclared ones and refuses the rest', () => {
    expect(formatOfType('application/xhtml+xml')).toEqual({ kind: 'format', format: 'html' });
    expect(formatOfType('text/x-markdown')).toEqual({ kind: 'format', format: 'markdown' });
    expect(formatOfType(null)).toEqual({ kind: 'sniff' });
    expect(formatOfType('application/octet-stream')).toEqual({ kind: 'sniff' });
    expect(formatOfType('application/json')).toEqual({ kind: 'refused' });
    expect(formatOfType('text/css')).toEqual({ kind: 'refused' });
  });
});

describe('sniffPage', () => {
  it.each([
    '<!DOCTYPE html><html>',
    '\uFEFF  \n<html lang="en">',
    '<!-- saved from url=(0042)https://example.org -->\n<html>',
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml">',
    '<p>Just a paragraph',
  ])('sees HTML in %j', (start) => {
    expect(sniffPage(bytes(start))).toEqual({ kind: 'html' });
  });

  it('sees HTML in UTF-16 with a BOM', () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('<html><body>', 'utf16le'),
    ]);
    expect(sniffPage(utf16)).toEqual({ kind: 'html' });
  });

  it.each([
    'Plain words.',
    '# A Markdown title\n\nText',
    '<pre>not on the list',
    '<?xml version="1.0"?><rss>',
  ])('reads %j as text', (start) => {
    expect(sniffPage(bytes(start))).toEqual({ kind: 'text' });
  });

  it.each([
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG image'],
    [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], 'a PDF document'],
    [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive'],
    [[0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50], 'a WebP image'],
    [[0x3c, 0x68, 0x31, 0x3e, 0x00, 0x41], 'a binary file'],
  ])('names binary signature %j as %s', (signature, name) => {
    expect(sniffPage(Uint8Array.from(signature))).toEqual({ kind: 'binary', name });
  });
});

describe('pageFileName', () => {
  it.each([
    ['https://news.example/2024/05/story.php?id=3', 'html', 'story.html'],
    ['https://news.example/world/europe/talks-continue', 'html', 'talks-continue.html'],
    ['https://news.example/world/index.html', 'html', 'world.html'],
    ['https://news.example/', 'html', 'news.example.html'],
    ['https://news.example/a%20b%2Fc%3Fd.txt', 'text', 'a b-c-d.txt'],
    ['https://news.example/README.md', 'markdown', 'README.md'],
    ['https://news.example/..%2F..%2Fetc', 'text', 'etc.txt'],
    ['https://[::1]:8080/', 'text', '[-1].txt'],
  ] as const)('names %s, read as %s, %s', (address, format, name) => {
    expect(pageFileName(new URL(address), format)).toBe(name);
  });

  it('shortens a very long slug to 100 characters plus the extension', () => {
    const name = pageFileName(new URL(`https://news.example/${'x'.repeat(500)}`), 'html');
    expect(name).toBe(`${'x'.repeat(100)}.html`);
  });
});
