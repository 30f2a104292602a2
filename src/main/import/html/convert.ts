/// <reference lib="dom" />
/**
 * From a DOM subtree to an article document: a few repairs ProseMirror's DOMParser cannot make
 * on its own, the parse through the allowlist rules, then empty blocks pruned so the canonical
 * text carries no blank paragraphs.
 */
import { DOMParser, Fragment, type Node } from 'prosemirror-model';
import { articleSchema } from '../../../shared/document/schema';
import { allowlistRules, type ConversionPolicy } from './allowlist';

/**
 * - `<br>` inside `<pre>` is a line break of the code (a code block holds only text), and a
 *   newline right after `<pre>` is not content (the HTML parser drops it; htmlparser2 does not).
 * - A table's `<caption>` becomes a paragraph before the table (a table holds only rows).
 */
function repair(root: Element): void {
  const document = root.ownerDocument;
  for (const pre of Array.from(root.querySelectorAll('pre'))) {
    for (const br of Array.from(pre.querySelectorAll('br')))
      br.replaceWith(document.createTextNode('\n'));
    const first = pre.firstChild;
    if (first?.nodeType === 3 && first.nodeValue?.startsWith('\n')) {
      first.nodeValue = first.nodeValue.slice(first.nodeValue.startsWith('\r\n') ? 2 : 1);
    }
  }
  for (const caption of Array.from(root.querySelectorAll('caption'))) {
    const table = caption.closest('table');
    const p = document.createElement('p');
    while (caption.firstChild) p.appendChild(caption.firstChild);
    // Before its table; a stray caption (outside any table) becomes a paragraph where it is.
    if (table?.parentNode) {
      caption.remove();
      table.parentNode.insertBefore(p, table);
    } else {
      caption.replaceWith(p);
    }
  }
}

const hasText = (node: Node): boolean => node.textContent.trim() !== '';

function hasImage(node: Node): boolean {
  let found = false;
  node.descendants((child) => {
    if (child.type.name === 'image' || child.type.name === 'figure_image') found = true;
    return !found;
  });
  return found;
}

/** Whether a text block has something to show: text, or an image with a source or alt text. */
function textblockHasContent(node: Node): boolean {
  if (hasText(node)) return true;
  let image = false;
  node.forEach((child) => {
    if (child.type.name === 'image') image = true;
  });
  return image;
}

/**
 * The images of a paragraph that holds images and nothing else, as figures; else null. Such a
 * paragraph is a picture: as figures its images add no empty block to the canonical text.
 */
function imageOnlyParagraph(node: Node): Node[] | null {
  if (node.type.name !== 'paragraph' || hasText(node)) return null;
  const figures: Node[] = [];
  let onlyImages = node.childCount > 0;
  node.forEach((child) => {
    if (child.type.name === 'image') {
      const image = articleSchema.nodes.figure_image.create(child.attrs);
      figures.push(articleSchema.nodes.figure.create(null, [image]));
    } else if (child.type.name !== 'hard_break' && !(child.isText && child.text?.trim() === '')) {
      onlyImages = false;
    }
  });
  return onlyImages && figures.length > 0 ? figures : null;
}

/**
 * A text block without whitespace at its edges. ProseMirror trims a block's own edges, but not the
 * space after a leading image or before a trailing one (`<img> Text`), which the canonical text
 * would keep as a leading space.
 */
function trimEdges(block: Node): Node {
  if (block.type.spec.code) return block;
  const children: Node[] = [];
  block.forEach((child) => children.push(child));
  const first = children.findIndex((c) => c.isText);
  const last = children.findLastIndex((c) => c.isText);
  if (first === -1) return block;
  const trim = (index: number, edge: 'start' | 'end') => {
    const child = children[index]!;
    const text = edge === 'start' ? child.text!.trimStart() : child.text!.trimEnd();
    return text ? articleSchema.text(text, child.marks) : null;
  };
  const trimmed = children.map((child, index) => {
    if (index !== first && index !== last) return child;
    let text: Node | null = child;
    if (index === first) text = trim(index, 'start');
    if (text && index === last) {
      children[index] = text;
      text = trim(index, 'end');
    }
    return text;
  });
  const kept = trimmed.filter((c): c is Node => c !== null);
  return kept.length === children.length && kept.every((c, i) => c === children[i])
    ? block
    : block.type.create(block.attrs, kept, block.marks);
}

/** `node` without empty text blocks and the containers they leave empty; null if nothing is left. */
function prune(node: Node): Node | null {
  if (node.isTextblock) return textblockHasContent(node) ? trimEdges(node) : null;

  if (node.isLeaf) return node;
  const name = node.type.name;
  if (name === 'figure') {
    const kept: Node[] = [];
    node.forEach((child) => {
      if (child.type.name === 'figure_image' || textblockHasContent(child)) kept.push(child);
    });
    return kept.length ? node.copy(Fragment.from(kept)) : null;
  }
  const kept: Node[] = [];
  node.forEach((child) => {
    const pictures = imageOnlyParagraph(child);
    if (pictures) {
      kept.push(...pictures);
      return;
    }
    const pruned = prune(child);
    if (pruned) kept.push(pruned);
  });
  if (name === 'table_cell' || name === 'table_header') {
    // A cell stays, empty or not, so that rows keep their columns.
    return node.type.createAndFill(node.attrs, kept) ?? node;
  }
  if (name === 'table') {
    return hasText(node) || hasImage(node) ? node.copy(Fragment.from(kept)) : null;
  }
  if (kept.length === 0) return name === 'doc' ? node.type.create(null, []) : null;
  return node.type.createAndFill(node.attrs, kept, node.marks) ?? null;
}

/**
 * The article document for the children of `root`, through the allowlist. The document may have
 * no blocks at all (a page with no text); the caller refuses it.
 */
export function convertToDocument(root: Element, policy: ConversionPolicy): Node {
  repair(root);
  const parser = new DOMParser(articleSchema, allowlistRules(policy));
  const parsed = parser.parse(root);
  return prune(parsed) ?? articleSchema.node('doc', null, []);
}
