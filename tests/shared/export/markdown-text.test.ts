/**
 * Text into Markdown and back: a CommonMark parser (commonmark.js) and a GFM one (markdown-it with
 * tables and strikethrough) read each escaped text as exactly the original characters, in plain
 * text and hard breaks only: any emphasis, code, link, HTML, heading, list… fails the test.
 */
import { Parser, type Node } from 'commonmark';
import fc from 'fast-check';
import MarkdownIt, { type Token } from 'markdown-it';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  escapeInline,
  linkDestination,
  linkText,
  markdownBlock,
  markdownBlockquote,
  tableCell,
} from '../../../src/shared/export/markdown-text';

interface SpecExample {
  markdown: string;
  html: string;
  section: string;
  number: number;
}
// commonmark-spec is CommonJS without types: its examples, read through require.
const requireCjs = createRequire(import.meta.url);
const { tests: SPEC_EXAMPLES } = requireCjs('commonmark-spec') as { tests: SpecExample[] };

const commonmark = new Parser();
const gfm = new MarkdownIt('commonmark').enable(['table', 'strikethrough']);

/**
 * markdown-it turns `&#11;` into U+FFFD (CommonMark keeps it) and trims a raw vertical tab from a
 * paragraph's or a cell's ends, so a U+000B at a line's start or end cannot survive it.
 */
const markdownItKeeps = (text: string): boolean => !text.includes('\v');

// --- Rebuilding text from commonmark.js's AST --------------------------------------------------

function childrenOf(node: Node): Node[] {
  const out: Node[] = [];
  for (let child = node.firstChild; child !== null; child = child.next) out.push(child);
  return out;
}

/** Inline content as text: text nodes and hard breaks only. */
function inlineText(node: Node): string {
  return childrenOf(node)
    .map((child) => {
      if (child.type === 'text') return child.literal ?? '';
      if (child.type === 'linebreak') return '\n';
      throw new Error(`unexpected ${child.type} inside ${node.type}`);
    })
    .join('');
}

/** Paragraphs, and nothing else, joined by a blank line. */
function paragraphsText(container: Node): string {
  return childrenOf(container)
    .map((block) => {
      if (block.type !== 'paragraph') throw new Error(`unexpected ${block.type} block`);
      return inlineText(block);
    })
    .join('\n\n');
}

function onlyChild(node: Node, type: string): Node {
  const children = childrenOf(node);
  const child = children[0];
  if (children.length !== 1 || child === undefined || child.type !== type) {
    throw new Error(`expected one ${type} in ${node.type}, got ${children.map((c) => c.type)}`);
  }
  return child;
}

/** What commonmark.js reads back from `markdownBlock` output. */
function readBlock(md: string): string {
  return paragraphsText(commonmark.parse(md));
}

/** What commonmark.js reads back from `markdownBlockquote` output: one quote of paragraphs. */
function readBlockquote(md: string): string {
  const doc = commonmark.parse(md);
  if (doc.firstChild === null) return '';
  return paragraphsText(onlyChild(doc, 'block_quote'));
}

/** The text of a document that must be one paragraph. */
function readParagraph(md: string): string {
  const doc = commonmark.parse(md);
  if (doc.firstChild === null) return '';
  return inlineText(onlyChild(doc, 'paragraph'));
}

// --- Rebuilding text from markdown-it's tokens (GFM tables and strikethrough on) ----------------

function inlineTokensText(children: Token[] | null, allowBr = false): string {
  return (children ?? [])
    .map((token) => {
      if (token.type === 'text') return token.content;
      if (token.type === 'hardbreak') return '\n';
      if (allowBr && token.type === 'html_inline' && token.content === '<br>') return '\n';
      throw new Error(`unexpected ${token.type} token`);
    })
    .join('');
}

function readGfm(md: string, quoted: boolean): string {
  let tokens = gfm.parse(md, {});
  if (quoted && tokens.length > 0) {
    if (tokens[0]?.type !== 'blockquote_open' || tokens.at(-1)?.type !== 'blockquote_close') {
      throw new Error(`not one blockquote: ${tokens.map((t) => t.type)}`);
    }
    tokens = tokens.slice(1, -1);
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < tokens.length; i += 3) {
    const [open, inline, close] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (
      open?.type !== 'paragraph_open' ||
      inline?.type !== 'inline' ||
      close?.type !== 'paragraph_close'
    ) {
      throw new Error(`not paragraphs: ${tokens.map((t) => t.type)}`);
    }
    paragraphs.push(inlineTokensText(inline.children));
  }
  return paragraphs.join('\n\n');
}

