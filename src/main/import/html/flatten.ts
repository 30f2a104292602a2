/// <reference lib="dom" />
/**
 * Bounding the depth of a page before anything recursive walks it (RELIABILITY 1). Readability and
 * ProseMirror's DOMParser recurse once per level of nesting, so 10,000 nested elements would
 * overflow the stack or take quadratic time. Every element deeper than `MAX_DEPTH` is replaced by
 * its text, split into paragraphs where block elements were, with dropped elements (scripts,
 * styles, …) left out as the conversion would leave them out. Both walks here are iterative.
 */
import { DROPPED_ELEMENTS } from './allowlist';

/**
 * Deepest element kept as structure, counted from `<body>`. Real news pages nest 20–60 levels
 * (framework wrappers included); 120 keeps all of that and bounds the recursion of the converter
 * (a few stack frames per level) far below Node's stack size.
 */
export const MAX_DEPTH = 120;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose edges separate paragraphs when a subtree is flattened to text. */
const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/** The text of `root`'s subtree as paragraphs, without dropped elements' text. */
function paragraphsOf(root: Element): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const breakParagraph = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
    current = '';
  };
  // Depth-first with an explicit stack; a null entry marks the end of a block element.
  const stack: (Node | null)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === null) {
      breakParagraph();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      current += node.nodeValue ?? '';
    } else if (node.nodeType === ELEMENT_NODE) {
      const name = (node as Element).localName;
      if (DROPPED_ELEMENTS.has(name)) continue;
      if (BLOCK_ELEMENTS.has(name)) {
        breakParagraph();
        stack.push(null);
      }
      const children: Node[] = [];
      for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  breakParagraph();
  return paragraphs;
}

/** Replaces `element` by a `<div>` of `<p>`s holding its text. */
function flatten(element: Element): void {
  const document = element.ownerDocument;
  const div = document.createElement('div');
  for (const text of paragraphsOf(element)) {
    const p = document.createElement('p');
    p.textContent = text;
    div.appendChild(p);
  }
  element.replaceWith(div);
}

/** Flattens every element deeper than `maxDepth` below `root`; answers how many subtrees were flattened. */
export function flattenDeepNesting(root: Element, maxDepth: number = MAX_DEPTH): number {
  let flattened = 0;
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    for (let child = element.firstElementChild; child;) {
      const next = child.nextElementSibling;
      if (depth + 1 > maxDepth) {
        flatten(child);
        flattened++;
      } else {
        stack.push([child, depth + 1]);
      }
      child = next;
    }
  }
  return flattened;
}
