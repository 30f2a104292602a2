/**
 * Markdown import of GFM tables and strikethrough into the schema's table and strikethrough
 * nodes, with the same hostile-input rules inside cells as outside (RELIABILITY 6, 8, 11), and the
 * round trip from our own Markdown export back into a document with the same text.
 */
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/main/import/markdown';
import { canonicalText } from '../../../src/shared/document/canonical-text';
import { articleSchema as s } from '../../../src/shared/document/schema';
import { documentToMarkdown } from '../../../src/shared/export/document-markdown';

function parse(source: string): Node {
  const { document } = parseMarkdown(source, 'fallback');
  document.check();
  return document;
}

/** The document's structure as nested node names, text left out. */
function shape(node: Node): unknown {
  if (node.isText) return 'text';
  if (node.childCount === 0) return node.type.name;
  const children: unknown[] = [];
  node.forEach((child) => children.push(shape(child)));
  return { [node.type.name]: children };
}

function nodesOf(document: Node, name: string): Node[] {
  const out: Node[] = [];
  document.descendants((n) => {
    if (n.type.name === name) out.push(n);
  });
  return out;
}

function marksOf(document: Node): string[] {
  const out: string[] = [];
  document.descendants((n) => {
    if (n.isText) for (const m of n.marks) out.push(`${m.type.name}:${n.text}`);
  });
  return out;
}

const TABLE = [
  '| Country | Troops |',
  '| :--- | ---: |',
  '| Russia | 130,000 |',
  '| Ukraine | *unknown* |',
].join('\n');

describe('parseMarkdown: GFM tables', () => {
  it('makes a table of header and body cells, each holding a paragraph', () => {
    const document = parse(`Before.\n\n${TABLE}\n\nAfter.`);
    const cell = (kind: string) => ({ [kind]: [{ paragraph: ['text'] }] });
    expect(shape(document)).toEqual({
      doc: [
        { paragraph: ['text'] },
        {
          table: [
            { table_row: [cell('table_header'), cell('table_header')] },
            { table_row: [cell('table_cell'), cell('table_cell')] },
            { table_row: [cell('table_cell'), cell('table_cell')] },
          ],
        },
        { paragraph: ['text'] },
      ],
    });
    expect(canonicalText(document)).toBe(
      ['Before.', 'Country', 'Troops', 'Russia', '130,000', 'Ukraine', 'unknown', 'After.'].join(
        '\n\n',
      ),
    );
    expect(marksOf(document)).toEqual(['em:unknown']);
  });

  it('gives an empty cell an empty paragraph, and a short row its missing cells', () => {
    const document = parse('| a | b |\n| - | - |\n|  | x |\n| y |');
    expect(canonicalText(document)).toBe(['a', 'b', '', 'x', 'y', ''].join('\n\n'));
  });

  it('turns an unescaped <br> in a cell into a line break, and keeps an escaped one as text', () => {
    const document = parse('| h |\n| - |\n| one<br>two<br/>three \\<br> four |');
    expect(nodesOf(document, 'hard_break')).toHaveLength(2);
    expect(canonicalText(document)).toBe('h\n\none\ntwo\nthree <br> four');
  });

  it('keeps <br> outside a table as literal text: raw HTML stays text there (RELIABILITY 8)', () => {
    const document = parse('one<br>two');
    expect(nodesOf(document, 'hard_break')).toHaveLength(0);
    expect(canonicalText(document)).toBe('one<br>two');
  });

  it('keeps raw HTML in a cell as literal text (RELIABILITY 8)', () => {
    const document = parse(
      '| h |\n| - |\n| <script>alert(1)</script> |\n| <img src=x onerror=alert(1)> |',
    );
    expect(canonicalText(document)).toBe(
      'h\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>',
    );
    expect(nodesOf(document, 'image')).toHaveLength(0);
  });

  it('drops unsafe links and remote images inside cells as it does elsewhere (RELIABILITY 6, 11)', () => {
    const document = parse(
      '| h |\n| - |\n| [bad](javascript:alert(1)) [good](https://example.org) |\n| ![a chart](https://evil.example/x.png) |',
    );
    const hrefs = nodesOf(document, 'text').flatMap((n) =>
      n.marks.filter((m) => m.type.name === 'link').map((m) => String(m.attrs['href'])),
    );
    expect(hrefs).toEqual(['https://example.org']);
    expect(nodesOf(document, 'image')).toHaveLength(0);
    expect(canonicalText(document)).toBe('h\n\nbad good\n\na chart');
  });

  it('drops an all-empty header row (as our export writes for a table without one)', () => {
    const document = parse('|  |  |\n| --- | --- |\n| a | b |');
    expect(nodesOf(document, 'table_header')).toHaveLength(0);
    expect(canonicalText(document)).toBe('a\n\nb');
    // A table of nothing but an empty header row is kept as it is.
    const lone = parse('|  |\n| --- |');
    expect(nodesOf(lone, 'table_header')).toHaveLength(1);
  });

  it('reads escaped pipes as text, in code spans too', () => {
    const document = parse('| a \\| b | `x\\|y` |\n| - | - |');
    expect(canonicalText(document)).toBe('a | b\n\nx|y');
    expect(marksOf(document)).toEqual(['code:x|y']);
  });
});

describe('parseMarkdown: strikethrough', () => {
  it('marks ~~text~~ as struck through, alone or with other marks', () => {
    const document = parse('Was ~~withdrawn~~ and ***~~both~~***.');
    expect(canonicalText(document)).toBe('Was withdrawn and both.');
    expect(marksOf(document).sort()).toEqual(
      ['em:both', 'strikethrough:both', 'strikethrough:withdrawn', 'strong:both'].sort(),
    );
  });

  it('leaves single or escaped tildes as text', () => {
    const document = parse('~one~ and \\~~two~~');
    expect(marksOf(document)).toEqual([]);
    expect(canonicalText(document)).toBe('~one~ and ~~two~~');
  });
});

describe('export → import round trip', () => {
  const p = (...content: (Node | string)[]) =>
    s.node(
      'paragraph',
      null,
      content.map((c) => (typeof c === 'string' ? s.text(c) : c)),
    );
  const struck = (text: string) => s.text(text, [s.mark('strikethrough')]);
  const original = s.node('doc', null, [
    p('Claims that were ', struck('later withdrawn'), ' stay visible.'),
    s.node('table', null, [
      s.node('table_row', null, [
        s.node('table_header', null, [p('Claim | source')]),
        s.node('table_header', null, [p('Status')]),
      ]),
      s.node('table_row', null, [
        s.node('table_cell', null, [p('Troops ', struck('pulled back'))]),
        s.node('table_cell', null, [p(s.text('a|b', [s.mark('code')]), ' ~tilde~ \\ <br> *')]),
      ]),
    ]),
    p('After the table.'),
  ]);

  it('gives back a table and strikethrough with the same structure, marks and text', () => {
    original.check();
    const markdown = documentToMarkdown(original);
    const back = parse(markdown);
    expect(shape(back)).toEqual(shape(original));
    expect(canonicalText(back)).toBe(canonicalText(original));
    expect(marksOf(back)).toEqual(marksOf(original));
    expect(back.eq(original)).toBe(true);
  });

  it('gives back a table without a header row without adding one', () => {
    const headless = s.node('doc', null, [
      s.node('table', null, [
        s.node('table_row', null, [
          s.node('table_cell', null, [p('a')]),
          s.node('table_cell', null, [p('b')]),
        ]),
      ]),
    ]);
    const back = parse(documentToMarkdown(headless));
    expect(back.eq(headless)).toBe(true);
  });
});
