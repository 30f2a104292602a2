/**
 * Turns what the reader typed into a search: FTS5 terms, each quoted so FTS5 never sees syntax
 * (an unclosed quote, a bare `AND`, `*` or `NEAR(` is searched as the words it holds, never an
 * error), and `speaker:`/`tag:`/`type:` filters, which the search applies as SQL conditions.
 */

export type FilterField = 'speaker' | 'tag' | 'type';

export interface QueryTerm {
  /** The words, as typed (not folded: the tokenizer folds case and accents). */
  readonly text: string;
  /** Several words that must appear together, in order. */
  readonly phrase: boolean;
  /** `stolten*`: words starting with the last word. */
  readonly prefix: boolean;
}

export interface ParsedQuery {
  readonly terms: readonly QueryTerm[];
  readonly filters: readonly { readonly field: FilterField; readonly value: string }[];
  /** Whether a term holds Han, Hiragana, Katakana or Hangul: searched by substring instead. */
  readonly cjk: boolean;
}

const FILTER = /^(speaker|tag|type):/i;
const HAS_WORD = /[\p{L}\p{N}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Reads a quoted run starting at `i` (the quote); an unclosed one runs to the end. */
function readQuoted(input: string, i: number): { text: string; end: number } {
  const close = input.indexOf('"', i + 1);
  return close === -1
    ? { text: input.slice(i + 1), end: input.length }
    : { text: input.slice(i + 1, close), end: close + 1 };
}

/** Reads a bare word starting at `i`: up to the next space or quote. */
function readBare(input: string, i: number): { text: string; end: number } {
  let end = i;
  while (end < input.length && !/\s/u.test(input[end]!) && input[end] !== '"') end++;
  return { text: input.slice(i, end), end };
}

export function parseQuery(input: string): ParsedQuery {
  const terms: QueryTerm[] = [];
  const filters: { field: FilterField; value: string }[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/u.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      const { text, end } = readQuoted(input, i);
      if (HAS_WORD.test(text)) terms.push({ text: text.trim(), phrase: true, prefix: false });
      i = end;
      continue;
    }
    const filter = FILTER.exec(input.slice(i));
    if (filter) {
      const at = i + filter[0].length;
      const { text, end } = input[at] === '"' ? readQuoted(input, at) : readBare(input, at);
      const value = text.trim();
      if (value) {
        filters.push({ field: filter[1]!.toLowerCase() as FilterField, value });
        i = end;
        continue;
      }
      // `tag:` with nothing after it is a word like any other.
    }
    const { text, end } = readBare(input, i);
    i = end;
    if (!HAS_WORD.test(text)) continue;
    const prefix = text.endsWith('*');
    terms.push({ text: prefix ? text.replace(/\*+$/u, '') : text, phrase: false, prefix });
  }
  return { terms, filters, cjk: terms.some((t) => CJK.test(t.text)) };
}

/** One term as an FTS5 string: always quoted, inner quotes doubled, `*` outside for a prefix. */
function quoteTerm(term: QueryTerm): string {
  const words = term.text.replace(/\*/gu, ' ').replace(/"/gu, '""');
  return `"${words}"${term.prefix ? '*' : ''}`;
}

/** The FTS5 MATCH expression for the terms (all of them, in any column), or null for none. */
export function ftsExpression(terms: readonly QueryTerm[]): string | null {
  const parts = terms.filter((t) => HAS_WORD.test(t.text)).map(quoteTerm);
  return parts.length === 0 ? null : parts.join(' ');
}

/**
 * The same terms as plain words, each quoted alone: what is searched if FTS5 still refuses the
 * expression (it should not; this is the promise that a query is never an error).
 */
export function plainExpression(terms: readonly QueryTerm[]): string | null {
  const words = terms
    .flatMap((t) => t.text.split(/[^\p{L}\p{N}]+/u))
    .filter((w) => w !== '')
    .map((w) => `"${w}"`);
  return words.length === 0 ? null : words.join(' ');
}
