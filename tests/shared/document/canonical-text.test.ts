/**
 * Canonical text: the string every annotation is anchored to, and the offset ↔ position maps.
 * Example tests pin the exact text of each node kind; property tests check, over random documents
 * (nested lists and blockquotes, marks splitting text, hard breaks, images, emoji and surrogate
 * pairs), that the maps agree with ProseMirror's own `textBetween`.
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

const IMAGE_SRC = 'data:image/png;base64,iVBORw0KGgo=';

/** ProseMirror's own view of the canonical text: the reference the maps must agree with. */
const leafText = (leaf: Node): string => (leaf.type.name === 'hard_break' ? '\n' : '');
function pmText(doc: Node, from: number, to: number): string {
  return doc.textBetween(from, to, BLOCK_SEPARATOR, leafText);
}

const p = (...content: (Node | string)[]) =>
  s.node(
    'paragraph',
    null,
    content.map((c) => (typeof c === 'string' ? s.text(c) : c)),
  );
const doc = (...blocks: Node[]) => s.node('doc', null, blocks);
const br = () => s.node('hard_break');
const img = () => s.node('image', { src: IMAGE_SRC, alt: 'a map' });

describe('canonicalText', () => {
  it('joins the text blocks of every kind, in document order, with the block separator', () => {
    const d = doc(
      s.node('heading', { level: 1 }, [s.text('Title')]),
      p('First ', s.text('bold', [s.mark('strong')]), ' para.'),
      s.node('bullet_list', null, [
        s.node('list_item', null, [
          p('item one'),
          s.node('ordered_list', null, [s.node('list_item', null, [p('nested')])]),
        ]),
        s.node('list_item', null, [p('item two')]),
      ]),
      s.node('blockquote', null, [p('quoted'), s.node('blockquote', null, [p('deeper')])]),
      s.node('horizontal_rule'),
      s.node('code_block', { params: 'ts' }, [s.text('const a = 1;\nconst b = 2;')]),
      p('end'),
    );
    expect(canonicalText(d)).toBe(
      [
        'Title',
        'First bold para.',
        'item one',
        'nested',
        'item two',
        'quoted',
        'deeper',
        'const a = 1;\nconst b = 2;',
        'end',
      ].join('\n\n'),
    );
  });

  it('counts a hard break as "\\n" and an image as nothing', () => {
    const d = doc(p('line one', br(), 'line ', img(), 'two'), p(img()), p('x'));
    expect(canonicalText(d)).toBe('line one\nline two\n\n\n\nx');
  });

  it('keeps empty text blocks, so each contributes a separator', () => {
    expect(canonicalText(doc(p('a'), p(), p('b')))).toBe('a\n\n\n\nb');
    expect(canonicalText(doc(p()))).toBe('');
  });

  it('gives no text for a document without text blocks', () => {
    const map = buildTextMap(doc(s.node('horizontal_rule')));
    expect(map.text).toBe('');
    expect(map.blocks).toEqual([]);
    expect(offsetToPos(map, 0)).toBe(0);
    expect(posToOffset(map, 1)).toBe(0);
  });

  it('records each block span with its document position and text offsets', () => {
    const d = doc(p('ab'), s.node('blockquote', null, [p('cd')]));
    const { blocks } = buildTextMap(d);
    expect(blocks.map((b) => [b.pos, b.start, b.end])).toEqual([
      [1, 0, 2],
      // <p>ab</p> is 4 wide; then <blockquote> opens at 4 and <p> at 5, so content starts at 6.
      [6, 4, 6],
    ]);
  });
});

describe('offsetToPos / posToOffset on a fixed document', () => {
  // "Hello " + em("wörld") + hard_break + "😀!" | "second"
  const d = doc(p('Hello ', s.text('wörld', [s.mark('em')]), br(), '😀!'), p('second'));
  const map = buildTextMap(d);

  it('maps offsets to positions and back inside a block', () => {
    expect(map.text).toBe('Hello wörld\n😀!\n\nsecond');
    expect(offsetToPos(map, 0)).toBe(1);
    expect(offsetToPos(map, 6)).toBe(7); // between the plain and the em text node
    expect(offsetToPos(map, 11)).toBe(12); // before the hard break
    expect(offsetToPos(map, 12)).toBe(13); // after it
    expect(posToOffset(map, 13)).toBe(12);
    expect(posToOffset(map, 12)).toBe(11);
  });

  it('sends an offset inside a separator to the end of the previous block (-1) or the next block (1)', () => {
    const first = map.blocks[0]!;
    const second = map.blocks[1]!;
    const inSeparator = first.end + 1;
    expect(map.text.slice(first.end, second.start)).toBe(BLOCK_SEPARATOR);
    expect(offsetToPos(map, inSeparator, -1)).toBe(first.pos + first.node.content.size);
    expect(offsetToPos(map, inSeparator, 1)).toBe(second.pos);
  });

  it('snaps a position between blocks forward to the next block', () => {
    const second = map.blocks[1]!;
    expect(posToOffset(map, second.pos - 1)).toBe(second.start);
    expect(posToOffset(map, 0)).toBe(0);
    expect(posToOffset(map, d.content.size)).toBe(map.text.length);
  });

  it('clamps offsets past the end of the text to the end of the last block', () => {
    const last = map.blocks[map.blocks.length - 1]!;
    expect(offsetToPos(map, map.text.length + 10, 1)).toBe(last.pos + last.node.content.size);
  });
});

