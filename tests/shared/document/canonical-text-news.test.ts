/**
 * Canonical text of the blocks news pages bring: tables (cells' blocks, row by row), figures (the
 * caption is text, the image none), placeholder images and the strikethrough and sub/superscript
 * marks. A fixed document pins the exact text and the offset ↔ position maps on it; property
 * tests over random documents with tables and figures check the maps against ProseMirror's own
 * `textBetween`, as canonical-text.test.ts does for the older blocks.
 */
import fc from 'fast-check';
import type { Mark, Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import {
  BLOCK_SEPARATOR,
  buildTextMap,
  canonicalText,
  offsetToPos,
  posToOffset,
  type TextMap,
} from '../../../src/shared/document/canonical-text';
import { articleSchema as s } from '../../../src/shared/document/schema';

const LOCAL_SRC = 'data:image/png;base64,iVBORw0KGgo=';

/** ProseMirror's own view of the canonical text: the reference the maps must agree with. */
const leafText = (leaf: Node): string => (leaf.type.name === 'hard_break' ? '\n' : '');
function pmText(doc: Node, from: number, to: number): string {
  return doc.textBetween(from, to, BLOCK_SEPARATOR, leafText);
}

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
const th = (...blocks: Node[]) => s.node('table_header', null, blocks);
const td = (attrs: Record<string, number> | null, ...blocks: Node[]) =>
  s.node('table_cell', attrs, blocks);
const tr = (...cells: Node[]) => s.node('table_row', null, cells);
const figure = (src: string, alt: string, caption?: (Node | string)[]) =>
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

/** A news page in miniature: every new node and mark, between ordinary paragraphs. */
const newsDoc = s.node('doc', null, [
  p('Before the table.'),
  s.node('table', null, [
    tr(th(p('Country')), th(p('Troops'))),
    tr(td(null, p('Russia')), td(null, p('130,000'), p('estimated'))),
    tr(td({ colspan: 2 }, p('Source: ', t('NATO', 'strong')))),
  ]),
  figure('https://example.com/map.png', 'A map of the border', [
    'Troops near the ',
    t('border', 'em'),
  ]),
  figure(LOCAL_SRC, 'A local chart'),
  p(
    'CO',
    t('2', 'subscript'),
    ' and x',
    t('2', 'superscript'),
    ' were ',
    t('not', 'strikethrough'),
    ' seen ',
    s.node('image', { src: '', alt: 'remote photo' }),
    'here.',
  ),
]);

const EXPECTED_TEXT = [
  'Before the table.',
  'Country',
  'Troops',
  'Russia',
  '130,000',
  'estimated',
  'Source: NATO',
  'Troops near the border',
  'CO2 and x2 were not seen here.',
].join(BLOCK_SEPARATOR);

function rangeOf(map: TextMap, phrase: string): { start: number; end: number } {
  const start = map.text.indexOf(phrase);
  if (start === -1) throw new Error(`"${phrase}" is not in the text`);
  return { start, end: start + phrase.length };
}

/** The name of the innermost node around `pos` that is not a text block. */
function containerAt(doc: Node, pos: number): string {
  const $pos = doc.resolve(pos);
  return $pos.node($pos.depth - 1).type.name;
}

describe('canonical text of tables, figures and the new marks', () => {
  newsDoc.check();
  const map = buildTextMap(newsDoc);

  it("reads a table's cells row by row, each cell block a block; a figure is its caption; images are nothing", () => {
    expect(canonicalText(newsDoc)).toBe(EXPECTED_TEXT);
    expect(map.text).toBe(pmText(newsDoc, 0, newsDoc.content.size));
  });

  it('gives a figure without a caption, and an empty figure, neither text nor a separator', () => {
    const d = s.node('doc', null, [
      p('a'),
      figure(LOCAL_SRC, 'chart'),
      s.node('figure', null, []),
      p('b'),
    ]);
    expect(canonicalText(d)).toBe('a\n\nb');
  });

  it('counts an empty caption and an empty cell as empty blocks, like an empty paragraph', () => {
    const d = s.node('doc', null, [
      s.node('figure', null, [s.node('figcaption')]),
      s.node('table', null, [tr(td(null, p()), td(null, p('x')))]),
    ]);
    expect(canonicalText(d)).toBe('\n\n\n\nx');
  });

  it('maps a phrase inside a table cell to positions inside that cell, and back', () => {
    for (const phrase of ['130,000', 'estimated', 'NATO', 'Country']) {
      const { start, end } = rangeOf(map, phrase);
      const from = offsetToPos(map, start, 1);
      const to = offsetToPos(map, end, -1);
      expect(newsDoc.textBetween(from, to)).toBe(phrase);
      expect(['table_cell', 'table_header']).toContain(containerAt(newsDoc, from));
      expect(posToOffset(map, from)).toBe(start);
      expect(posToOffset(map, to)).toBe(end);
    }
  });

  it('maps a phrase inside a caption into the figcaption, and marked text like any other', () => {
    const caption = rangeOf(map, 'near the border');
    const from = offsetToPos(map, caption.start, 1);
    const to = offsetToPos(map, caption.end, -1);
    expect(newsDoc.textBetween(from, to)).toBe('near the border');
    expect(newsDoc.resolve(from).parent.type.name).toBe('figcaption');

    const marked = rangeOf(map, 'CO2 and x2 were not');
    const a = offsetToPos(map, marked.start, 1);
    const b = offsetToPos(map, marked.end, -1);
    expect(newsDoc.textBetween(a, b)).toBe('CO2 and x2 were not');
  });

  it('steps over a placeholder image: the words around it are adjacent in the text', () => {
    const { start, end } = rangeOf(map, 'seen here');
    const from = offsetToPos(map, start, 1);
    const to = offsetToPos(map, end, -1);
    const images: string[] = [];
    newsDoc.nodesBetween(from, to, (node) => {
      if (node.type.name === 'image') images.push(String(node.attrs['alt']));
    });
    expect(images).toEqual(['remote photo']);
    expect(pmText(newsDoc, from, to)).toBe('seen here');
  });

  it('round-trips every offset inside a block, with either bias', () => {
    for (const b of map.blocks) {
      for (let o = b.start; o <= b.end; o++) {
        expect(posToOffset(map, offsetToPos(map, o, 1))).toBe(o);
        expect(posToOffset(map, offsetToPos(map, o, -1))).toBe(o);
      }
    }
  });

  it('round-trips every position inside a block, and snaps the others forward', () => {
    for (let pos = 0; pos <= newsDoc.content.size; pos++) {
      const inside = map.blocks.find((b) => b.pos <= pos && pos <= b.pos + b.node.content.size);
      const o = posToOffset(map, pos);
      if (inside) {
        expect(map.text.slice(inside.start, o)).toBe(pmText(newsDoc, inside.pos, pos));
        expect(pmText(newsDoc, inside.pos, offsetToPos(map, o, -1))).toBe(
          pmText(newsDoc, inside.pos, pos),
        );
      } else {
        const next = map.blocks.find((b) => b.pos > pos);
        expect(o).toBe(next ? next.start : map.text.length);
      }
    }
  });

  it('sends offsets in the separator between two cells to the end of one or the start of the other', () => {
    const country = map.blocks.find((b) => b.node.textContent === 'Country')!;
    const troops = map.blocks.find((b) => b.node.textContent === 'Troops')!;
    expect(troops.start - country.end).toBe(BLOCK_SEPARATOR.length);
    expect(offsetToPos(map, country.end + 1, -1)).toBe(country.pos + country.node.content.size);
    expect(offsetToPos(map, country.end + 1, 1)).toBe(troops.pos);
  });
});

// ---------------------------------------------------------------------------------------------
// Random documents with tables and figures

const textArb = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom('😀', 'cafe\u0301', 'مرحبا', ' ', '|') },
);

