/**
 * Markdown import: structure, title, and the hostile-input rules (RELIABILITY 5, 6, 8, 10, 11):
 * raw HTML stays literal text, unsafe links lose their link, remote images become their alt text.
 */
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/main/import/markdown';
import { isLocalImageSrc, isSafeLinkHref } from '../../../src/shared/document/url-policy';
import { canonicalText } from '../../../src/shared/document/canonical-text';

function parse(source: string) {
  const article = parseMarkdown(source, 'fallback');
  article.document.check();
  return article;
}

/** Every node of the document, depth first. */
function nodes(document: Node): Node[] {
  const out: Node[] = [];
  document.descendants((n) => {
    out.push(n);
  });
  return out;
}

function typeNames(document: Node): string[] {
  return nodes(document).map((n) => n.type.name);
}

function hrefs(document: Node): string[] {
  return nodes(document).flatMap((n) =>
    n.marks.filter((m) => m.type.name === 'link').map((m) => String(m.attrs['href'])),
  );
}

/** Text that carries a link mark. */
function linkedText(document: Node): string[] {
  return nodes(document)
    .filter((n) => n.isText && n.marks.some((m) => m.type.name === 'link'))
    .map((n) => n.text ?? '');
}

describe('parseMarkdown: title', () => {
  it('takes a leading level-1 heading as the title and removes it from the document', () => {
    const article = parse('# Talks in Geneva\n\nThe first paragraph.\n\n## Background\n\nMore.');
    expect(article.title).toBe('Talks in Geneva');
    expect(canonicalText(article.document)).toBe('The first paragraph.\n\nBackground\n\nMore.');
    expect(article.document.firstChild!.type.name).toBe('paragraph');
    expect(article.byline).toBeNull();
    expect(article.publishedAt).toBeNull();
  });

  it('takes a setext level-1 heading as the title', () => {
    const article = parse('Talks in Geneva\n===\n\nBody.');
    expect(article.title).toBe('Talks in Geneva');
    expect(canonicalText(article.document)).toBe('Body.');
  });

  it('keeps the file name as the title when the document does not start with a level-1 heading', () => {
    for (const source of [
      '## Not a title\n\nBody.',
      'Body first.\n\n# Late heading',
      '#\n\nBody.',
    ]) {
      const article = parse(source);
      expect(article.title).toBe('fallback');
      expect(canonicalText(article.document)).toContain('Body');
    }
    expect(canonicalText(parse('Body first.\n\n# Late heading').document)).toBe(
      'Body first.\n\nLate heading',
    );
  });

  it('gives a document of one empty paragraph when the title is all there is', () => {
    const article = parse('# Only a title\n');
    expect(article.title).toBe('Only a title');
    expect(article.document.childCount).toBe(1);
    expect(article.document.firstChild!.type.name).toBe('paragraph');
    expect(article.document.textContent).toBe('');
  });

  it('drops YAML front matter, with Windows line ends too', () => {
    const source = '---\ntitle: Ignored\ntags: [a, b]\n---\n# Real title\n\nBody.';
    const article = parse(source);
    expect(article.title).toBe('Real title');
    expect(canonicalText(article.document)).toBe('Body.');
    expect(parse(source.replace(/\n/g, '\r\n')).title).toBe('Real title');
    expect(canonicalText(parse(source.replace(/\n/g, '\r\n')).document)).toBe('Body.');
  });
});

