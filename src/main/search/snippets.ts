/**
 * Snippets: short stretches of text around matches, as plain-text parts with the matched parts
 * flagged. Matches come from FTS5's `highlight()` (wrapped in two control characters no article
 * holds) or, for substring search, from looking for the words in JS.
 */
import type { Snippet, SnippetPart } from '../../shared/contract/search';

/** What `highlight()` is asked to put around each match: characters text never holds. */
export const MARK_OPEN = '\u0001';
export const MARK_CLOSE = '\u0002';

/** A match, as [start, end) offsets in the unmarked text. */
export type Range = readonly [number, number];

/** The text without its marks, and where the marked matches are in it. */
export function parseHighlighted(marked: string): { text: string; ranges: Range[] } {
  // Jumps from mark to mark (a long article has few of them): no per-character work.
  const ranges: Range[] = [];
  const pieces: string[] = [];
  let length = 0;
  let open = -1;
  let from = 0;
  for (;;) {
    const nextOpen = marked.indexOf(MARK_OPEN, from);
    const nextClose = marked.indexOf(MARK_CLOSE, from);
    const at =
      nextOpen === -1 ? nextClose : nextClose === -1 ? nextOpen : Math.min(nextOpen, nextClose);
    if (at === -1) break;
    pieces.push(marked.slice(from, at));
    length += at - from;
    from = at + 1;
    if (at === nextOpen) open = length;
    else if (open >= 0) {
      if (length > open) ranges.push([open, length]);
      open = -1;
    }
  }
  pieces.push(marked.slice(from));
  return { text: pieces.join(''), ranges };
}

/** Folds case the way a reader expects, keeping length so offsets stay true. */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text;
}

/** Every place one of the needles occurs (case-insensitive), sorted, overlaps merged. */
export function findRanges(text: string, needles: readonly string[]): Range[] {
  const haystack = lowerSameLength(text);
  const found: [number, number][] = [];
  for (const needle of needles) {
    const n = lowerSameLength(needle);
    if (n === '') continue;
    for (let at = haystack.indexOf(n); at !== -1; at = haystack.indexOf(n, at + n.length)) {
      found.push([at, at + n.length]);
    }
  }
  return mergeRanges(found);
}

export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Moves a cut point to a nearby space (within 20 characters), never inside a character. */
function snapStart(text: string, at: number): number {
  if (at <= 0) return 0;
  const space = text.lastIndexOf(' ', at);
  let cut = space >= 0 && at - space <= 20 ? space + 1 : at;
  if (isLowSurrogate(text.charCodeAt(cut))) cut--;
  return cut;
}

function snapEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const space = text.indexOf(' ', at);
  let cut = space >= 0 && space - at <= 20 ? space : at;
  if (isLowSurrogate(text.charCodeAt(cut))) cut++;
  return cut;
}

/** The snippet of text[start, end) with every range in it flagged. */
function snippetOf(text: string, start: number, end: number, ranges: readonly Range[]): Snippet {
  const parts: SnippetPart[] = [];
  let at = start;
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    const from = Math.max(s, start);
    const to = Math.min(e, end);
    if (from > at) parts.push({ text: text.slice(at, from), match: false });
    parts.push({ text: text.slice(from, to), match: true });
    at = to;
  }
  if (end > at) parts.push({ text: text.slice(at, end), match: false });
  return { parts, truncatedStart: start > 0, truncatedEnd: end < text.length };
}

/** Characters of context on each side of a match. */
const CONTEXT = 60;
/** A field this short is shown whole. */
const WHOLE_FIELD = 240;

/** A snippet around `range`, with context on both sides. */
export function snippetAround(text: string, range: Range, ranges: readonly Range[]): Snippet {
  const start = snapStart(text, range[0] - CONTEXT);
  const end = snapEnd(text, range[1] + CONTEXT);
  return snippetOf(text, start, end, ranges);
}

/** An annotation field's snippet: the whole field when short, else around its first match. */
export function fieldSnippet(text: string, ranges: readonly Range[]): Snippet {
  const flat = text.replace(/\s+/gu, ' ');
  if (flat.length <= WHOLE_FIELD || ranges.length === 0) {
    const end = Math.min(text.length, WHOLE_FIELD);
    return snippetOf(text, 0, snapEnd(text, end), ranges);
  }
  return snippetAround(text, ranges[0]!, ranges);
}

/**
 * Up to `max` snippets of an article's text, each at a match not shown in an earlier one, with
 * where that match is (`offset`, `length`).
 */
export function textSnippets(
  text: string,
  ranges: readonly Range[],
  max: number,
): { offset: number; length: number; snippet: Snippet }[] {
  const out: { offset: number; length: number; snippet: Snippet }[] = [];
  let shownUntil = -1;
  for (const range of ranges) {
    if (out.length >= max) break;
    if (range[0] < shownUntil) continue;
    const snippet = snippetAround(text, range, ranges);
    out.push({ offset: range[0], length: range[1] - range[0], snippet });
    shownUntil = range[1] + CONTEXT + 20;
  }
  return out;
}
