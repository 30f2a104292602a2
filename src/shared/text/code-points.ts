/**
 * Offsets into a string counted two ways: in UTF-16 code units (what JavaScript strings, our
 * canonical text and our stored positions use) and in Unicode code points (what the W3C Web
 * Annotation TextPositionSelector counts). The two differ by one for every surrogate pair (an
 * emoji, a rare CJK character…) before the offset.
 *
 * Conventions, for both directions:
 * - Offsets are clamped to the text: below 0 gives 0, past the end gives the end.
 * - A UTF-16 offset that falls between the two halves of a surrogate pair rounds down to the
 *   pair's start (a code point cannot be split).
 * - A lone surrogate (no partner) counts as one code point, as `Array.from(text)` does.
 * - A non-integer offset is a caller's bug: it throws a RangeError.
 *
 * For many offsets into one long text, build a converter once with `codePointConverter(text)`:
 * it finds the text's surrogate pairs on first use (one pass), then answers each conversion with a
 * binary search over them; a text without any pair converts at no cost.
 *
 * `firstUnits` and `lastUnits` cut a string to a length in UTF-16 code units (the unit of every
 * length limit in the entity schemas) without splitting a surrogate pair.
 */

export interface CodePointConverter {
  /** Length of the text in UTF-16 code units (`text.length`). */
  readonly utf16Length: number;
  /** Length of the text in code points (`Array.from(text).length`). */
  readonly codePointLength: number;
  /** The code point offset of a UTF-16 offset. */
  toCodePoint(utf16: number): number;
  /** The UTF-16 offset of a code point offset. */
  toUtf16(codePoints: number): number;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** The first `max` code units of `value`, not splitting a surrogate pair (so maybe `max - 1`). */
export function firstUnits(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = isHighSurrogate(value.charCodeAt(max - 1)) ? max - 1 : max;
  return value.slice(0, cut);
}

/** The last `max` code units of `value`, not splitting a surrogate pair (so maybe `max - 1`). */
export function lastUnits(value: string, max: number): string {
  if (value.length <= max) return value;
  const from = value.length - max;
  return value.slice(isLowSurrogate(value.charCodeAt(from)) ? from + 1 : from);
}

function checkInteger(offset: number, what: string): void {
  if (!Number.isInteger(offset)) throw new RangeError(`${what} ${offset} is not an integer`);
}

/** Number of items in the ascending `sorted` that are below `value`. */
function countBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

interface PairTable {
  /** UTF-16 offset of each surrogate pair's high half, ascending. */
  readonly utf16Starts: number[];
  /** Code point offset of each surrogate pair, ascending. */
  readonly codePointStarts: number[];
}

function findPairs(text: string): PairTable {
  const utf16Starts: number[] = [];
  const codePointStarts: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      codePointStarts.push(i - utf16Starts.length);
      utf16Starts.push(i);
      i++;
    }
  }
  return { utf16Starts, codePointStarts };
}

/** A converter for offsets into `text`; its table of surrogate pairs is built on first use. */
export function codePointConverter(text: string): CodePointConverter {
  let table: PairTable | null = null;
  const pairs = (): PairTable => (table ??= findPairs(text));
  return {
    utf16Length: text.length,
    get codePointLength(): number {
      return text.length - pairs().utf16Starts.length;
    },
    toCodePoint(utf16: number): number {
      checkInteger(utf16, 'UTF-16 offset');
      const offset = Math.min(Math.max(utf16, 0), text.length);
      // Every pair that starts before the offset is one code point for two units; a pair the
      // offset splits counts too, which rounds the offset down to the pair's start.
      return offset - countBelow(pairs().utf16Starts, offset);
    },
    toUtf16(codePoints: number): number {
      checkInteger(codePoints, 'code point offset');
      const { codePointStarts, utf16Starts } = pairs();
      const offset = Math.min(Math.max(codePoints, 0), text.length - utf16Starts.length);
      return offset + countBelow(codePointStarts, offset);
    },
  };
}

/** One-entry memo, so that a run of one-off calls on the same text builds its table once. */
let lastText: string | null = null;
let lastConverter: CodePointConverter | null = null;

function converterFor(text: string): CodePointConverter {
  if (lastConverter === null || lastText !== text) {
    lastText = text;
    lastConverter = codePointConverter(text);
  }
  return lastConverter;
}

/** The code point offset of UTF-16 offset `utf16` in `text` (clamped; see the file comment). */
export function toCodePointOffset(text: string, utf16: number): number {
  return converterFor(text).toCodePoint(utf16);
}

/** The UTF-16 offset of code point offset `codePoints` in `text` (clamped; see the file comment). */
export function toUtf16Offset(text: string, codePoints: number): number {
  return converterFor(text).toUtf16(codePoints);
}
