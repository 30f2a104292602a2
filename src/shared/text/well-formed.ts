/**
 * Whole characters only: a string with a lone surrogate (half of a character outside the Basic
 * Multilingual Plane, its partner missing) cannot be stored as UTF-8; SQLite would keep invalid
 * bytes and read them back as U+FFFD, silently changing what the user wrote. Such strings are
 * refused where they enter, with a message that says why.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** The text with each lone surrogate replaced by U+FFFD, as a UTF-8 decoder would show it. */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATES, '\uFFFD');
}

export const LONE_SURROGATE_MESSAGE =
  'contains half of a character (a lone surrogate); send whole characters';
