/**
 * Canonical text: the one string every annotation is anchored to. It is derived from an article's
 * ProseMirror document by joining the text of its text blocks, in document order, with
 * `BLOCK_SEPARATOR`. Hard breaks count as "\n"; images count as nothing. The same function runs
 * in the importer, the store, the service and the reader, so offsets mean the same thing
 * everywhere. Offsets are UTF-16 code units.
 *
 * What that means for each kind of block, by construction rather than by special case:
 * - A table is its cells' blocks in reading order, row by row and left to right, each separated
 *   like any other block (a cell's text blocks are text blocks of the document). Spans change
 *   nothing: a cell is read once, where it starts.
 * - A figure is its caption (a text block); its image is a leaf block with no text, so it adds
 *   neither text nor a separator. A figure without a caption adds nothing.
 * - An image, local or drawn as a placeholder, is nothing: the placeholder's words come from CSS.
 * - Marks (emphasis, strikethrough, sub/superscript, links…) never change the text.
 */
import type { Node } from 'prosemirror-model';

export const BLOCK_SEPARATOR = '\n\n';

/** One text block of a document: where its content starts in the document and in the text. */
export interface TextBlockSpan {
  /** ProseMirror position of the block's first content position. */
  readonly pos: number;
  /** Canonical offset of the block's first character. */
  readonly start: number;
  /** Canonical offset just past the block's last character. */
  readonly end: number;
  /** The block node itself, to walk its inline children. */
  readonly node: Node;
}

/** The canonical text of a document together with the spans that map it back to positions. */
export interface TextMap {
  readonly text: string;
  readonly blocks: readonly TextBlockSpan[];
}

function inlineText(node: Node): string {
  if (node.isText) return node.text ?? '';
  if (node.type.name === 'hard_break') return '\n';
  return '';
}

/** Builds the canonical text of `doc` and the block spans needed to convert offsets. */
export function buildTextMap(doc: Node): TextMap {
  const parts: string[] = [];
  const blocks: TextBlockSpan[] = [];
  let offset = 0;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (blocks.length > 0) {
      parts.push(BLOCK_SEPARATOR);
      offset += BLOCK_SEPARATOR.length;
    }
    let blockText = '';
    node.forEach((child) => {
      blockText += inlineText(child);
    });
    parts.push(blockText);
    blocks.push({ pos: pos + 1, start: offset, end: offset + blockText.length, node });
    offset += blockText.length;
    return false;
  });
  return { text: parts.join(''), blocks };
}

/** The canonical text of `doc`. */
export function canonicalText(doc: Node): string {
  return buildTextMap(doc).text;
}

/** Index of the last block whose `key` is at most `value` (the first block if none is). */
function findBlock(blocks: readonly TextBlockSpan[], value: number, key: 'start' | 'pos'): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid]![key] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Converts a canonical offset to a document position. An offset inside a block separator maps to
 * the end of the previous block when `bias` is -1 and to the start of the next one when it is 1.
 */
export function offsetToPos(map: TextMap, offset: number, bias: -1 | 1 = 1): number {
  const { blocks } = map;
  if (blocks.length === 0) return 0;
  const index = findBlock(blocks, offset, 'start');
  const block = blocks[index]!;
  if (offset > block.end) {
    const next = blocks[index + 1];
    return bias === 1 && next ? next.pos : block.pos + block.node.content.size;
  }
  let remaining = Math.max(0, offset - block.start);
  let pos = block.pos;
  for (let i = 0; i < block.node.childCount; i++) {
    const child = block.node.child(i);
    const length = inlineText(child).length;
    if (child.isText) {
      if (remaining <= length) return pos + remaining;
    } else if (remaining < length || (remaining === 0 && length === 0 && bias === -1)) {
      return pos;
    }
    remaining -= length;
    pos += child.nodeSize;
  }
  return pos;
}

/** Converts a document position to a canonical offset; positions between blocks snap forward. */
export function posToOffset(map: TextMap, pos: number): number {
  const { blocks } = map;
  if (blocks.length === 0) return 0;
  const index = findBlock(blocks, pos, 'pos');
  const block = blocks[index]!;
  const contentEnd = block.pos + block.node.content.size;
  if (pos < block.pos) return block.start;
  if (pos > contentEnd) {
    const next = blocks[index + 1];
    return next ? next.start : block.end;
  }
  let offset = block.start;
  let cursor = block.pos;
  for (let i = 0; i < block.node.childCount && cursor < pos; i++) {
    const child = block.node.child(i);
    const length = inlineText(child).length;
    if (child.isText && cursor + child.nodeSize > pos) return offset + (pos - cursor);
    offset += length;
    cursor += child.nodeSize;
  }
  return offset;
}