/** Marks as the schema allows them: subscript and superscript exclude each other. */
const markSetArb: fc.Arbitrary<readonly Mark[]> = fc
  .tuple(
    fc.subarray(['em', 'strong', 'strikethrough'] as const),
    fc.constantFrom([], ['subscript'], ['superscript']),
  )
  .map(([names, raised]) => [...names, ...raised].map((n) => s.mark(n)));

const inlineArb: fc.Arbitrary<Node> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(textArb, markSetArb).map(([x, marks]) => s.text(x, marks)) },
  { weight: 1, arbitrary: fc.constant(null).map(() => s.node('hard_break')) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(LOCAL_SRC, '', 'https://example.com/x.png')
      .map((src) => s.node('image', { src, alt: 'alt' })),
  },
);
const inlinesArb = fc.array(inlineArb, { maxLength: 5 });
const paragraphArb = inlinesArb.map((c) => s.node('paragraph', null, c));

const { block } = fc.letrec<{ block: Node }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: paragraphArb },
    { weight: 1, arbitrary: fc.constant(null).map(() => s.node('horizontal_rule')) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(LOCAL_SRC, ''),
          fc.option(inlinesArb.map((c) => s.node('figcaption', null, c))),
        )
        .map(([src, caption]) =>
          s.node('figure', null, [
            s.node('figure_image', { src, alt: 'x' }),
            ...(caption ? [caption] : []),
          ]),
        ),
    },
    {
      weight: 2,
      arbitrary: fc
        .array(
          fc.array(
            fc.tuple(
              fc.boolean(),
              fc.integer({ min: 1, max: 3 }),
              fc.array(tie('block'), { minLength: 1, maxLength: 2 }),
            ),
            { minLength: 1, maxLength: 3 },
          ),
          { minLength: 1, maxLength: 3 },
        )
        .map((rows) =>
          s.node(
            'table',
            null,
            rows.map((cells) =>
              s.node(
                'table_row',
                null,
                cells.map(([header, colspan, content]) =>
                  s.node(header ? 'table_header' : 'table_cell', { colspan }, content),
                ),
              ),
            ),
          ),
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(tie('block'), { minLength: 1, maxLength: 2 })
        .map((c) => s.node('blockquote', null, c)),
    },
  ),
}));

