/**
 * Page metadata: title, byline, site, publication date, language, direction and canonical
 * address, each from every source it may come from, in order; and pages in every encoding the
 * importer reads, end to end through importFile.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/main/import/index';
import { normaliseDate } from '../../../../src/main/import/html/metadata';
import { canonicalText } from '../../../../src/shared/document/canonical-text';
import { FILLER, importPage } from './helpers';

const body = `<article><p>${FILLER}</p><p>${FILLER}</p></article>`;
const withHead = (head: string, extra = '', htmlAttrs = '') =>
  `<!doctype html><html${htmlAttrs}><head>${head}</head><body>${extra}${body}</body></html>`;
const articleOf = (html: string, sourceUrl: string | null = null) =>
  importPage(html, { sourceUrl }).article;
const jsonLd = (value: unknown) =>
  `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('title', () => {
  it('prefers og:title, then <title>, then the first <h1>, then the file name', () => {
    expect(
      articleOf(withHead('<meta property="og:title" content="From OG"><title>From title</title>'))
        .title,
    ).toBe('From OG');
    expect(articleOf(withHead('<title>From title</title>')).title).toBe('From title');
    expect(articleOf(`<body><h1>From the heading</h1>${body}</body>`).title).toBe(
      'From the heading',
    );
    expect(
      importFile('my page.html', new TextEncoder().encode(`<body>${body}</body>`)).article.title,
    ).toBe('my page');
  });

  it('takes the JSON-LD headline when the page has no og:title', () => {
    const html = withHead(
      `<title>Site | Section</title>${jsonLd({ '@type': 'NewsArticle', headline: 'The real headline' })}`,
    );
    expect(articleOf(html).title).toBe('The real headline');
  });
});

describe('byline', () => {
  it('reads <meta name="author">', () => {
    expect(articleOf(withHead('<meta name="author" content="Jane Doe">')).byline).toBe('Jane Doe');
  });

  it('joins JSON-LD author names, from objects or strings, in @graph too', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Site' },
        {
          '@type': 'NewsArticle',
          author: [{ '@type': 'Person', name: 'A. One' }, 'B. Two', { name: 'C. Three' }],
        },
      ],
    };
    expect(articleOf(withHead(jsonLd(graph))).byline).toBe('A. One, B. Two, C. Three');
  });

  it('reads microdata itemprop=author and rel=author links', () => {
    expect(
      articleOf(
        withHead(
          '',
          '<div><span itemprop="author" itemscope><span itemprop="name">Micro Data</span></span> 4 May</div>',
        ),
      ).byline,
    ).toBe('Micro Data');
    expect(
      articleOf(withHead('', '<p>By <a rel="author" href="/a">Rel Author</a>, correspondent</p>'))
        .byline,
    ).toBe('Rel Author');
  });

  it('reads a printed byline, without "By" and what follows a separator', () => {
    expect(
      articleOf(withHead('', '<div class="byline">By Printed Name · 4 March 2026</div>')).byline,
    ).toBe('Printed Name');
  });

  it('is null when the page names no author', () => {
    expect(articleOf(withHead('<title>t</title>')).byline).toBeNull();
  });
});

describe('site', () => {
  it('reads og:site_name, then the JSON-LD publisher', () => {
    expect(articleOf(withHead('<meta property="og:site_name" content="The Site">')).site).toBe(
      'The Site',
    );
    const ld = jsonLd({
      '@type': 'NewsArticle',
      publisher: { '@type': 'Organization', name: 'Publisher Co' },
    });
    expect(articleOf(withHead(ld)).site).toBe('Publisher Co');
  });
});

describe('publication date', () => {
  it('reads article:published_time first', () => {
    const head =
      '<meta property="article:published_time" content="2022-02-11T10:00:00+01:00">' +
      jsonLd({ '@type': 'NewsArticle', datePublished: '2021-01-01' });
    expect(articleOf(withHead(head)).publishedAt).toBe('2022-02-11T10:00:00+01:00');
  });

  it('reads JSON-LD datePublished of a NewsArticle', () => {
    expect(
      articleOf(
        withHead(
          jsonLd([
            { '@type': 'Organization' },
            { '@type': ['NewsArticle'], datePublished: '2022-02-11T09:30Z' },
          ]),
        ),
      ).publishedAt,
    ).toBe('2022-02-11T09:30:00Z');
  });

  it('reads <time datetime> in the article', () => {
    const html = `<body><nav><time datetime="2020-01-01">nav</time></nav><article><time datetime="2022-02-11">11 Feb</time><p>${FILLER}</p><p>${FILLER}</p></article></body>`;
    expect(articleOf(html).publishedAt).toBe('2022-02-11');
  });

  it('reads the other meta date names', () => {
    expect(articleOf(withHead('<meta name="date" content="2022-02-11">')).publishedAt).toBe(
      '2022-02-11',
    );
    expect(articleOf(withHead('<meta name="DC.date.issued" content="20220211">')).publishedAt).toBe(
      '2022-02-11',
    );
    expect(
      articleOf(withHead('<meta itemprop="datePublished" content="February 11, 2022">'))
        .publishedAt,
    ).toBe('2022-02-11');
  });

  it.each([
    ['2022-02-11', '2022-02-11'],
    ['20220211', '2022-02-11'],
    ['2022-02-11T10:00:00Z', '2022-02-11T10:00:00Z'],
    ['2022-02-11T10:00:00.123+0530', '2022-02-11T10:00:00+05:30'],
    ['2022-02-11 9:05', '2022-02-11T09:05:00'],
    ['11 February 2022', '2022-02-11'],
    ['Fri, 11 Feb 2022 10:00:00 GMT', '2022-02-11T10:00:00Z'],
    ['2022-02-30', null],
    ['yesterday', null],
    ['', null],
  ])('normalises %j to %j', (value, expected) => {
    expect(normaliseDate(value)).toBe(expected);
  });
});

describe('language, direction and canonical address', () => {
  it('reads <html lang> and dir, then content-language and the body', () => {
    const a = articleOf(withHead('', '', ' lang="ar" dir="RTL"'));
    expect([a.language, a.direction]).toEqual(['ar', 'rtl']);
    const b = articleOf(withHead('<meta http-equiv="content-language" content="fr-CA, en">'));
    expect(b.language).toBe('fr-CA');
    const c = articleOf(`<html><body dir="rtl" lang="he">${body}</body></html>`);
    expect([c.language, c.direction]).toEqual(['he', 'rtl']);
    const d = articleOf(withHead('', '', ' lang="not a tag!" dir="auto"'));
    expect([d.language, d.direction]).toEqual([null, null]);
  });

  it('reads <link rel=canonical>, then og:url, absolute http(s) only', () => {
    expect(
      articleOf(
        withHead(
          '<link rel="canonical" href="https://news.example/a"><meta property="og:url" content="https://news.example/b">',
        ),
      ).canonicalUrl,
    ).toBe('https://news.example/a');
    expect(
      articleOf(withHead('<meta property="og:url" content="https://news.example/b">')).canonicalUrl,
    ).toBe('https://news.example/b');
    expect(articleOf(withHead('<link rel="canonical" href="/relative">')).canonicalUrl).toBeNull();
    expect(
      articleOf(withHead('<link rel="canonical" href="/relative">'), 'https://news.example/x/y')
        .canonicalUrl,
    ).toBe('https://news.example/relative');
    expect(
      articleOf(withHead('<link rel="canonical" href="javascript:alert(1)">')).canonicalUrl,
    ).toBeNull();
  });

  it('keeps the source address it was given, http(s) only', () => {
    expect(articleOf(withHead(''), 'https://news.example/a?b=1').sourceUrl).toBe(
      'https://news.example/a?b=1',
    );
    expect(articleOf(withHead(''), 'file:///tmp/a.html').sourceUrl).toBeNull();
  });
});

describe('R04 pages in every encoding, through importFile', () => {
  const SAMPLES: [string, string][] = [
    ['windows-1252', 'Café – “quoted” € œ'],
    ['ISO-8859-2', 'Zażółć gęślą jaźń'],
    ['ISO-8859-5', 'Привет, мир'],
    ['Shift_JIS', '日本語のニュース、東京'],
    ['EUC-KR', '한국어 뉴스 기사'],
    ['gb18030', '简体中文新闻报道 𠀀'],
  ];
  const pageIn = (text: string, meta: string) =>
    `<!doctype html><html><head>${meta}<title>${text}</title></head><body><article><p>${text}. ${FILLER}</p><p>${FILLER}</p></article></body></html>`;

  it.each(SAMPLES)('R04 decodes a %s page declared by <meta charset>', (encoding, text) => {
    const result = importFile(
      'p.html',
      new Uint8Array(iconv.encode(pageIn(text, `<meta charset="${encoding}">`), encoding)),
    );
    expect(result.article.title).toBe(text);
    expect(canonicalText(result.article.document)).toContain(`${text}. The council`);
    expect(result.warnings).toEqual([]);
  });

  it.each(SAMPLES)('R04 decodes a %s page declared only by the HTTP charset', (encoding, text) => {
    const result = importFile('p.html', new Uint8Array(iconv.encode(pageIn(text, ''), encoding)), {
      charset: encoding,
    });
    expect(result.article.title).toBe(text);
  });

  it('R04 decodes UTF-16 pages with a BOM', () => {
    for (const encoding of ['utf16-le', 'utf16-be']) {
      const bytes = new Uint8Array(iconv.encode(pageIn('Ünïcödé', ''), encoding, { addBOM: true }));
      expect(importFile('p.html', bytes).article.title).toBe('Ünïcödé');
    }
  });

  it('R04 reads an undeclared non-UTF-8 page as windows-1252, with a warning', () => {
    const result = importFile(
      'p.html',
      new Uint8Array(iconv.encode(pageIn('Café', ''), 'windows-1252')),
    );
    expect(result.article.title).toBe('Café');
    expect(result.warnings).toEqual(['p.html is not valid UTF-8; it was read as windows-1252']);
  });

  it('R04 keeps a UTF-8 page with a stray byte as UTF-8 and says how many bytes were lost', () => {
    const bytes = new TextEncoder().encode(pageIn('Ünïcödé “quoted” — naïve', ''));
    const at = bytes.indexOf(0x2e); // the first "."
    bytes[at] = 0x96;
    const result = importFile('p.html', bytes);
    expect(result.article.title).toBe('Ünïcödé “quoted” — naïve');
    expect(canonicalText(result.article.document)).toContain('\uFFFD');
    expect(result.warnings).toEqual(['p.html: 1 byte could not be decoded and is shown as �']);
  });
});
