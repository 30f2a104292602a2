/**
 * What the schema tells the view to draw, checked on its DOM output specs (no DOM needed): no
 * attribute can carry a URL except a local raster data: image source and a safe link address,
 * whatever a stored document holds (RELIABILITY 6, 11), and cell spans are clamped.
 */
import type { DOMOutputSpec, Mark, Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { articleSchema as s, cellSpan, MAX_CELL_SPAN } from '../../../src/shared/document/schema';

const LOCAL_SRC = 'data:image/png;base64,iVBORw0KGgo=';
const HOSTILE_SRCS = [
  'https://tracker.example/pixel.gif',
  '//tracker.example/x.png',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
  'file:///etc/passwd',
  '',
];

/** Every attribute of every element in a DOM output spec, as [tag, name, value]. */
function attributes(spec: unknown): [string, string, string][] {
  if (!Array.isArray(spec)) return [];
  const [tag, ...rest] = spec as [string, ...unknown[]];
  const out: [string, string, string][] = [];
  for (const part of rest) {
    if (Array.isArray(part)) out.push(...attributes(part));
    else if (part && typeof part === 'object') {
      for (const [name, value] of Object.entries(part as Record<string, unknown>)) {
        if (value !== undefined && value !== null) out.push([tag, name, String(value)]);
      }
    }
  }
  return out;
}

/** The tag name at the top of a DOM output spec. */
function tagOf(spec: DOMOutputSpec): unknown {
  return Array.isArray(spec) ? (spec as readonly unknown[])[0] : null;
}

function nodeSpec(node: Node): DOMOutputSpec {
  return node.type.spec.toDOM!(node);
}
function markSpec(mark: Mark): DOMOutputSpec {
  return mark.type.spec.toDOM!(mark, true);
}

describe('image output', () => {
  it.each(HOSTILE_SRCS)(
    'draws an image with source %j as a placeholder, with no source at all',
    (src) => {
      for (const type of ['image', 'figure_image'] as const) {
        const spec = nodeSpec(s.node(type, { src, alt: 'A map' }));
        const attrs = attributes(spec);
        expect(tagOf(spec)).not.toBe('img');
        expect(attrs.filter(([, name]) => /src|href|url|poster|background/i.test(name))).toEqual(
          [],
        );
        expect(attrs.map(([, , value]) => value).join(' ')).not.toContain(src || '\u0000');
        expect(Object.fromEntries(attrs.map(([, n, v]) => [n, v]))).toMatchObject({
          class: 'image-placeholder',
          role: 'img',
          'aria-label': 'Image not loaded: A map',
          'data-alt': 'A map',
        });
      }
    },
  );

  it('draws a local raster data: image as an <img> with that source', () => {
    expect(nodeSpec(s.node('image', { src: LOCAL_SRC, alt: 'chart' }))).toEqual([
      'img',
      { src: LOCAL_SRC, alt: 'chart', title: undefined },
    ]);
    expect(tagOf(nodeSpec(s.node('figure_image', { src: LOCAL_SRC, alt: null })))).toBe('img');
  });

  it('uses a block placeholder in a figure and an inline one in text', () => {
    expect(tagOf(nodeSpec(s.node('figure_image', { src: '' })))).toBe('div');
    expect(tagOf(nodeSpec(s.node('image', { src: '' })))).toBe('span');
  });

  it('refuses an alt or title that is not a string, and draws one it is handed as absent', () => {
    expect(() => s.nodeFromJSON({ type: 'image', attrs: { src: '', alt: 7 } })).toThrow(RangeError);
    expect(() => s.nodeFromJSON({ type: 'figure_image', attrs: { src: '', title: {} } })).toThrow(
      RangeError,
    );
    // Validation can be bypassed by a document built without it; drawing still copes.
    const odd = {
      type: s.nodes.image,
      attrs: { src: 7, alt: { x: 1 }, title: 7 },
    } as unknown as Node;
    const attrs = Object.fromEntries(attributes(nodeSpec(odd)).map(([, n, v]) => [n, v]));
    expect(attrs['data-alt']).toBe('');
    expect(attrs['title']).toBeUndefined();
    expect(attrs['class']).toBe('image-placeholder');
  });
});

describe('link output', () => {
  it.each([
    'javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,x',
    'file:///x',
    'vbscript:x',
  ])('draws a link to %j with no href', (href) => {
    const attrs = attributes(markSpec(s.mark('link', { href })));
    expect(attrs.filter(([, name]) => name === 'href')).toEqual([]);
  });

  it('keeps an http(s) link, opened outside the reader', () => {
    const attrs = Object.fromEntries(
      attributes(markSpec(s.mark('link', { href: 'https://example.org/a' }))).map(([, n, v]) => [
        n,
        v,
      ]),
    );
    expect(attrs).toMatchObject({ href: 'https://example.org/a', target: '_blank' });
    expect(attrs['rel']).toContain('noopener');
  });
});

describe('table cells', () => {
  it.each([
    [1, 1],
    [3, 3],
    [2.7, 2],
    [0, 1],
    [-4, 1],
    [Number.NaN, 1],
    [1e9, MAX_CELL_SPAN],
    [Infinity, 1],
  ])('clamps a span of %s to %s', (value, expected) => {
    const cell = s.node('table_cell', { colspan: value, rowspan: value }, [s.node('paragraph')]);
    expect(cellSpan(cell, 'colspan')).toBe(expected);
    const attrs = Object.fromEntries(attributes(nodeSpec(cell)).map(([, n, v]) => [n, v]));
    expect(attrs['colspan']).toBe(expected > 1 ? String(expected) : undefined);
    expect(attrs['rowspan']).toBe(expected > 1 ? String(expected) : undefined);
  });

  it('wraps a table in its scroll container, and header cells are <th>', () => {
    const table = s.node('table', null, [
      s.node('table_row', null, [s.node('table_header', null, [s.node('paragraph')])]),
    ]);
    expect(nodeSpec(table)).toEqual(['div', { class: 'table-scroll' }, ['table', ['tbody', 0]]]);
    expect(tagOf(nodeSpec(table.firstChild!.firstChild!))).toBe('th');
  });
});

describe('headings', () => {
  it('clamps a level outside 1–6, and draws a level that is not a whole number as h2', () => {
    const tag = (level: number) => tagOf(nodeSpec(s.node('heading', { level })));
    expect([tag(1), tag(6), tag(0), tag(9), tag(Number.NaN), tag(2.5)]).toEqual([
      'h1',
      'h6',
      'h1',
      'h6',
      'h2',
      'h2',
    ]);
  });
});