describe('parseMarkdown: structure', () => {
  const source = [
    '# Title',
    '',
    'Some *emphasis*, some **strong**, some `code`, and a line  ',
    'break.',
    '',
    '- one',
    '- two',
    '  1. nested',
    '',
    '3. three',
    '',
    '> quoted',
    '>',
    '> > deeper',
    '',
    '```ts',
    'const x = 1;',
    '```',
    '',
    '    indented code',
    '',
    '---',
    '',
    '### Small heading',
  ].join('\n');
  const article = parse(source);
  const d = article.document;

  it('parses emphasis, strong, inline code and hard breaks into marks and nodes', () => {
    const first = d.firstChild!;
    expect(first.type.name).toBe('paragraph');
    const marked = (name: string) =>
      nodes(first)
        .filter((n) => n.marks.some((m) => m.type.name === name))
        .map((n) => n.text);
    expect(marked('em')).toEqual(['emphasis']);
    expect(marked('strong')).toEqual(['strong']);
    expect(marked('code')).toEqual(['code']);
    expect(typeNames(first)).toContain('hard_break');
  });

  it('parses lists, nested lists, blockquotes, code blocks, rules and headings', () => {
    expect(d.content.content.map((n) => n.type.name)).toEqual([
      'paragraph',
      'bullet_list',
      'ordered_list',
      'blockquote',
      'code_block',
      'code_block',
      'horizontal_rule',
      'heading',
    ]);
    const bullet = d.child(1);
    expect(bullet.childCount).toBe(2);
    expect(bullet.child(1).child(1).type.name).toBe('ordered_list');
    expect(d.child(2).attrs['order']).toBe(3);
    expect(d.child(3).child(1).type.name).toBe('blockquote');
    expect(d.child(4).attrs['params']).toBe('ts');
    expect(d.child(4).textContent).toBe('const x = 1;');
    expect(d.child(5).textContent).toBe('indented code');
    expect(d.child(7).attrs['level']).toBe(3);
  });

  it('has the canonical text of all of it', () => {
    expect(canonicalText(d)).toBe(
      [
        'Some emphasis, some strong, some code, and a line\nbreak.',
        'one',
        'two',
        'nested',
        'three',
        'quoted',
        'deeper',
        'const x = 1;',
        'indented code',
        'Small heading',
      ].join('\n\n'),
    );
  });

  it('R08 keeps a hostile code-fence language as a plain attribute, and the code as text', () => {
    const article = parse('```"><script>alert(1)</script>\n<b>x</b>\n```');
    const code = article.document.firstChild!;
    expect(code.type.name).toBe('code_block');
    expect(code.textContent).toBe('<b>x</b>');
    expect(typeNames(article.document)).toEqual(['code_block', 'text']);
  });
});

describe('parseMarkdown: raw HTML stays text', () => {
  const HOSTILE = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<svg onload=alert(1)>',
    '<a href="javascript:alert(1)">click</a>',
    '<style>body{background:url(https://evil.example/x)}</style>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  ];

  it.each(HOSTILE)('R08 keeps %s as literal text, in a block of its own', (html) => {
    const article = parse(html);
    expect(canonicalText(article.document)).toBe(html);
    expect(typeNames(article.document)).toEqual(['paragraph', 'text']);
    expect(hrefs(article.document)).toEqual([]);
  });

  it.each(HOSTILE)('R08 keeps %s as literal text inside a paragraph', (html) => {
    const article = parse(`Before ${html} after.`);
    expect(canonicalText(article.document)).toBe(`Before ${html} after.`);
    expect(new Set(typeNames(article.document))).toEqual(new Set(['paragraph', 'text']));
  });

  it('R08 never produces a node type outside the article schema', () => {
    const article = parse(HOSTILE.join('\n\n'));
    const allowed = new Set(['paragraph', 'text']);
    for (const name of typeNames(article.document)) expect(allowed.has(name)).toBe(true);
  });
});

