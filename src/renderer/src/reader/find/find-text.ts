/**
 * Find in article, the text part: the canonical text folded for comparison, with a map from every
 * folded code unit back to the canonical range it came from, and every match of a query in it as
 * exact canonical offsets. Kept free of the DOM so it can be tested and measured on its own.
 *
 * Folding works one code point at a time, so the map is exact even where folding changes lengths:
 * "ß" folds to "ss" (two units, both from one canonical character), "ﬁ" to "fi", "é" to "e", and a
 * combining mark that folds to nothing belongs to the character before it (a match of "e" in
 * "e\u0301" covers both). Text and query go through the same function, so they always agree.
 * Canonical reordering of several combining marks is not done (rare; such text may be missed).
 */

export interface FindOptions {
  /** "A" and "a" are different (otherwise every case is one, "ß" is "ss"). */
  readonly matchCase: boolean;
  /** "é" and "e" are different (otherwise marks are dropped and compatibility forms unfolded). */
  readonly matchAccents: boolean;
}

export const DEFAULT_FIND_OPTIONS: FindOptions = { matchCase: false, matchAccents: false };

/** A match as a canonical range [start, end). */
export interface TextMatch {
  readonly start: number;
  readonly end: number;
}

/** The canonical text folded one way, with the way back. */
export interface FoldedText {
  readonly folded: string;
  /** Canonical offset of the character that produced each folded unit. */
  readonly starts: Int32Array;
  /** Canonical offset just past that character (and the marks that folded away after it). */
  readonly ends: Int32Array;
}

const MARKS = /\p{M}/gu;

/** How one code point folds under `options` (the same for the text and the query). */
function foldCodePoint(char: string, options: FindOptions): string {
  let out = options.matchAccents
    ? char.normalize('NFD')
    : char.normalize('NFKD').replace(MARKS, '');
  // Upper then lower is the full case fold for nearly everything: "ß" → "SS" → "ss", "ς" → "σ";
  // twice, for the few that need it ("ẞ" → "ß" → "ss").
  if (!options.matchCase) out = out.toUpperCase().toLowerCase().toUpperCase().toLowerCase();
  if (!options.matchAccents) out = out.normalize('NFKD').replace(MARKS, '');
  return out;
}

/** A folder that remembers each code point it has folded (a book has few distinct ones). */
function codePointFolder(options: FindOptions): (char: string, code: number) => string {
  const cache = new Map<number, string>();
  return (char, code) => {
    // Plain ASCII: only the case can change.
    if (code < 0x80) return options.matchCase ? char : char.toLowerCase();
    let folded = cache.get(code);
    if (folded === undefined) {
      folded = foldCodePoint(char, options);
      cache.set(code, folded);
    }
    return folded;
  };
}

/** Folds a query the way `foldText` folds the text. */
export function foldQuery(query: string, options: FindOptions): string {
  const fold = codePointFolder(options);
  let out = '';
  for (const char of query) out += fold(char, char.codePointAt(0)!);
  return out;
}

/**
 * Folds the whole canonical text once; searching it afterwards is a plain indexOf loop. A code
 * unit that folds to one unit (nearly all of them) is looked up in a table and written straight
 * into the output; the rest (surrogate pairs, "ß", ligatures, marks) take the slow path.
 */
export function foldText(text: string, options: FindOptions): FoldedText {
  const fold = codePointFolder(options);
  // For each BMP code unit: its one-unit fold + 1, 0 when not yet known, -1 when not one unit.
  const single = new Int32Array(0x10000);
  let capacity = text.length + 16;
  let out: Uint16Array<ArrayBuffer> = new Uint16Array(capacity);
  let starts: Int32Array<ArrayBuffer> = new Int32Array(capacity);
  let ends: Int32Array<ArrayBuffer> = new Int32Array(capacity);
  const reserve = (needed: number) => {
    if (needed <= capacity) return;
    capacity = Math.max(capacity * 2, needed);
    out = grow16(out, capacity);
    starts = grow(starts, capacity);
    ends = grow(ends, capacity);
  };
  let length = 0;
  let i = 0;
  while (i < text.length) {
    const unit = text.charCodeAt(i);
    let known = single[unit]!;
    if (known === 0 && (unit < 0xd800 || unit > 0xdfff)) {
      const piece = fold(text[i]!, unit);
      known = piece.length === 1 ? piece.charCodeAt(0) + 1 : -1;
      single[unit] = known;
    }
    if (known > 0) {
      reserve(length + 1);
      out[length] = known - 1;
      starts[length] = i;
      ends[length] = i + 1;
      length++;
      i++;
      continue;
    }
    const code = text.codePointAt(i)!;
    const size = code > 0xffff ? 2 : 1;
    const piece = fold(size === 1 ? text[i]! : text.slice(i, i + 2), code);
    if (piece.length === 0) {
      // A mark that folded away: it belongs to the character before it.
      let back = length - 1;
      while (back >= 0 && ends[back] === i) ends[back--] = i + size;
    } else {
      reserve(length + piece.length);
      for (let k = 0; k < piece.length; k++) {
        out[length + k] = piece.charCodeAt(k);
        starts[length + k] = i;
        ends[length + k] = i + size;
      }
      length += piece.length;
    }
    i += size;
  }
  return {
    folded: new TextDecoder('utf-16le').decode(out.subarray(0, length)),
    starts: starts.subarray(0, length),
    ends: ends.subarray(0, length),
  };
}

function grow16(array: Uint16Array<ArrayBuffer>, size: number): Uint16Array<ArrayBuffer> {
  const next = new Uint16Array(size);
  next.set(array);
  return next;
}

function grow(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(array);
  return next;
}

/**
 * Every match of `query` (already folded) in `text`, in order, as canonical ranges. Matches do not
 * overlap; two that would land on the same canonical range (a query "s" in "ß") count once.
 */
export function findInFolded(text: FoldedText, foldedQuery: string): TextMatch[] {
  const matches: TextMatch[] = [];
  if (foldedQuery.length === 0) return matches;
  const { folded, starts, ends } = text;
  let at = folded.indexOf(foldedQuery);
  while (at !== -1) {
    const start = starts[at]!;
    const end = ends[at + foldedQuery.length - 1]!;
    const last = matches[matches.length - 1];
    if (!last || start >= last.end) matches.push({ start, end });
    at = folded.indexOf(foldedQuery, at + foldedQuery.length);
  }
  return matches;
}

/** Convenience for one search: folds both and finds every match. */
export function findMatches(
  text: string,
  query: string,
  options = DEFAULT_FIND_OPTIONS,
): TextMatch[] {
  return findInFolded(foldText(text, options), foldQuery(query, options));
}
