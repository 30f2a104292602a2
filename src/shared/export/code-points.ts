/**
 * Moved to `../text/code-points` (tag cleaning and the W3C reader and writer all use it). This
 * re-export keeps `scripts/bench-export.ts` and `scripts/bench/reader-text.ts` building until
 * their imports point there; then delete this file.
 */
export { codePointConverter, toCodePointOffset, toUtf16Offset } from '../text/code-points';
export type { CodePointConverter } from '../text/code-points';
