/**
 * Edited first or last words of a quote: an approximate match keeps the quote's words in order,
 * so a replaced last word ("spring" → "summer") is left out, and the anchor falls one word short.
 * When the words the match misses at an end (one or two) stand replaced right there, by as many
 * words, with the quote's own spacing, and are followed (preceded) by the start of its old suffix
 * (the end of its old prefix) word for word, the match is extended over them: the context, not
 * likeness, says these words took the place of the quote's.
 */

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const WORD_AT = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/uy;
const WORD_BEFORE = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*$/u;
const IS_WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const SENTENCE_END = /[.!?;:]/;
/** Most quote words replaced at one end that an extension takes in. */
const MAX_EDGE_WORDS = 2;
/** Fewest words in a quote for a replaced end word to be told from a shorter quote. */
const MIN_QUOTE_WORDS = 4;

const key = (word: string): string => word.normalize('NFC').toLowerCase();

interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const wordsIn = (text: string): Word[] =>
  [...text.matchAll(WORD)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));

/** Does the start of `suffix` follow at `at`: up to a line break, a sentence's end, or one word. */
function suffixStartsAt(text: string, at: number, suffix: string): boolean {
  if (suffix.length === 0) return at === text.length;
  const lead = /^[^\p{L}\p{N}]*/u.exec(suffix)![0];
  const nl = lead.indexOf('\n');
  if (nl >= 0) {
    const need = lead.slice(0, nl);
    const after = at + need.length;
    return text.startsWith(need, at) && (after === text.length || text[after] === '\n');
  }
  if (SENTENCE_END.test(lead)) {
    const need = lead.trimEnd();
    const after = at + need.length;
    return text.startsWith(need, at) && (after === text.length || /\s/.test(text[after]!));
  }
  WORD_AT.lastIndex = lead.length;
  const first = WORD_AT.exec(suffix);
  if (!first) return false;
  const need = lead + first[0];
  const after = at + need.length;
  return text.startsWith(need, at) && (after === text.length || !IS_WORD_CHAR.test(text[after]!));
}

/** Does the end of `prefix` come right before `at`: from a line break, a sentence's end, or one word. */
function prefixEndsAt(text: string, at: number, prefix: string): boolean {
  if (prefix.length === 0) return at === 0;
  const trail = /[^\p{L}\p{N}\p{M}]*$/u.exec(prefix)![0];
  const nl = trail.lastIndexOf('\n');
  if (nl >= 0) {
    const need = trail.slice(nl + 1);
    const before = at - need.length;
    return (
      before >= 0 && text.startsWith(need, before) && (before === 0 || text[before - 1] === '\n')
    );
  }
  if (SENTENCE_END.test(trail)) {
    const need = trail.trimStart();
    const before = at - need.length;
    return before > 0 && text.startsWith(need, before) && IS_WORD_CHAR.test(text[before - 1] ?? '');
  }
  const last = WORD_BEFORE.exec(prefix.slice(0, prefix.length - trail.length));
  if (!last) return false;
  const need = last[0] + trail;
  const before = at - need.length;
  return (
    before >= 0 &&
    text.startsWith(need, before) &&
    (before === 0 || !IS_WORD_CHAR.test(text[before - 1]!))
  );
}

/** `end` moved over the quote's last words where they stand replaced, or `end` as it was. */
function extendEnd(
  text: string,
  start: number,
  end: number,
  exact: string,
  suffix: string,
): number {
  const quote = wordsIn(exact);
  const mine = wordsIn(text.slice(start, end));
  const last = mine[mine.length - 1];
  // The match must end on a word of its own, not the quote's last.
  if (!last || start + last.end !== end) return end;
  if (key(last.text) === key(quote[quote.length - 1]!.text)) return end;
  for (let k = 1; k <= MAX_EDGE_WORDS; k++) {
    const kept = quote.length - 1 - k;
    if (kept < 1 || key(quote[kept]!.text) !== key(last.text)) continue;
    let at = end;
    let ok = true;
    for (let i = kept + 1; i < quote.length && ok; i++) {
      const gap = exact.slice(quote[i - 1]!.end, quote[i]!.start);
      WORD_AT.lastIndex = at + gap.length;
      const word = text.startsWith(gap, at) ? WORD_AT.exec(text) : null;
      if (!word) ok = false;
      else at = word.index + word[0].length;
    }
    const tail = exact.slice(quote[quote.length - 1]!.end);
    if (ok && text.startsWith(tail, at) && suffixStartsAt(text, at + tail.length, suffix)) {
      return at + tail.length;
    }
  }
  return end;
}

/** `start` moved over the quote's first words where they stand replaced, or `start` as it was. */
function extendStart(
  text: string,
  start: number,
  end: number,
  exact: string,
  prefix: string,
): number {
  const quote = wordsIn(exact);
  const mine = wordsIn(text.slice(start, end));
  const first = mine[0];
  if (!first || first.start !== 0) return start;
  if (key(first.text) === key(quote[0]!.text)) return start;
  for (let k = 1; k <= MAX_EDGE_WORDS; k++) {
    if (k > quote.length - 2 || key(quote[k]!.text) !== key(first.text)) continue;
    let at = start;
    let ok = true;
    for (let i = k - 1; i >= 0 && ok; i--) {
      const gap = exact.slice(quote[i]!.end, quote[i + 1]!.start);
      const before = at - gap.length;
      const word =
        before >= 0 && text.startsWith(gap, before)
          ? WORD_BEFORE.exec(text.slice(Math.max(0, before - 64), before))
          : null;
      if (!word) ok = false;
      else at = before - word[0].length;
    }
    const head = exact.slice(0, quote[0]!.start);
    const from = at - head.length;
    if (ok && from >= 0 && text.startsWith(head, from) && prefixEndsAt(text, from, prefix)) {
      return from;
    }
  }
  return start;
}

/**
 * `[start, end)`, a match of an edited quote (`exact` between `prefix` and `suffix` in the old
 * text), extended over its first and last words where they were replaced (see the module note).
 */
export function extendOverReplacedEdges(
  text: string,
  start: number,
  end: number,
  quote: { readonly exact: string; readonly prefix: string; readonly suffix: string },
): { start: number; end: number } {
  if (wordsIn(quote.exact).length < MIN_QUOTE_WORDS) return { start, end };
  const newEnd = extendEnd(text, start, end, quote.exact, quote.suffix);
  const newStart = extendStart(text, start, newEnd, quote.exact, quote.prefix);
  return { start: newStart, end: newEnd };
}