// ---------------------------------------------------------------------------------------------
// Random documents

const textArb = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '😀',
      '👍🏽',
      '👨‍👩‍👧',
      'cafe\u0301',
      'café',
      '\uD83C\uDDFA\uD83C\uDDE6', // a flag: two surrogate pairs
      'مرحبا',
      ' ',
      '\u00A0',
    ),
  },
);

const markSetArb: fc.Arbitrary<readonly Mark[]> = fc
  .subarray(['em', 'strong', 'code'] as const)
  .map((names) => names.map((n) => s.mark(n)));

const inlineArb: fc.Arbitrary<Node> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(textArb, markSetArb).map(([t, marks]) => s.text(t, marks)) },
  { weight: 1, arbitrary: fc.constant(null).map(() => br()) },
  { weight: 1, arbitrary: fc.constant(null).map(() => img()) },
);

const inlinesArb = fc.array(inlineArb, { maxLength: 8 });

const { block } = fc.letrec<{ block: Node }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: inlinesArb.map((c) => s.node('paragraph', null, c)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 1, max: 6 }), inlinesArb)
        .map(([level, c]) => s.node('heading', { level }, c)),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }), { maxLength: 3 })
        .map((lines) => lines.join('\n'))
        .map((t) => s.node('code_block', null, t ? [s.text(t)] : [])),
    },
    { weight: 1, arbitrary: fc.constant(null).map(() => s.node('horizontal_rule')) },
    {
      weight: 1,
      arbitrary: fc
        .array(tie('block'), { minLength: 1, maxLength: 3 })
        .map((c) => s.node('blockquote', null, c)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.boolean(),
          fc.array(fc.array(tie('block'), { minLength: 1, maxLength: 3 }), {
            minLength: 1,
            maxLength: 3,
          }),
        )
        .map(([ordered, items]) =>
          s.node(
            ordered ? 'ordered_list' : 'bullet_list',
            null,
            items.map((c) => s.node('list_item', null, c)),
          ),
        ),
    },
  ),
}));

const docArb = fc.array(block, { minLength: 1, maxLength: 6 }).map((blocks) => {
  const d = s.node('doc', null, blocks);
  d.check();
  return d;
});

/** Every offset that lies inside a block (its ends included), with the block's index. */
function offsetsInBlocks(map: TextMap): number[] {
  const out: number[] = [];
  for (const b of map.blocks) for (let o = b.start; o <= b.end; o++) out.push(o);
  return out;
}

// Enough runs to meet nested lists, marks and emoji together; each run checks every offset.
const RUNS = { numRuns: 150 };
// Generous, so that a loaded machine does not fail a property that holds (not a speed check).
const SLOW = { timeout: 60_000 };

describe('canonical text of random documents', SLOW, () => {
  it("equals ProseMirror's textBetween over the whole document", () => {
    fc.assert(
      fc.property(docArb, (d) => {
        expect(canonicalText(d)).toBe(pmText(d, 0, d.content.size));
      }),
      RUNS,
    );
  });

  it('lists blocks in order, separated by exactly the separator, each holding its own text', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const map = buildTextMap(d);
        let expectedStart = 0;
        map.blocks.forEach((b, i) => {
          expect(b.start).toBe(expectedStart);
          expect(d.nodeAt(b.pos - 1)).toBe(b.node);
          expect(map.text.slice(b.start, b.end)).toBe(
            pmText(d, b.pos, b.pos + b.node.content.size),
          );
          if (i > 0)
            expect(map.text.slice(b.start - BLOCK_SEPARATOR.length, b.start)).toBe(BLOCK_SEPARATOR);
          expectedStart = b.end + BLOCK_SEPARATOR.length;
        });
        const last = map.blocks[map.blocks.length - 1];
        expect(map.text.length).toBe(last ? last.end : 0);
      }),
      RUNS,
    );
  });
});

