/** Which URLs imported content may keep (RELIABILITY 6, 10, 11): an allow-list, not a deny-list. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLocalImageSrc, isSafeLinkHref } from '../../../src/shared/document/url-policy';

describe('isSafeLinkHref', () => {
  it.each([
    'https://www.nato.int/',
    'http://example.com/a?b=c#d',
    'HTTPS://EXAMPLE.COM',
    'mailto:desk@example.com',
    'MailTo:desk@example.com',
    ' https://example.com', // leading space is ignored by browsers, and harmless
  ])('allows %j', (href) => {
    expect(isSafeLinkHref(href)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    '\u0000javascript:alert(1)',
    ' \u0001javascript:alert(1)',
    'javascript\u0000:alert(1)',
    '&#106;avascript:alert(1)', // if an entity ever reached here undecoded, it is no scheme we allow
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'file://C:/Windows/win.ini',
    'ftp://files.example.com',
    'marginalia://settings',
    'chrome://settings',
    '//evil.example/x',
    '/absolute/path',
    '../../secrets.txt',
    '#fragment',
    'http:/example.com',
    'https:example.com',
    'mailtox:a@b.c',
    '',
  ])('R06 R10 refuses %j', (href) => {
    expect(isSafeLinkHref(href)).toBe(false);
  });

  it('R06 refuses every javascript: link however control characters and whitespace are spread in it (property)', () => {
    const ignorable = fc.constantFrom(
      '',
      '\t',
      '\n',
      '\r',
      ' ',
      '\u0000',
      '\u001f',
      '\u007f',
      '\u0085',
      '\u009f',
    );
    fc.assert(
      fc.property(
        fc.array(ignorable, { minLength: 11, maxLength: 11 }),
        fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
        (gaps, upper) => {
          const scheme = [...'javascript'].map((c, i) => (upper[i] ? c.toUpperCase() : c));
          const href = scheme.map((c, i) => gaps[i] + c).join('') + gaps[10] + ':alert(1)';
          expect(isSafeLinkHref(href)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('R06 R10 allows only hrefs that start with http://, https:// or mailto: once cleaned (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 30 }), (href) => {
        if (isSafeLinkHref(href)) {
          // eslint-disable-next-line no-control-regex
          const cleaned = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
          expect(/^(https?:\/\/|mailto:)/.test(cleaned)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('isLocalImageSrc', () => {
  it.each([
    'data:image/png;base64,iVBORw0KGgo=',
    'data:image/jpeg;base64,/9j/4AAQSkZJRg==',
    'data:image/gif;base64,R0lGODlhAQABAAAAACw=',
    'data:image/webp;base64,UklGRhoAAABXRUJQ',
    'DATA:IMAGE/PNG;BASE64,iVBORw0KGgo=',
  ])('allows the raster data: URL %j', (src) => {
    expect(isLocalImageSrc(src)).toBe(true);
  });

  it.each([
    'https://example.com/a.png',
    'http://example.com/a.png',
    '//example.com/a.png',
    'a.png',
    'file:///tmp/a.png',
    'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'data:text/html;base64,PHNjcmlwdD4=',
    'data:image/png,notbase64',
    'data:image/png;base64,iVBOR"onerror="alert(1)',
    'data:image/png;base64,',
    'javascript:alert(1)',
    '',
  ])('R10 R11 refuses %j', (src) => {
    expect(isLocalImageSrc(src)).toBe(false);
  });
});