describe('parseMarkdown: links', () => {
  it.each([
    ['javascript:', '[click](javascript:alert(1))'],
    ['JavaScript: in capitals', '[click](JavaScript:alert(1))'],
    ['an entity-encoded javascript:', '[click](&#106;avascript:alert(1))'],
    ['a tab inside javascript:', '[click](<java\tscript:alert(1)>)'],
    ['data:text/html', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['vbscript:', '[click](vbscript:msgbox(1))'],
    ['file:', '[click](file:///etc/passwd)'],
    ['a custom scheme', '[click](marginalia-internal://settings)'],
    ['a relative path', '[click](../../secrets.txt)'],
    ['a reference definition', '[click]\n\n[click]: javascript:alert(1)'],
    ['a title on an unsafe link', '[click](javascript:alert(1) "title")'],
  ])('R08 drops the link but keeps the text of a link to %s', (_name, source) => {
    const article = parse(source);
    expect(hrefs(article.document)).toEqual([]);
    expect(article.document.firstChild!.textContent).toBe('click');
  });

  it('makes no link of a destination with a line break (CommonMark allows none)', () => {
    const article = parse('[click](<java\nscript:alert(1)>)');
    expect(hrefs(article.document)).toEqual([]);
    expect(canonicalText(article.document)).toContain('click');
  });

  it('R08 drops an autolink to javascript: but keeps its text', () => {
    const article = parse('<javascript:alert(1)>');
    expect(hrefs(article.document)).toEqual([]);
    expect(canonicalText(article.document)).toBe('javascript:alert(1)');
  });

  it.each([
    ['https', '[NATO](https://www.nato.int/)', 'https://www.nato.int/'],
    ['http', '[old](http://example.com/a?b=c#d)', 'http://example.com/a?b=c#d'],
    ['mailto', '[write](mailto:desk@example.com)', 'mailto:desk@example.com'],
    ['an autolink', '<https://example.com/>', 'https://example.com/'],
  ])('keeps a %s link', (_name, source, href) => {
    const article = parse(source);
    expect(hrefs(article.document)).toEqual([href]);
    expect(linkedText(article.document)).toHaveLength(1);
  });

  it('keeps safe links and drops unsafe ones in the same paragraph', () => {
    const article = parse(
      '[a](https://a.example) and [b](javascript:x) and [c](mailto:c@example.com)',
    );
    expect(hrefs(article.document)).toEqual(['https://a.example', 'mailto:c@example.com']);
    expect(linkedText(article.document)).toEqual(['a', 'c']);
    expect(canonicalText(article.document)).toBe('a and b and c');
  });

  it('only ever keeps links the URL policy allows', () => {
    const source = [
      '[1](javascript:a)',
      '[2](https://ok.example)',
      '[3](data:text/html,x)',
      '[4](//evil.example/x)',
      '[5](ftp://files.example)',
      '[6](#fragment)',
    ].join(' ');
    for (const href of hrefs(parse(source).document)) expect(isSafeLinkHref(href)).toBe(true);
    expect(hrefs(parse(source).document)).toEqual(['https://ok.example']);
  });
});

describe('parseMarkdown: images', () => {
  const PNG =
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==';

  it.each([
    ['an https image', '![A map of the border](https://example.com/map.png)'],
    ['an http image', '![A map of the border](http://example.com/map.png)'],
    ['a protocol-relative image', '![A map of the border](//example.com/map.png)'],
    ['a relative image', '![A map of the border](images/map.png)'],
    ['an SVG data: image', '![A map of the border](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)'],
    ['a javascript: image', '![A map of the border](javascript:alert(1))'],
  ])('turns %s into its alt text', (_name, source) => {
    const article = parse(source);
    expect(typeNames(article.document)).not.toContain('image');
    expect(canonicalText(article.document)).toBe('A map of the border');
  });

  it('drops a remote image with no alt text altogether', () => {
    const article = parse('Before ![](https://example.com/pixel.gif) after.');
    expect(typeNames(article.document)).not.toContain('image');
    expect(canonicalText(article.document)).toBe('Before  after.');
  });

  it('keeps the marks around a remote image on its alt text', () => {
    const article = parse('**![bold alt](https://example.com/a.png)**');
    const text = nodes(article.document).find((n) => n.isText)!;
    expect(text.text).toBe('bold alt');
    expect(text.marks.map((m) => m.type.name)).toEqual(['strong']);
  });

  it('keeps a raster data: image', () => {
    const article = parse(`An inline map: ![map](${PNG})`);
    const images = nodes(article.document).filter((n) => n.type.name === 'image');
    expect(images).toHaveLength(1);
    expect(images[0]!.attrs['src']).toBe(PNG);
    expect(images[0]!.attrs['alt']).toBe('map');
    expect(isLocalImageSrc(String(images[0]!.attrs['src']))).toBe(true);
    // An image counts as nothing in the canonical text.
    expect(canonicalText(article.document)).toBe('An inline map: ');
  });
});