/** A GFM table whose one body row holds `cell` between two others; its cells as text. */
function readTableRow(cell: string): string[] {
  const md = `| a | b | c |\n| --- | --- | --- |\n| x | ${cell} | z |\n`;
  const tokens = gfm.parse(md, {});
  const body = tokens.findIndex((t) => t.type === 'tbody_open');
  if (body < 0) throw new Error(`no table body: ${tokens.map((t) => t.type)}`);
  const cells: string[] = [];
  for (let i = body + 1; i < tokens.length && tokens[i]?.type !== 'tbody_close'; i++) {
    const token = tokens[i] as Token;
    if (token.type === 'tr_open' && cells.length > 0) throw new Error('more than one body row');
    if (token.type === 'inline') cells.push(inlineTokensText(token.children, true));
  }
  return cells;
}

// --- Inputs -------------------------------------------------------------------------------------

/** Everything the issue names, and the usual suspects. U+0000 is left out: see the module. */
const HOSTILE = [
  '*emphasis* and **strong** and ***both***',
  '_under_ and __double__ and snake_case_name',
  'a*b*c and a_b_c and 2 * 3 * 4',
  '`code` and ``double `tick` code``',
  '[link] and [a](http://x) and [ref][x] and [ref]',
  '![i](x) and ![[embed]] and !',
  '<tags> and <b>bold</b> and </p> and <!-- c --> and <?php ?> and <!DOCTYPE html>',
  '<script>alert(1)</script>',
  '<http://x> and <mailto:a@b.c> and <a@b.co> and <1@x.co>',
  '# heading',
  '#tag and a #tag and C# and Issue #12 and ## and #',
  '> quoted',
  '1. item',
  '1) item',
  '10. item',
  '- item',
  '+ item',
  '* item',
  '-',
  '--',
  '---',
  '***',
  '___',
  '- - -',
  '_ _ _',
  'heading\n===',
  'heading\n=',
  'heading\n---',
  'heading\n-',
  '| a | b |\n| --- | --- |\n| c | d |',
  'a | b\n-|-',
  'a|b',
  '    indented code',
  '\t tab then space',
  '\ttab',
  '```\nfenced\n```',
  '~~~\nfenced\n~~~',
  '&amp; &copy; &#65; &#x41; &notanentity; AT&T & more &',
  '&amp',
  '&#',
  'a\\',
  '\\',
  'a\\b C:\\Users\\me \\* \\\\ \\`',
  'trailing backslash \\',
  '~~strike~~ and ~single~ and ~5 minutes',
  '==highlight== and a == b and a = b',
  '$x$ and $$display$$ and costs $5',
  '%%comment%% and 50% and %',
  '[[wikilink]] and [[w|alias]]',
  'footnote[^1] and ^[inline] and a ^block-id',
  '^caret',
  '[^1]: definition',
  '[foo]: /url "title"',
  '> [!note] callout',
  '- [ ] task',
  'Emoji 👨‍👩‍👧 👍🏽 🇺🇦, cafe\u0301, 𝒳, RTL עברית العربية \u202e reversed',
  'zero\u200bwidth\u00a0nbsp\u2003em',
  '\u00a0leading nbsp and trailing\u00a0',
  'a\r\nb',
  'a\rb',
  '\r',
  'a\n\n\nb',
  'a\n\n\n\n\nb',
  '\na',
  '\n\n\na',
  'a\n',
  'a\n\n\n',
  '\n',
  '\n\n',
  ' ',
  '  two  ',
  '\t',
  ' \n \n ',
  'trailing two  \nnext',
  'a  \n  b',
  'line\\\nbreak',
  '<',
  '>',
  '<=',
  'a < b > c',
  'first\n# not a heading\n> not a quote\n- not a list\n1. not a list\n+ no',
  'U.S. policy - today',
  'x\u000by\u000cz',
  '\u2028separator\u2029',
  '',
];

/** Every example of the CommonMark spec as input; U+0000 (example 26-ish) cannot survive. */
const SPEC_INPUTS = SPEC_EXAMPLES.map((example) => example.markdown).filter(
  (md) => !md.includes('\0'),
);

