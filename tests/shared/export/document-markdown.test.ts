/**
 * The blocks news pages bring, as Markdown: GFM pipe tables (pipes escaped, spans laid out, a
 * header row always), figures (a local image as itself, any other as `[Image: alt]`, the caption
 * italic), strikethrough and sub/superscript. Checked against exact output and, for structure,
 * against markdown-it with GFM tables, the parser our own import uses.
 */
import MarkdownIt from 'markdown-it';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import type { DocumentJson } from '../../../src/shared/contract/entities';
import { articleToMarkdown } from '../../../src/shared/export/article-markdown';
import { documentToMarkdown } from '../../../src/shared/export/document-markdown';
import { articleSchema as s } from '../../../src/shared/document/schema';

const LOCAL_SRC = 'data:image/png;base64,iVBORw0KGgo=';

const t = (text: string, ...marks: string[]) =>
  s.text(
    text,
    marks.map((m) => s.mark(m)),
  );
const p = (...content: (Node | string)[]) =>
  s.node(
    'paragraph',
    null,
    content.map((c) => (typeof c === 'string' ? s.text(c) : c)),
  );
const doc = (...blocks: Node[]) => {
  const d = s.node('doc', null, blocks);
  d.check();
  return d;
};
const th = (...blocks: Node[]) => s.node('table_header', null, blocks);
const td = (attrs: Record<string, number> | null, ...blocks: Node[]) =>
  s.node('table_cell', attrs, blocks);
const tr = (...cells: Node[]) => s.node('table_row', null, cells);
const table = (...rows: Node[]) => s.node('table', null, rows);
const figure = (src: string, alt: string | null, caption?: (Node | string)[]) =>
  s.node('figure', null, [
    s.node('figure_image', { src, alt }),
    ...(caption
      ? [
          s.node(
            'figcaption',
            null,
            caption.map((c) => (typeof c === 'string' ? s.text(c) : c)),
          ),
        ]
      : []),
  ]);

const gfm = MarkdownIt('commonmark', { html: false }).enable(['table', 'strikethrough']);

/** The cells markdown-it reads from Markdown, row by row, as rendered HTML of their content. */
function parsedCells(markdown: string): string[][] {
  const rows: string[][] = [];
  const tokens = gfm.parse(markdown, {});
  tokens.forEach((token, i) => {
    if (token.type === 'tr_open') rows.push([]);
    if (token.type === 'th_open' || token.type === 'td_open') {
      const inline = tokens[i + 1]!;
      rows[rows.length - 1]!.push(
        gfm.renderer.renderInline(inline.children ?? [], gfm.options, {}),
      );
    }
  });
  return rows;
}

describe('tables as GFM pipe tables', () => {
  it('writes a header row, the delimiter row and one line per row', () => {
    const md = documentToMarkdown(
      doc(
        table(
          tr(th(p('Country')), th(p('Troops'))),
          tr(td(null, p('Russia')), td(null, p('130,000'))),
        ),
      ),
    );
    expect(md).toBe(['| Country | Troops |', '| --- | --- |', '| Russia | 130,000 |'].join('\n'));
    expect(parsedCells(md)).toEqual([
      ['Country', 'Troops'],
      ['Russia', '130,000'],
    ]);
  });

  it('escapes a pipe in text and inside a code span, and keeps a backslash before it', () => {
    const md = documentToMarkdown(
      doc(
        table(
          tr(th(p('a | b')), th(p(t('x|y', 'code')))),
          tr(td(null, p('c\\|d')), td(null, p('e\\'))),
        ),
      ),
    );
    expect(md.split('\n')[0]).toBe('| a \\| b | `x\\|y` |');
    expect(parsedCells(md)).toEqual([
      ['a | b', '<code>x|y</code>'],
      ['c\\|d', 'e\\'],
    ]);
  });

  it("joins a cell's blocks and line breaks with <br>, and escapes a <br> that is text", () => {
    const md = documentToMarkdown(
      doc(
        table(
          tr(th(p('Head'))),
          tr(td(null, p('one', s.node('hard_break'), 'two'), p('three <br> four'))),
        ),
      ),
    );
    expect(md.split('\n')[2]).toBe('| one<br>two<br>three \\<br> four |');
  });

  it('keeps marks and safe links inside cells', () => {
    const link = s.mark('link', { href: 'https://example.org/a' });
    const md = documentToMarkdown(
      doc(
        table(
          tr(
            th(
              p(
                t('bold', 'strong'),
                ' ',
                s.text('source', [link]),
                ' ',
                t('gone', 'strikethrough'),
              ),
            ),
          ),
        ),
      ),
    );
    expect(parsedCells(md)).toEqual([
      ['<strong>bold</strong> <a href="https://example.org/a">source</a> <s>gone</s>'],
    ]);
  });

  it('lays spans out as empty cells so every cell stays in its column', () => {
    const md = documentToMarkdown(
      doc(
        table(
          tr(th(p('A')), th(p('B')), th(p('C'))),
          tr(td({ colspan: 2 }, p('wide')), td(null, p('c1'))),
          tr(td({ rowspan: 2 }, p('tall')), td(null, p('b2')), td(null, p('c2'))),
          tr(td(null, p('b3')), td(null, p('c3'))),
        ),
      ),
    );
    expect(parsedCells(md)).toEqual([
      ['A', 'B', 'C'],
      ['wide', '', 'c1'],
      ['tall', 'b2', 'c2'],
      ['', 'b3', 'c3'],
    ]);
  });

  it('clamps a huge or broken span instead of writing thousands of cells', () => {
    const md = documentToMarkdown(
      doc(table(tr(td({ colspan: 1e9 }, p('x')), td({ colspan: Number.NaN }, p('y'))))),
    );
    const widths = parsedCells(md).map((row) => row.length);
    expect(Math.max(...widths)).toBe(101);
  });

  it('gives a table without a header row an empty one, since GFM needs it', () => {
    const md = documentToMarkdown(doc(table(tr(td(null, p('a')), td(null, p('b'))))));
    expect(md).toBe(['|  |  |', '| --- | --- |', '| a | b |'].join('\n'));
    expect(parsedCells(md)).toEqual([
      ['', ''],
      ['a', 'b'],
    ]);
  });

  it('prefixes every row inside a blockquote, so the table stays in the quote', () => {
    const md = documentToMarkdown(
      doc(s.node('blockquote', null, [table(tr(th(p('q'))), tr(td(null, p('r'))))])),
    );
    expect(md).toBe(['> | q |', '> | --- |', '> | r |'].join('\n'));
  });

  it('separates a table from the paragraphs around it by blank lines', () => {
    const md = documentToMarkdown(doc(p('before'), table(tr(th(p('h')))), p('after')));
    expect(md).toBe(['before', '', '| h |', '| --- |', '', 'after'].join('\n'));
  });
});

