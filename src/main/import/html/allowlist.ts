/// <reference lib="dom" />
/**
 * The allowlist: the only ProseMirror parse rules imported HTML goes through. The schema's own
 * `parseDOM` is never used. An element named here becomes the node or mark it names, with only
 * the attributes its `getAttrs` computes (a link's checked address, an image's local source);
 * an element in `DROPPED_ELEMENTS` disappears with everything inside it; any other element
 * contributes only its content, as if it were not there. No attribute of the page is copied as
 * is, so event handlers, styles and classes cannot reach the document.
 */
import type { TagParseRule } from 'prosemirror-model';

/**
 * Elements removed with their content: active or embedded content (scripts, frames, plugins,
 * forms and their controls, SVG and MathML with their handlers and mutation-XSS shapes, media),
 * and head elements (titles, meta refresh, `<base>`, stylesheets).
 */
export const DROPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'portal',
  'form',
  'input',
  'button',
  'select',
  'option',
  'optgroup',
  'datalist',
  'textarea',
  'output',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'source',
  'track',
  'map',
  'area',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'noembed',
  'noframes',
]);

/** What the rules need from the import: checked addresses. */
export interface ConversionPolicy {
  /** The address a link may keep (absolute, http(s) or mailto), or null to keep only its text. */
  resolveLink(href: string): string | null;
  /** A local `data:` URL for an image source, or '' when it is remote, refused or over the cap. */
  resolveImage(src: string): string;
}

/** Largest colspan/rowspan kept; the schema draws at most 100 too. */
const MAX_SPAN = 100;

function span(element: HTMLElement, name: string): number {
  const value = Number.parseInt(element.getAttribute(name) ?? '', 10);
  return Number.isInteger(value) && value > 1 ? Math.min(value, MAX_SPAN) : 1;
}

function cellAttrs(element: HTMLElement) {
  return { colspan: span(element, 'colspan'), rowspan: span(element, 'rowspan') };
}

/** Text attributes are kept as plain strings, trimmed, and bounded in length. */
function textAttr(element: HTMLElement, name: string, max = 1000): string | null {
  const value = element.getAttribute(name)?.replace(/\s+/g, ' ').trim() ?? '';
  return value ? value.slice(0, max) : null;
}

/**
 * A `<figure>` becomes a figure node only when it is one image with an optional caption; a
 * figure of several images, of a quotation, or of text keeps its content as ordinary blocks.
 */
function isImageFigure(figure: HTMLElement): boolean {
  let images = 0;
  const stack: Node[] = [figure];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if ((child.nodeValue ?? '').trim() !== '') return false;
      } else if (child.nodeType === 1) {
        const name = (child as Element).localName;
        if (name === 'img') images++;
        else if (name !== 'figcaption' && !DROPPED_ELEMENTS.has(name)) stack.push(child);
      }
    }
  }
  return images === 1;
}

function orderOf(list: HTMLElement): number {
  const start = Number.parseInt(list.getAttribute('start') ?? '', 10);
  return Number.isSafeInteger(start) && start >= 0 ? start : 1;
}

/** The parse rules for one import; `policy` decides addresses. */
export function allowlistRules(policy: ConversionPolicy): TagParseRule[] {
  const imageAttrs = (element: HTMLElement) => ({
    src: policy.resolveImage(element.getAttribute('src') ?? ''),
    alt: textAttr(element, 'alt'),
    title: textAttr(element, 'title'),
  });
  // ProseMirror tries the rules in order for every element, so the common ones come first; no two
  // rules name the same element except where the order says which wins (img, figcaption).
  return [
    { tag: 'p', node: 'paragraph' },
    {
      tag: 'a',
      mark: 'link',
      getAttrs: (a) => {
        const href = policy.resolveLink(a.getAttribute('href') ?? '');
        return href ? { href, title: textAttr(a, 'title') } : false;
      },
    },
    { tag: 'em', mark: 'em' },
    { tag: 'i', mark: 'em' },
    { tag: 'cite', mark: 'em' },
    { tag: 'strong', mark: 'strong' },
    { tag: 'b', mark: 'strong' },
    { tag: 's', mark: 'strikethrough' },
    { tag: 'del', mark: 'strikethrough' },
    { tag: 'strike', mark: 'strikethrough' },
    { tag: 'sub', mark: 'subscript' },
    { tag: 'sup', mark: 'superscript' },
    { tag: 'code', mark: 'code' },
    { tag: 'kbd', mark: 'code' },
    { tag: 'samp', mark: 'code' },
    { tag: 'tt', mark: 'code' },
    ...[1, 2, 3, 4, 5, 6].map((level): TagParseRule => ({
      tag: `h${level}`,
      node: 'heading',
      attrs: { level },
    })),
    { tag: 'blockquote', node: 'blockquote' },
    { tag: 'hr', node: 'horizontal_rule' },
    { tag: 'pre', node: 'code_block', preserveWhitespace: 'full' },
    { tag: 'ul', node: 'bullet_list' },
    { tag: 'ol', node: 'ordered_list', getAttrs: (ol) => ({ order: orderOf(ol) }) },
    { tag: 'li', node: 'list_item' },
    { tag: 'dt', node: 'paragraph' },
    { tag: 'summary', node: 'paragraph' },
    { tag: 'br', node: 'hard_break' },

    { tag: 'table', node: 'table' },
    { tag: 'tr', node: 'table_row' },
    { tag: 'th', node: 'table_header', getAttrs: cellAttrs },
    { tag: 'td', node: 'table_cell', getAttrs: cellAttrs },

    { tag: 'figure', node: 'figure', getAttrs: (figure) => (isImageFigure(figure) ? null : false) },
    { tag: 'img', node: 'figure_image', context: 'figure/', getAttrs: imageAttrs },
    { tag: 'figcaption', node: 'figcaption', context: 'figure/' },
    { tag: 'figcaption', node: 'paragraph' },
    {
      tag: 'img',
      node: 'image',
      // An image with neither a local source nor alt text would be an empty placeholder (a
      // tracking pixel, a spacer): it is left out.
      getAttrs: (img) => {
        const attrs = imageAttrs(img);
        return attrs.src || attrs.alt ? attrs : false;
      },
    },
    { tag: 'img', ignore: true },

    ...Array.from(DROPPED_ELEMENTS, (tag): TagParseRule => ({ tag, ignore: true })),
  ];
}
