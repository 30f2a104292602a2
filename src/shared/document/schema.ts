/**
 * The one ProseMirror schema for articles. Importers build documents in it, the store keeps them
 * as its JSON, and the reader renders them with it. Node names follow prosemirror-markdown's so
 * its parser can target this schema directly.
 */
import { Schema, type DOMOutputSpec } from 'prosemirror-model';
import { isLocalImageSrc, isSafeLinkHref } from './url-policy';

const pDOM: DOMOutputSpec = ['p', 0];
const blockquoteDOM: DOMOutputSpec = ['blockquote', 0];
const hrDOM: DOMOutputSpec = ['hr'];
const preDOM: DOMOutputSpec = ['pre', ['code', 0]];
const brDOM: DOMOutputSpec = ['br'];

export const articleSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { content: 'inline*', group: 'block', toDOM: () => pDOM },
    heading: {
      attrs: { level: { default: 2, validate: 'number' } },
      content: 'inline*',
      group: 'block',
      defining: true,
      toDOM: (node) => [`h${Math.min(6, Math.max(1, Number(node.attrs['level'])))}`, 0],
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
      // Only local images (data: URLs of raster types) are ever kept by the importers.
      attrs: {
        src: { validate: 'string' },
        alt: { default: null },
        title: { default: null },
      },
      // Checked again when drawn, whatever the importer let through: nothing remote ever loads.
      toDOM: (node) => [
        'img',
        {
          src: isLocalImageSrc(String(node.attrs['src'])) ? String(node.attrs['src']) : '',
          alt: (node.attrs['alt'] as string | null) ?? '',
          title: (node.attrs['title'] as string | null) ?? undefined,
        },
      ],
    },
    hard_break: { inline: true, group: 'inline', selectable: false, toDOM: () => brDOM },
  },
  marks: {
    em: { toDOM: () => ['em', 0] },
    strong: { toDOM: () => ['strong', 0] },
    code: { toDOM: () => ['code', 0] },
    link: {
      attrs: { href: { validate: 'string' }, title: { default: null } },
      inclusive: false,
      // Opened outside the reader (the system browser), and only for safe schemes.
      toDOM: (mark) => {
        const href = String(mark.attrs['href']);
        return [
          'a',
          {
            ...(isSafeLinkHref(href) ? { href } : {}),
            title: (mark.attrs['title'] as string | null) ?? undefined,
            target: '_blank',
            rel: 'noopener noreferrer nofollow',
          },
          0,
        ];
      },
    },
  },
});
