/**
 * "Web page, single file": MHTML (MIME multipart/related) with quoted-printable and base64 parts,
 * the root chosen by `start` or as the first HTML part, its charset honoured, and the other parts
 * answering references by Content-Location (exact or relative to the page) and `cid:`.
 */
import iconv from 'iconv-lite';
import { encode as encodeQuotedPrintable, wrap } from 'libqp';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/main/import/index';
import { readMhtml } from '../../../src/main/import/mhtml';
import { canonicalText } from '../../../src/shared/document/canonical-text';
import { serviceErrorOf } from '../helpers';
import { addressesOf, FILLER, PNG } from './html/helpers';

const png64 = Buffer.from(PNG).toString('base64');

interface Part {
  readonly type: string;
  readonly encoding: 'quoted-printable' | 'base64' | '8bit';
  readonly body: Uint8Array;
  readonly location?: string;
  readonly id?: string;
}

function mhtml(parts: readonly Part[], start?: string): Uint8Array {
  const boundary = '----MultipartBoundary--abc123';
  const lines = [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: https://news.example/world/story.html',
    'Subject: A story',
    'MIME-Version: 1.0',
    `Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="${boundary}"${start ? `;\r\n\tstart="${start}"` : ''}`,
    '',
    'This is a multi-part message in MIME format.',
    '',
  ];
  for (const part of parts) {
    lines.push(
      `--${boundary}`,
      `Content-Type: ${part.type}`,
      `Content-Transfer-Encoding: ${part.encoding}`,
    );
    if (part.location) lines.push(`Content-Location: ${part.location}`);
    if (part.id) lines.push(`Content-ID: <${part.id}>`);
    lines.push('');
    const body = Buffer.from(part.body);
    if (part.encoding === 'base64') lines.push(body.toString('base64').replace(/.{76}/g, '$&\r\n'));
    else if (part.encoding === 'quoted-printable')
      lines.push(wrap(encodeQuotedPrintable(body), 76));
    else lines.push(body.toString('latin1'));
  }
  lines.push(`--${boundary}--`, '');
  return new Uint8Array(Buffer.from(lines.join('\r\n'), 'latin1'));
}

const story = (images: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Apple library</title><link rel="stylesheet" href="style.css"></head>` +
  `<body><article><h1>Apple library</h1><p>Café owners — “quoted” ${FILLER}</p>${images}<p>${FILLER}</p></article></body></html>`;

const html = (text: string, charset = 'utf-8') => new Uint8Array(iconv.encode(text, charset));

describe('MHTML', () => {
  it('reads a quoted-printable page and embeds its base64 image parts by Content-Location and cid:', () => {
    const file = mhtml([
      {
        type: 'text/html; charset="utf-8"',
        encoding: 'quoted-printable',
        location: 'https://news.example/world/story.html',
        body: html(
          story(
            '<p><img src="https://news.example/img/a.png" alt="a"> <img src="../img/b.png" alt="b"> <img src="cid:part3@mhtml.blink" alt="c"></p>',
          ),
        ),
      },
      {
        type: 'image/png',
        encoding: 'base64',
        location: 'https://news.example/img/a.png',
        body: PNG,
      },
      {
        type: 'image/png',
        encoding: 'base64',
        location: 'https://news.example/img/b.png',
        body: PNG,
      },
      { type: 'image/png', encoding: 'base64', id: 'part3@mhtml.blink', body: PNG },
      {
        type: 'text/css',
        encoding: 'quoted-printable',
        location: 'https://news.example/world/style.css',
        body: html('body{} /* CSS-PART */'),
      },
    ]);
    const result = importFile('saved.mhtml', file);
    expect(result.format).toBe('html');
    expect(result.article.title).toBe('Apple library');
    expect(result.article.sourceUrl).toBe('https://news.example/world/story.html');
    const text = canonicalText(result.article.document);
    expect(text).toContain('Café owners — “quoted”');
    expect(addressesOf(result.article.document).images).toEqual([
      `data:image/png;base64,${png64}`,
      `data:image/png;base64,${png64}`,
      `data:image/png;base64,${png64}`,
    ]);
    expect(JSON.stringify(result.article.document)).not.toContain('CSS-PART');
    expect(result.warnings).toEqual([]);
  });

  it("decodes the root part in its MIME charset, which outranks the page's <meta>", () => {
    // The page says UTF-8; its bytes are windows-1252, as the part's header says.
    const page = story('');
    const file = mhtml([
      {
        type: 'text/html; charset=windows-1252',
        encoding: 'quoted-printable',
        body: html(page, 'windows-1252'),
      },
    ]);
    expect(canonicalText(importFile('old.mht', file).article.document)).toContain(
      'Café owners — “quoted”',
    );
  });

  it('reads a base64 root part, chosen by the start parameter', () => {
    const file = mhtml(
      [
        {
          type: 'text/html',
          encoding: 'base64',
          id: 'frame@x',
          body: html('<p>An embedded frame, not the page.</p>'),
        },
        { type: 'text/html', encoding: 'base64', id: 'root@x', body: html(story('')) },
      ],
      '<root@x>',
    );
    expect(importFile('s.mht', file).article.title).toBe('Apple library');
  });

  it('takes the first HTML part when no start is given', () => {
    const file = mhtml([
      { type: 'image/png', encoding: 'base64', location: 'a.png', body: PNG },
      { type: 'text/html', encoding: '8bit', body: html(story('')) },
    ]);
    expect(readMhtml(file, 'a.mhtml').charset).toBeNull();
    expect(importFile('a.mhtml', file).article.title).toBe('Apple library');
  });

  it('answers only references to parts it has, and only with their bytes', () => {
    const file = mhtml([
      {
        type: 'text/html',
        encoding: 'quoted-printable',
        location: 'https://news.example/world/story.html',
        body: html(story('')),
      },
      {
        type: 'image/png',
        encoding: 'base64',
        location: 'https://news.example/img/a.png',
        body: PNG,
      },
    ]);
    const { resources } = readMhtml(file, 'a.mhtml');
    expect(resources('https://news.example/img/a.png')).toEqual(PNG);
    expect(resources('../img/a.png')).toEqual(PNG);
    for (const reference of [
      '../../etc/passwd',
      'file:///etc/passwd',
      'https://other.example/img/a.png',
      'cid:missing',
      '',
    ]) {
      expect(resources(reference), reference).toBeNull();
    }
  });

  it('refuses a file that is not MIME, or has no page in it', () => {
    expect(serviceErrorOf(() => importFile('x.mhtml', html('<p>just html</p>'))).message).toBe(
      'x.mhtml is not a saved web page (MHTML): it has no MIME headers',
    );
    const imageOnly = mhtml([{ type: 'image/png', encoding: 'base64', body: PNG }]);
    expect(serviceErrorOf(() => importFile('y.mht', imageOnly)).message).toBe(
      'y.mht is a MIME file with no web page (text/html) in it',
    );
  });

  it('R03 refuses a binary renamed .mhtml before parsing it', () => {
    const error = serviceErrorOf(() => importFile('photo.mhtml', PNG));
    expect(error.code).toBe('unsupported_file');
    expect(error.message).toBe('photo.mhtml is a PNG image, not a text file');
  });
});
