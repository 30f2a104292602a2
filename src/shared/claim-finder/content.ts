/** The content span of an attribution: a quotation with its marks, or an indirect statement. */

const OPENING = new Set(['“', '"', '‘', '«', '„']);
const CLOSING_FOR: Readonly<Record<string, string>> = {
  '“': '”',
  '"': '"',
  '‘': '’',
  '«': '»',
  '„': '“',
};

/** The quotation that opens at `at` (after white space): [start, end) with both marks, or null. */
export function quotationAt(text: string, at: number, limit: number): [number, number] | null {
  let s = at;
  while (s < limit && /\s/.test(text[s]!)) s++;
  const open = text[s];
  if (open === undefined || !OPENING.has(open)) return null;
  // Searched up to `limit` only: an unclosed quote must not scan the rest of a long text.
  const closing = CLOSING_FOR[open]!;
  let close = s + 1;
  while (close < limit && text[close] !== closing) close++;
  if (close >= limit) return null;
  return [s, close + 1];
}

/** The quotation that closes at `end` (white space and one comma before it skipped), or null. */
export function quotationBefore(text: string, from: number, end: number): [number, number] | null {
  let e = end;
  while (e > from && /[\s,]/.test(text[e - 1]!)) e--;
  const close = text[e - 1];
  if (close !== '”' && close !== '"' && close !== '’' && close !== '»') return null;
  const open = close === '”' ? '“' : close === '’' ? '‘' : close === '»' ? '«' : '"';
  // Searched back to `from` only (a stray apostrophe must not scan back through the whole text).
  let start = Math.max(e - 2, 0);
  while (start >= from && text[start] !== open) start--;
  if (start < from) return null;
  return [start, e];
}

/** [start, end) without surrounding white space and without trailing , ; : . or dashes. */
export function trimContent(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /[\s,:—–-]/.test(text[s]!)) s++;
  while (e > s && /[\s.,;:—–-]/.test(text[e - 1]!)) e--;
  return [s, e];
}