describe('figures and images', () => {
  it('writes a remote figure image as the words the reader shows, never its address', () => {
    const md = documentToMarkdown(
      doc(
        figure('https://tracker.example.com/map.png', 'A map [1]', [
          'Troops near the ',
          t('border', 'em'),
        ]),
      ),
    );
    expect(md).toBe(['\\[Image: A map \\[1\\]\\]', '', '*Troops near the border*'].join('\n'));
    expect(md).not.toContain('tracker.example.com');
    expect(gfm.render(md)).not.toContain('<img');
  });

  it('writes a local figure image as itself, with its caption italic and its inner marks nested', () => {
    const md = documentToMarkdown(
      doc(figure(LOCAL_SRC, 'chart', ['Rates, ', t('2022', 'strong')])),
    );
    expect(md).toBe([`![chart](<${LOCAL_SRC}>)`, '', '*Rates, **2022***'].join('\n'));
    expect(gfm.render(md)).toContain(`<img src="${LOCAL_SRC}" alt="chart"`);
    expect(gfm.render(md)).toContain('<em>Rates, <strong>2022</strong></em>');
  });

  it('writes a figure image without alt text as [Image], and a caption-only figure as its caption', () => {
    expect(documentToMarkdown(doc(figure('', null)))).toBe('\\[Image\\]');
    const captionOnly = s.node('figure', null, [
      s.node('figcaption', null, [s.text('Only words')]),
    ]);
    expect(documentToMarkdown(doc(captionOnly))).toBe('*Only words*');
  });

  it('writes an inline image as its alt text when local and as [Image: alt] when remote', () => {
    const md = documentToMarkdown(
      doc(
        p(
          'See ',
          s.node('image', { src: LOCAL_SRC, alt: 'the chart' }),
          ' and ',
          s.node('image', { src: '', alt: 'a photo' }),
          '.',
        ),
      ),
    );
    expect(md).toBe('See the chart and \\[Image: a photo\\].');
  });

  it('writes a figure inside a table cell on the cell line', () => {
    const md = documentToMarkdown(
      doc(table(tr(th(figure('https://x.example/p.png', 'pic', ['cap']))))),
    );
    expect(md.split('\n')[0]).toBe('| \\[Image: pic\\]<br>*cap* |');
  });
});

describe('strikethrough, subscript and superscript', () => {
  it('writes ~~strikethrough~~ and <sub>/<sup>, with spaces kept outside the tildes', () => {
    const md = documentToMarkdown(
      doc(
        p(
          'H',
          t('2', 'subscript'),
          'O, E = mc',
          t('2', 'superscript'),
          ', ',
          t(' withdrawn ', 'strikethrough'),
          'text',
        ),
      ),
    );
    expect(md).toBe('H<sub>2</sub>O, E = mc<sup>2</sup>,  ~~withdrawn~~ text');
    expect(gfm.render(md)).toContain('<s>withdrawn</s>');
  });

  it('escapes a tilde of the text, so it never becomes strikethrough', () => {
    const md = documentToMarkdown(doc(p('~~not struck~~')));
    expect(gfm.render(md)).not.toContain('<s>');
  });
});

describe('the article text section of an export', () => {
  it('uses the same serializer, tables included', () => {
    const document = doc(table(tr(th(p('h'))), tr(td(null, p('v'))))).toJSON() as DocumentJson;
    const md = articleToMarkdown(
      {
        article: {
          id: '01950000-0000-7000-8000-000000000001',
          title: 'T',
          byline: null,
          site: null,
          sourceUrl: null,
          publishedAt: null,
        },
        text: '',
        document,
        annotations: [],
      },
      { groupBy: 'none', includeText: true },
      '2026-01-01T00:00:00.000Z',
    );
    expect(md.endsWith('## Article text\n\n| h |\n| --- |\n| v |\n')).toBe(true);
  });
});