const docArb = fc.array(block, { minLength: 1, maxLength: 4 }).map((blocks) => {
  const d = s.node('doc', null, blocks);
  d.check();
  return d;
});

const RUNS = { numRuns: 120 };
// Generous, so that a loaded machine does not fail a property that holds (not a speed check).
const SLOW = { timeout: 60_000 };

describe('canonical text of random documents with tables and figures', SLOW, () => {
  it("equals ProseMirror's textBetween over the whole document", () => {
    fc.assert(
      fc.property(docArb, (d) => {
        expect(canonicalText(d)).toBe(pmText(d, 0, d.content.size));
      }),
      RUNS,
    );
  });

  it('round-trips every offset inside a block through a position, with either bias', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const map = buildTextMap(d);
        for (const b of map.blocks) {
          for (let o = b.start; o <= b.end; o++) {
            for (const bias of [-1, 1] as const) {
              const pos = offsetToPos(map, o, bias);
              expect(posToOffset(map, pos)).toBe(o);
              expect(pmText(d, b.pos, pos)).toBe(map.text.slice(b.start, o));
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('agrees with textBetween on any range whose ends are inside blocks', () => {
    fc.assert(
      fc.property(
        docArb.chain((d) => {
          const map = buildTextMap(d);
          const offsets = map.blocks.flatMap((b) =>
            Array.from({ length: b.end - b.start + 1 }, (_, i) => b.start + i),
          );
          const pick = offsets.length ? fc.constantFrom(...offsets) : fc.constant(0);
          return fc.tuple(fc.constant(d), pick, pick);
        }),
        ([d, a, b]) => {
          const map = buildTextMap(d);
          const [start, end] = a <= b ? [a, b] : [b, a];
          if (map.blocks.length === 0 || start === end) return;
          const from = offsetToPos(map, start, 1);
          const to = offsetToPos(map, end, -1);
          expect(pmText(d, from, to)).toBe(map.text.slice(start, end));
        },
      ),
      RUNS,
    );
  });

  it('is monotonic over positions: a later position never gives an earlier offset', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const map = buildTextMap(d);
        let previous = -1;
        for (let pos = 0; pos <= d.content.size; pos++) {
          const o = posToOffset(map, pos);
          expect(o).toBeGreaterThanOrEqual(previous);
          expect(o).toBeLessThanOrEqual(map.text.length);
          previous = o;
        }
      }),
      RUNS,
    );
  });
});
