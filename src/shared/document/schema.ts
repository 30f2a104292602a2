/**
 * The one ProseMirror schema for articles. Importers build documents in it, the store keeps them
 * as its JSON, and the reader renders them with it. Node names follow prosemirror-markdown's so
 * its parser can target this schema directly.
 */
import { Schema, type DOMOutputSpec, type Node } from 'prosemirror-model';
import { isLocalImageSrc, isSafeLinkHref } from './url-policy';

const pDOM: DOMOutputSpec = ['p', 0];
const blockquoteDOM: DOMOutputSpec = ['blockquote', 0];
const hrDOM: DOMOutputSpec = ['hr'];
const preDOM: DOMOutputSpec = ['pre', ['code', 0]];
const brDOM: DOMOutputSpec = ['br'];

/** The widest span a cell may claim; what a page asks beyond it is clamped, never trusted. */
export const MAX_CELL_SPAN = 100;

const cellAttrs = {
  colspan: { default: 1, validate: 'number' },
  rowspan: { default: 1, validate: 'number' },
};

/**
 * A cell's `colspan` or `rowspan` as a whole number from 1 to `MAX_CELL_SPAN`, whatever the
 * stored value (a fraction, 0, a negative or huge number, or not a number at all). The view and
 * the Markdown export both lay tables out with it.
 */
export function cellSpan(node: Node, which: 'colspan' | 'rowspan'): number {
  const value = Number(node.attrs[which]);
  if (!Number.isFinite(value) || value < 1) return 1;
  return Math.min(Math.floor(value), MAX_CELL_SPAN);
}

function cellDOMAttrs(node: Node): Record<string, string> {
  const attrs: Record<string, string> = {};
  const colspan = cellSpan(node, 'colspan');
  const rowspan = cellSpan(node, 'rowspan');
  if (colspan > 1) attrs['colspan'] = String(colspan);
  if (rowspan > 1) attrs['rowspan'] = String(rowspan);
  return attrs;
}

/** A text attribute (alt, title) as a string, or null when absent or not a string. */
function textAttr(node: Node, name: string): string | null {
  const value: unknown = node.attrs[name];
  return typeof value === 'string' ? value : null;
}

/** Attributes of both image kinds. Only `src` may hold a URL, and only a local one is drawn. */
const imageAttrs = {
  src: { validate: 'string' },
  alt: { default: null, validate: 'string|null' },
  title: { default: null, validate: 'string|null' },
};

/**
 * A local image as `<img>`; anything else as a visible placeholder naming its alt text. The
 * placeholder's words come from CSS (`attr(data-alt)`), so they are not text of the article.
 */
function imageDOM(node: Node, placeholderTag: 'span' | 'div'): DOMOutputSpec {
  const src = textAttr(node, 'src') ?? '';
  const alt = textAttr(node, 'alt') ?? '';
  const title = textAttr(node, 'title') ?? undefined;
  if (isLocalImageSrc(src)) return ['img', { src, alt, title }];
  return [
    placeholderTag,
    {
      class: 'image-placeholder',
      role: 'img',
      'aria-label': alt ? `Image not loaded: ${alt}` : 'Image not loaded',
      'data-alt': alt,
      title,
      contenteditable: 'false',
    },
  ];
}

export const articleSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { content: 'inline*', group: 'block', toDOM: () => pDOM },
    heading: {
      attrs: { level: { default: 2, validate: 'number' } },
      content: 'inline*',
      group: 'block',
      defining: true,
      toDOM: (node) => {
        const level = Number(node.attrs['level']);
        return [`h${Number.isInteger(level) ? Math.min(6, Math.max(1, level)) : 2}`, 0];
      },
    },
    blockquote: { content: 'block+', group: 'block', toDOM: () => blockquoteDOM },
    horizontal_rule: { group: 'block', toDOM: () => hrDOM },
    code_block: {
      content: 'text*',
      group: 'block',
      code: true,
      marks: '',
      attrs: { params: { default: '', validate: 'string' } },
      toDOM: () => preDOM,
    },
    ordered_list: {
      content: 'list_item+',
      group: 'block',
      attrs: { order: { default: 1, validate: 'number' }, tight: { default: false } },
      toDOM: (node) =>
        node.attrs['order'] === 1 ? ['ol', 0] : ['ol', { start: String(node.attrs['order']) }, 0],
    },
    bullet_list: {
      content: 'list_item+',
      group: 'block',
      attrs: { tight: { default: false } },
      toDOM: () => ['ul', 0],
    },
    list_item: { content: 'block+', defining: true, toDOM: () => ['li', 0] },
    text: { group: 'inline' },
    image: {
      inline: true,
      group: 'inline',
      draggable: false,
      // Only local images (data: URLs of raster types) keep their source; a remote one is kept as
      // its alt text with an empty source, and drawn as a placeholder.
      attrs: imageAttrs,
      // Checked again when drawn, whatever the importer let through: nothing remote ever loads.
      toDOM: (node) => imageDOM(node, 'span'),
    },
    hard_break: { inline: true, group: 'inline', selectable: false, toDOM: () => brDOM },
    // Tables: each cell holds blocks, so a table's canonical text is its cells' blocks in reading
    // order (row by row, left to right), separated like any other blocks.
    table: {
      content: 'table_row+',
      group: 'block',
      isolating: true,
      toDOM: () => ['div', { class: 'table-scroll' }, ['table', ['tbody', 0]]],
    },
    table_row: { content: '(table_header | table_cell)+', toDOM: () => ['tr', 0] },
    table_header: {
      content: 'block+',
      isolating: true,
      attrs: cellAttrs,
      toDOM: (node) => ['th', cellDOMAttrs(node), 0],
    },
    table_cell: {
      content: 'block+',
      isolating: true,
      attrs: cellAttrs,
      toDOM: (node) => ['td', cellDOMAttrs(node), 0],
    },
    // A figure: its image (a block of its own, no text) and an optional caption, which is text.
    figure: {
      content: 'figure_image? figcaption?',
      group: 'block',
      isolating: true,
      toDOM: () => ['figure', 0],
    },
    figure_image: {
      atom: true,
      selectable: false,
      draggable: false,
      attrs: imageAttrs,
      toDOM: (node) => imageDOM(node, 'div'),
    },
    figcaption: { content: 'inline*', toDOM: () => ['figcaption', 0] },
  },
  marks: {
    em: { toDOM: () => ['em', 0] },
    strong: { toDOM: () => ['strong', 0] },
    code: { toDOM: () => ['code', 0] },
    strikethrough: { toDOM: () => ['s', 0] },
    // Text is either lowered or raised, never both.
    subscript: { excludes: 'subscript superscript', toDOM: () => ['sub', 0] },
    superscript: { excludes: 'subscript superscript', toDOM: () => ['sup', 0] },
    link: {
      attrs: { href: { validate: 'string' }, title: { default: null, validate: 'string|null' } },
      inclusive: false,
      // Opened outside the reader (the system browser), and only for safe schemes.
      toDOM: (mark) => {
        const href = String(mark.attrs['href']);
        return [
          'a',
          {
            ...(isSafeLinkHref(href) ? { href } : {}),
            title: typeof mark.attrs['title'] === 'string' ? mark.attrs['title'] : undefined,
            target: '_blank',
            rel: 'noopener noreferrer nofollow',
          },
          0,
        ];
      },
    },
  },
});