const SINGLE_UNITS = [
  ...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  ' ',
  ' ',
  ' ',
  '  ',
  '\t',
  ...'0129aAbxZ',
  'é',
  '中',
  '😀',
  '\u0301',
  '\u00a0',
  '\u2003',
  '\u200b',
  '\u000c',
  '\u000b',
  '\u2028',
];
const SEQUENCES = [
  '&amp;',
  '&#65;',
  '&#x41;',
  '&copy',
  '<a>',
  '</a>',
  '<!--',
  '-->',
  'http://x',
  '```',
  '~~',
  '==',
  '%%',
  '$$',
  '[[',
  ']]',
  '](',
  '1. ',
  '1) ',
  '- ',
  '* ',
  '+ ',
  '> ',
  '# ',
  '#tag',
  '    ',
  '***',
  '---',
  '___',
  '\\',
  '\\\\',
];
const LINE_UNIT = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SINGLE_UNITS) },
  { weight: 2, arbitrary: fc.constantFrom(...SEQUENCES) },
);
const BLOCK_UNIT = fc.oneof(
  { weight: 8, arbitrary: LINE_UNIT },
  { weight: 2, arbitrary: fc.constantFrom('\n', '\n', '\n\n', '\r', '\r\n') },
);
const lineText = fc.string({ unit: LINE_UNIT, maxLength: 30 });
const blockText = fc.string({ unit: BLOCK_UNIT, maxLength: 50 });
const RUNS = { numRuns: 2000 };

// --- markdownBlock ------------------------------------------------------------------------------

describe('markdownBlock', () => {
  it.each(HOSTILE)('reads back %j exactly', (text) => {
    const md = markdownBlock(text);
    expect(readBlock(md)).toBe(text);
    expect(readGfm(md, false)).toBe(text);
  });

  it('reads back every CommonMark spec example exactly', () => {
    const failures = SPEC_INPUTS.filter((text) => {
      try {
        const md = markdownBlock(text);
        return readBlock(md) !== text || readGfm(md, false) !== text;
      } catch {
        return true;
      }
    });
    expect(SPEC_INPUTS.length).toBeGreaterThan(600);
    expect(failures).toEqual([]);
  });

  it('reads back random text exactly', () => {
    fc.assert(
      fc.property(blockText, (text) => {
        const md = markdownBlock(text);
        expect(readBlock(md)).toBe(text);
        if (markdownItKeeps(text)) expect(readGfm(md, false)).toBe(text);
      }),
      RUNS,
    );
  });

  it('reads back any Unicode text but U+0000 exactly', () => {
    const anyUnit = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.constantFrom('\n', ' ', '*', '\\', '&', '#', '\ud800'),
    );
    fc.assert(
      fc.property(fc.string({ unit: anyUnit, maxLength: 40 }), (raw) => {
        const text = raw.replaceAll('\0', '');
        expect(readBlock(markdownBlock(text))).toBe(text);
        expect(readBlockquote(markdownBlockquote(text))).toBe(text);
      }),
      RUNS,
    );
  });

  it('cannot keep U+0000: CommonMark reads it as U+FFFD', () => {
    expect(readBlock(markdownBlock('a\0b'))).toBe('a\ufffdb');
  });

  it('returns nothing for nothing', () => {
    expect(markdownBlock('')).toBe('');
  });

  it('writes paragraphs and hard breaks, with extra blank lines as breaks', () => {
    expect(markdownBlock('a\nb')).toBe('a\\\nb');
    expect(markdownBlock('a\n\nb')).toBe('a\n\nb');
    expect(markdownBlock('a\n\n\nb')).toBe('a\n\n\\\nb');
    expect(markdownBlock('\na')).toBe('\\\na');
    expect(markdownBlock('a\n')).toBe('a&#10;');
    expect(markdownBlock('\n')).toBe('&#10;');
    expect(markdownBlock('  two  ')).toBe('&#32; two &#32;');
    expect(markdownBlock('a\r\nb')).toBe('a&#13;\\\nb');
  });

  it('leaves prose readable', () => {
    const plain = [
      'U.S. policy - today',
      'The minister said, in 2019, that costs rose 5% (from 3 to 4) — “a lot”; really?',
      'snake_case_name and 2 * 3 = 6 and a < b > c',
      'C:\\Users\\me and AT&T rates',
      '1.5 million people, 3) reasons, #1 fan? No: # 1.',
    ];
    for (const text of plain) expect(markdownBlock(text)).toBe(text.replace('#1', '\\#1'));
    expect(markdownBlock('U.S. policy - today')).not.toContain('\\');
  });

  it('escapes line starts only where they would be markup', () => {
    expect(markdownBlock('# x')).toBe('\\# x');
    expect(markdownBlock('> x')).toBe('\\> x');
    expect(markdownBlock('1. x')).toBe('1\\. x');
    expect(markdownBlock('10) x')).toBe('10\\) x');
    expect(markdownBlock('- x')).toBe('\\- x');
    expect(markdownBlock('+ x')).toBe('\\+ x');
    expect(markdownBlock('---')).toBe('\\---');
    expect(markdownBlock('a\n===')).toBe('a\\\n\\=\\=\\=');
    expect(markdownBlock('-x and 1.5 and +1')).toBe('-x and 1.5 and +1');
  });
});