describe('offsetToPos and posToOffset on random documents', SLOW, () => {
  it('are inverse for every offset inside a block, with either bias', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const map = buildTextMap(d);
        for (const o of offsetsInBlocks(map)) {
          expect(posToOffset(map, offsetToPos(map, o, 1))).toBe(o);
          expect(posToOffset(map, offsetToPos(map, o, -1))).toBe(o);
        }
      }),
      RUNS,
    );
  });

  it('put every offset inside a block at a position inside that block', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const map = buildTextMap(d);
        for (const b of map.blocks) {
          for (let o = b.start; o <= b.end; o++) {
            for (const bias of [-1, 1] as const) {
              const pos = offsetToPos(map, o, bias);
              expect(pos).toBeGreaterThanOrEqual(b.pos);
              expect(pos).toBeLessThanOrEqual(b.pos + b.node.content.size);
              // The text before the position in this block is exactly the text before the offset.
              expect(pmText(d, b.pos, pos)).toBe(map.text.slice(b.start, o));
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('give, for every position inside a block, the offset of the text before it', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const map = buildTextMap(d);
        for (const b of map.blocks) {
          for (let pos = b.pos; pos <= b.pos + b.node.content.size; pos++) {
            const o = posToOffset(map, pos);
            expect(map.text.slice(b.start, o)).toBe(pmText(d, b.pos, pos));
            // Back again: the position found for that offset holds the same text before it.
            expect(pmText(d, b.pos, offsetToPos(map, o, -1))).toBe(pmText(d, b.pos, pos));
          }
        }
      }),
      RUNS,
    );
  });

  it('agree with textBetween on any range whose ends are inside blocks', () => {
    fc.assert(
      fc.property(
        docArb.chain((d) => {
          const offsets = offsetsInBlocks(buildTextMap(d));
          // A document of rules alone has no offsets inside a block.
          const pick = offsets.length ? fc.constantFrom(...offsets) : fc.constant(0);
          return fc.tuple(fc.constant(d), pick, pick);
        }),
        ([d, a, b]) => {
          const map = buildTextMap(d);
          if (map.blocks.length === 0) return;
          const [start, end] = a <= b ? [a, b] : [b, a];
          if (start === end) return;
          const from = offsetToPos(map, start, 1);
          const to = offsetToPos(map, end, -1);
          expect(from).toBeLessThanOrEqual(to);
          expect(pmText(d, from, to)).toBe(map.text.slice(start, end));
        },
      ),
      RUNS,
    );
  });

  it('are monotonic: later offsets never map to earlier positions, nor later positions to earlier offsets', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const map = buildTextMap(d);
        let previous = -1;
        for (let o = 0; o <= map.text.length; o++) {
          const pos = offsetToPos(map, o, 1);
          expect(pos).toBeGreaterThanOrEqual(previous);
          previous = pos;
        }
        let previousOffset = -1;
        for (let pos = 0; pos <= d.content.size; pos++) {
          const o = posToOffset(map, pos);
          expect(o).toBeGreaterThanOrEqual(previousOffset);
          expect(o).toBeGreaterThanOrEqual(0);
          expect(o).toBeLessThanOrEqual(map.text.length);
          previousOffset = o;
        }
      }),
      RUNS,
    );
  });

  it('map offsets inside a separator to the end of the previous block (-1) or the start of the next (1)', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const map = buildTextMap(d);
        for (let i = 1; i < map.blocks.length; i++) {
          const prev = map.blocks[i - 1]!;
          const next = map.blocks[i]!;
          for (let o = prev.end + 1; o < next.start; o++) {
            expect(offsetToPos(map, o, -1)).toBe(prev.pos + prev.node.content.size);
            expect(offsetToPos(map, o, 1)).toBe(next.pos);
          }
        }
      }),
      RUNS,
    );
  });

  it('snap positions outside any block forward to the start of the next block', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const map = buildTextMap(d);
        for (let pos = 0; pos <= d.content.size; pos++) {
          const inside = map.blocks.find((b) => b.pos <= pos && pos <= b.pos + b.node.content.size);
          if (inside) continue;
          const next = map.blocks.find((b) => b.pos > pos);
          const last = map.blocks[map.blocks.length - 1];
          expect(posToOffset(map, pos)).toBe(next ? next.start : (last?.end ?? 0));
        }
      }),
      RUNS,
    );
  });
});
