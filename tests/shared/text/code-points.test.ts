/**
 * UTF-16 offsets ↔ code point offsets, as W3C TextPositionSelectors count them; and cutting a
 * string to a length in UTF-16 units without splitting a character.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codePointConverter,
  firstUnits,
  lastUnits,
  toCodePointOffset,
  toUtf16Offset,
} from '../../../src/shared/text/code-points';

/** The obvious, slow answer: code points in the first `utf16` units, a split pair rounded down. */
function naiveToCodePoint(text: string, utf16: number): number {
  const clamped = Math.min(Math.max(utf16, 0), text.length);
  let units = 0;
  let points = 0;
  for (const point of text) {
    if (units + point.length > clamped) break;
    units += point.length;
    points++;
  }
  return points;
}

function naiveToUtf16(text: string, codePoints: number): number {
  return Array.from(text).slice(0, Math.max(codePoints, 0)).join('').length;
}

// 👨‍👩‍👧 is five code points (three emoji, two ZWJ) in eight units; é here is e + U+0301.
const FAMILY = '👨‍👩‍👧';
const TEXT = `a${FAMILY}b e\u0301 𝒳!`;

describe('code point offsets', () => {
  it('are the UTF-16 offsets when the text has no surrogate pairs', () => {
    const text = 'Le café e\u0301 “quoted” — 日本語';
    const convert = codePointConverter(text);
    for (let i = 0; i <= text.length; i++) {
      expect(convert.toCodePoint(i)).toBe(i);
      expect(convert.toUtf16(i)).toBe(i);
    }
    expect(convert.codePointLength).toBe(text.length);
  });

  it('count each surrogate pair once', () => {
    const convert = codePointConverter(TEXT);
    expect(convert.utf16Length).toBe(TEXT.length);
    expect(convert.codePointLength).toBe(Array.from(TEXT).length);
    const familyStart = 1;
    const familyEnd = 1 + FAMILY.length;
    expect(convert.toCodePoint(familyStart)).toBe(1);
    expect(convert.toCodePoint(familyEnd)).toBe(1 + Array.from(FAMILY).length);
    expect(convert.toUtf16(1 + Array.from(FAMILY).length)).toBe(familyEnd);
    // Combining marks are code points of their own: no difference there.
    const accent = TEXT.indexOf('\u0301');
    expect(convert.toUtf16(convert.toCodePoint(accent))).toBe(accent);
    // 𝒳 (U+1D4B3) is one code point, two units.
    const math = TEXT.indexOf('𝒳');
    expect(convert.toCodePoint(math + 2) - convert.toCodePoint(math)).toBe(1);
    expect(convert.toCodePoint(TEXT.length)).toBe(Array.from(TEXT).length);
  });

  it('round an offset inside a surrogate pair down to the pair’s start', () => {
    const text = 'x👍🏽y';
    expect(toCodePointOffset(text, 1)).toBe(1);
    expect(toCodePointOffset(text, 2)).toBe(1);
    expect(toCodePointOffset(text, 3)).toBe(2);
    expect(toCodePointOffset(text, 4)).toBe(2);
    expect(toCodePointOffset(text, 5)).toBe(3);
    expect(toUtf16Offset(text, 2)).toBe(3);
  });

  it('clamp offsets before the start or past the end', () => {
    expect(toCodePointOffset(TEXT, -5)).toBe(0);
    expect(toCodePointOffset(TEXT, TEXT.length + 10)).toBe(Array.from(TEXT).length);
    expect(toUtf16Offset(TEXT, -1)).toBe(0);
    expect(toUtf16Offset(TEXT, 10_000)).toBe(TEXT.length);
    expect(toCodePointOffset('', 3)).toBe(0);
    expect(toUtf16Offset('', 3)).toBe(0);
  });

  it('count a lone surrogate as one code point, as Array.from does', () => {
    const text = `a\ud83db\udc4dc😀`;
    expect(codePointConverter(text).codePointLength).toBe(Array.from(text).length);
    for (let i = 0; i <= text.length; i++) {
      expect(toCodePointOffset(text, i)).toBe(naiveToCodePoint(text, i));
    }
  });

  it('refuse offsets that are not integers', () => {
    expect(() => toCodePointOffset(TEXT, 1.5)).toThrow(RangeError);
    expect(() => toUtf16Offset(TEXT, Number.NaN)).toThrow(RangeError);
  });

  it('agree with the obvious conversion on any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.integer({ min: -3, max: 60 }),
        (text, offset) => {
          const convert = codePointConverter(text);
          expect(convert.toCodePoint(offset)).toBe(naiveToCodePoint(text, offset));
          expect(convert.toUtf16(offset)).toBe(naiveToUtf16(text, offset));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('round-trip every code point boundary', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const convert = codePointConverter(text);
        let units = 0;
        let points = 0;
        for (const point of text) {
          expect(convert.toCodePoint(units)).toBe(points);
          expect(convert.toUtf16(points)).toBe(units);
          units += point.length;
          points++;
        }
        expect(convert.toCodePoint(units)).toBe(points);
      }),
      { numRuns: 300 },
    );
  });

  it('convert many offsets into a long text quickly', () => {
    const text = 'word 👍🏽 mot e\u0301 '.repeat(50_000); // ~900k units, 100k pairs
    const convert = codePointConverter(text);
    let sum = 0;
    for (let i = 0; i < text.length; i += 7) sum += convert.toUtf16(convert.toCodePoint(i));
    expect(sum).toBeGreaterThan(0);
    const last = text.length;
    expect(convert.toUtf16(convert.toCodePoint(last))).toBe(last);
  });
});

describe('firstUnits and lastUnits', () => {
  it('keep at most that many UTF-16 units, never half of a surrogate pair', () => {
    expect(firstUnits('abc', 5)).toBe('abc');
    expect(firstUnits('abcdef', 3)).toBe('abc');
    expect(firstUnits('ab😀c', 3)).toBe('ab');
    expect(firstUnits('ab😀c', 4)).toBe('ab😀');
    expect(lastUnits('abcdef', 3)).toBe('def');
    expect(lastUnits('a😀bc', 3)).toBe('bc');
    expect(lastUnits('a😀bc', 4)).toBe('😀bc');
  });

  it('answer a whole prefix or suffix of the string, within the length', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(50), (text, max) => {
        const head = firstUnits(text, max);
        const tail = lastUnits(text, max);
        expect(text.startsWith(head) && text.endsWith(tail)).toBe(true);
        expect(head.length).toBeLessThanOrEqual(max);
        expect(tail.length).toBeLessThanOrEqual(max);
        expect(Math.min(text.length, max) - head.length).toBeLessThanOrEqual(1);
        expect(Math.min(text.length, max) - tail.length).toBeLessThanOrEqual(1);
        expect(Array.from(head).join('') + text.slice(head.length)).toBe(text);
        expect([...head].every((c) => c.length === 2 || !/[\ud800-\udfff]/u.test(c))).toBe(true);
      }),
    );
  });
});