// --- Obsidian's own syntax ------------------------------------------------------------------------

/** The output with every backslash escape taken out: what is left is written raw. */
function rawParts(md: string): string {
  return md.replace(/\\[!-/:-@[-`{-~]/g, '\u0001');
}

describe('Obsidian syntax', () => {
  it.each([
    ['~~strike~~', '~'],
    ['==highlight==', '=='],
    ['$x$ and $$y$$', '$'],
    ['%%comment%%', '%%'],
    ['[[wikilink]] and ![[embed]]', '['],
    ['note[^1] and ^[inline]', '['],
    ['#tag and x#y and #', '#'],
    ['a line ^block-id', '^'],
  ])('leaves no raw markup in %j', (text, markup) => {
    expect(rawParts(markdownBlock(text))).not.toContain(markup);
    expect(rawParts(escapeInline(text))).not.toContain(markup);
    expect(rawParts(tableCell(text))).not.toContain(markup);
  });

  it('keeps markup characters raw only where they are inert', () => {
    expect(markdownBlock('a = b, 50%, 2^10, a ~ b, $ 5 and # 1')).toBe(
      'a = b, 50%, 2^10, a ~ b, $ 5 and # 1',
    );
  });
});

// --- markdownBlockquote ---------------------------------------------------------------------------

describe('markdownBlockquote', () => {
  it.each(HOSTILE)('reads back %j exactly, as one quote', (text) => {
    const md = markdownBlockquote(text);
    expect(readBlockquote(md)).toBe(text);
    expect(readGfm(md, true)).toBe(text);
  });

  it('reads back every CommonMark spec example exactly', () => {
    const failures = SPEC_INPUTS.filter((text) => {
      try {
        const md = markdownBlockquote(text);
        return readBlockquote(md) !== text || readGfm(md, true) !== text;
      } catch {
        return true;
      }
    });
    expect(failures).toEqual([]);
  });

  it('reads back random text exactly', () => {
    fc.assert(
      fc.property(blockText, (text) => {
        const md = markdownBlockquote(text);
        expect(readBlockquote(md)).toBe(text);
        if (markdownItKeeps(text)) expect(readGfm(md, true)).toBe(text);
      }),
      RUNS,
    );
  });

  it('quotes every line, blank ones as ">"', () => {
    expect(markdownBlockquote('')).toBe('');
    expect(markdownBlockquote('a\nb\n\nc')).toBe('> a\\\n> b\n>\n> c');
  });
});

// --- escapeInline and linkText ----------------------------------------------------------------

/** Places an inline string is written into, and how to read it back out of each. */
const INLINE_CONTEXTS: Record<string, (text: string) => string> = {
  'a whole paragraph': (text) => readParagraph(escapeInline(text)),
  'a paragraph, after a prefix': (text) => readParagraph(`Colour: ${escapeInline(text)}`).slice(8),
  'quotation marks': (text) => readParagraph(`“${escapeInline(text)}”`).slice(1, -1),
  'a paragraph, before a suffix': (text) =>
    readParagraph(`${escapeInline(text)} · more`).slice(0, -7),
  'a heading': (text) => {
    const heading = onlyChild(commonmark.parse(`# ${escapeInline(text)}`), 'heading');
    return inlineText(heading);
  },
  'a list item': (text) => {
    const item = onlyChild(onlyChild(commonmark.parse(`- ${escapeInline(text)}`), 'list'), 'item');
    return item.firstChild === null ? '' : inlineText(onlyChild(item, 'paragraph'));
  },
  'a link label': (text) => {
    const doc = commonmark.parse(`From [${linkText(text)}](<marginalia://open?article=1>)`);
    const paragraph = onlyChild(doc, 'paragraph');
    const [from, link, ...rest] = childrenOf(paragraph);
    if (from?.literal !== 'From ' || link?.type !== 'link' || rest.length > 0) {
      throw new Error('not one link after "From "');
    }
    return inlineText(link);
  },
  'a GFM paragraph, after a prefix': (text) =>
    markdownItKeeps(text) ? readGfm(`Colour: ${escapeInline(text)}`, false).slice(8) : text,
};

describe('escapeInline', () => {
  const singleLines = HOSTILE.filter((text) => !/[\n\r]/.test(text));

  describe.each(Object.entries(INLINE_CONTEXTS))('in %s', (_name, readBack) => {
    it.each(singleLines)('reads back %j exactly', (text) => {
      expect(readBack(text)).toBe(text);
    });

    it('reads back random single lines exactly', () => {
      fc.assert(
        fc.property(lineText, (text) => {
          expect(readBack(text)).toBe(text);
        }),
        RUNS,
      );
    });
  });

  it('keeps line endings out of the result', () => {
    expect(escapeInline('a\nb\r')).toBe('a&#10;b&#13;');
    expect(readParagraph(escapeInline('a\r\nb'))).toBe('a\r\nb');
  });

  it('leaves a plain sentence alone', () => {
    const text = 'Russia planned to run false-flag operations, U.S. officials said (twice).';
    expect(escapeInline(text)).toBe(text);
  });
});

// --- tableCell ------------------------------------------------------------------------------------

describe('tableCell', () => {
  it.each(HOSTILE)('reads back %j exactly, as one cell', (text) => {
    expect(readTableRow(tableCell(text))).toEqual(['x', text, 'z']);
  });

  it('reads back random text exactly, as one cell', () => {
    fc.assert(
      fc.property(blockText, (text) => {
        if (!markdownItKeeps(text)) return;
        expect(readTableRow(tableCell(text))).toEqual(['x', text, 'z']);
      }),
      RUNS,
    );
  });

  it('escapes pipes and breaks lines with <br>', () => {
    expect(tableCell('a|b\nc')).toBe('a\\|b<br>c');
    expect(tableCell('a\\')).toBe('a&#92;');
  });
});

// --- linkDestination ------------------------------------------------------------------------------

/** The destination commonmark.js reads from `[label](destination)`. */
function readDestination(destination: string): string {
  const paragraph = onlyChild(commonmark.parse(`[label](${destination})`), 'paragraph');
  const link = onlyChild(paragraph, 'link');
  expect(inlineText(link)).toBe('label');
  return link.destination ?? '';
}

describe('linkDestination', () => {
  it.each([
    'marginalia://open?article=0190d6e4-8f6b-7c3a&annotation=0190d6e4-9a00-7b11',
    'https://example.com/a_(b)_c?q=(1)#frag',
    'https://example.com/%20encoded%C3%A9',
    "https://example.com/it's;a,b:c@d+e$f=g!h~i*j'",
  ])('gives back %j unchanged', (url) => {
    expect(readDestination(linkDestination(url))).toBe(url);
  });

  // A renderer percent-encodes spaces, non-ASCII and the like in every destination
  // (commonmark.js's normalizeURI); decoding that gives back the URL.
  it.each([
    'https://example.com/with space/and (parens)',
    'https://example.com/<angle>brackets>',
    'C:\\path\\to\\file',
    'https://example.com/?a=1&amp;b=2&copy;&#65;',
    'https://example.com/ünïcode/日本',
    'https://example.com/trailing\\',
    'marginalia://open?article=a b&annotation=<c>',
    'line\nbreak\rreturn',
    '',
  ])('gives back %j after percent-decoding', (url) => {
    expect(decodeURIComponent(readDestination(linkDestination(url)))).toBe(url);
  });

  it('gives back random URLs', () => {
    const urlUnit = fc.constantFrom(
      ...'abcxyz019:/?#&;=+-_.~()[]<>\\ "\'`{}|^!*@$,\t\n\r',
      'é',
      '😀',
      '&amp;',
      '&#65;',
      '\\<',
    );
    fc.assert(
      fc.property(fc.string({ unit: urlUnit, maxLength: 40 }), (url) => {
        expect(decodeURIComponent(readDestination(linkDestination(url)))).toBe(url);
      }),
      RUNS,
    );
  });

  it('percent-encodes only line endings and U+0000', () => {
    expect(linkDestination('a\nb\rc\0')).toBe('<a%0Ab%0Dc%00>');
    expect(linkDestination('a<b>c\\d&amp;e&f')).toBe('<a\\<b\\>c\\\\d\\&amp;e&f>');
  });
});
