/**
 * Turns what the user selected in the reader into a canonical-text range, from the DOM selection
 * (the reader is read-only, so the DOM is the truth about what is selected).
 */
import type { EditorView } from 'prosemirror-view';
import { posToOffset, type TextMap } from '../../../shared/document/canonical-text';

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export function selectedRange(
  view: EditorView,
  map: TextMap,
  selection: Selection | null = view.dom.ownerDocument.getSelection(),
): TextRange | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!view.dom.contains(range.startContainer) || !view.dom.contains(range.endContainer))
    return null;
  let from: number;
  let to: number;
  try {
    from = view.posAtDOM(range.startContainer, range.startOffset);
    to = view.posAtDOM(range.endContainer, range.endOffset);
  } catch {
    return null;
  }
  let start = posToOffset(map, Math.min(from, to));
  let end = posToOffset(map, Math.max(from, to));
  // Leading and trailing whitespace is never part of a highlight.
  while (start < end && /\s/.test(map.text[start]!)) start++;
  while (end > start && /\s/.test(map.text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}
