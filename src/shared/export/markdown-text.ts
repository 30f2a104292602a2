/**
 * Text into Markdown that renders back to exactly that text: whatever a quote or a note holds,
 * a CommonMark renderer (and Obsidian, which is GFM plus its own syntax) shows those characters,
 * and nothing becomes emphasis, code, a link, HTML, a heading, a list or a table it was not.
 *
 * Escaping is as light as safety allows, so the exported file still reads as prose. The rules,
 * applied per line (a line's start and end count as unknown neighbours, so escaped):
 * - Always escaped: `` ` `` `[` `]` `|` (code spans, links, images, wikilinks, footnotes, cells).
 * - `*` `_` `~` `$` (emphasis, GFM/Obsidian strikethrough, Obsidian math): escaped unless a
 *   space or tab stands on both sides, where they can neither open nor close; `_` is also left
 *   alone between two letters or digits (`snake_case`), where CommonMark never makes emphasis.
 * - `=` and `%` (Obsidian `==highlight==`, `%%comment%%`): escaped next to the same character;
 *   `=` also at a line start (setext heading underline).
 * - `<`: escaped unless a space or tab follows (raw HTML, autolinks). `>` only at a line start.
 * - `#`: escaped unless a space or tab follows (an Obsidian `#tag`), and always at a line start.
 * - `&`: escaped where it would start a character reference (`&amp;`, `&#65;`), or could once
 *   text is appended (`&amp` at the end).
 * - `\`: escaped where the next character is ASCII punctuation or the line ends (`C:\Users` stays).
 * - `^` after whitespace or at a line start (an Obsidian `^block-id`); `!` at the end (an image
 *   if a `[` followed).
 * - Line starts: `-` and `+` before whitespace or `-` (lists, thematic breaks, setext underlines),
 *   the `.` or `)` of `12.`/`12)` (ordered lists); `>`, `#`, `=` as above.
 * - The first and last character of a line, when whitespace (anything `String.prototype.trim`
 *   strips: spaces, tabs, no-break spaces…), becomes a numeric character reference (`&#32;`,
 *   `&#9;`): CommonMark strips leading and trailing whitespace and reads four spaces as code.
 *   A carriage return is always `&#13;` (it would be a line ending).
 *
 * What cannot round-trip: U+0000 becomes U+FFFD in any CommonMark parser, raw or as `&#0;`;
 * the app never stores it. A vertical tab (U+000B) at a line's start or end is written `&#11;`,
 * which CommonMark keeps but markdown-it reads as U+FFFD (and it trims a raw one). Bare URLs
 * (`https://…`, `www.…`) stay their own text, but GFM's and Obsidian's autolinking still makes
 * them clickable: escaping cannot stop that, as it works on the parsed text.
 */

/** The whitespace `trim()` removes: commonmark.js trims a paragraph's content with it. */
const TRIMMED_SPACE = /\s/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
/** What CommonMark (or HTML) could read as a character reference. */
const REFERENCE = /^&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/;
/** The start of a reference cut off by the end of the text: text appended could complete it. */
const REFERENCE_START_AT_END = /^&(?:#[xX]?[0-9a-fA-F]*|[A-Za-z][A-Za-z0-9]*)?$/;
/** `1.` or `1)` at a line start, then whitespace or the end: an ordered list item. */
const ORDERED_MARKER = /^[0-9]+[.)](?=\s|$)/u;

function characterReference(c: string): string {
  return `&#${c.codePointAt(0) ?? 0};`;
}

/**
 * One line (or an inline string) escaped. `\n` and `\r` inside it become references, so the result
 * never holds a line ending. `finalBackslashAsReference` writes a backslash at the very end as
 * `&#92;` rather than `\\`, so nothing after the result (a table's `|`) can be read as escaped.
 */
function escapeLine(line: string, finalBackslashAsReference: boolean): string {
  const n = line.length;
  const last = n - 1;
  const isReference = (i: number): boolean => {
    const c = line[i];
    if (c === undefined) return false;
    return c === '\n' || c === '\r' || ((i === 0 || i === last) && TRIMMED_SPACE.test(c));
  };
  // A space or tab written as itself: emphasis and friends cannot open or close next to it.
  const isRawSpace = (i: number): boolean =>
    (line[i] === ' ' || line[i] === '\t') && !isReference(i);
  const isSpaceOrEnd = (c: string | undefined): boolean => c === undefined || TRIMMED_SPACE.test(c);
  const ordered = ORDERED_MARKER.exec(line);
  const orderedDelimiter = ordered === null ? -1 : ordered[0].length - 1;

  const mustEscape = (c: string, i: number): boolean => {
    const prev = line[i - 1];
    const next = line[i + 1];
    switch (c) {
      case '`':
      case '[':
      case ']':
      case '|':
        return true;
      case '*':
      case '~':
      case '$':
        return !(isRawSpace(i - 1) && isRawSpace(i + 1));
      case '_':
        return (
          !(isRawSpace(i - 1) && isRawSpace(i + 1)) &&
          !(
            prev !== undefined &&
            next !== undefined &&
            LETTER_OR_DIGIT.test(prev) &&
            LETTER_OR_DIGIT.test(next)
          )
        );
      case '<':
        return !isRawSpace(i + 1);
      case '>':
        return i === 0;
      case '#':
        return i === 0 || !isRawSpace(i + 1);
      case '&': {
        const rest = line.slice(i);
        return REFERENCE.test(rest) || REFERENCE_START_AT_END.test(rest);
      }
      case '=':
        return i === 0 || prev === '=' || next === '=';
      case '%':
        return prev === '%' || next === '%';
      case '^':
        return i === 0 || TRIMMED_SPACE.test(prev ?? '');
      case '!':
        return i === last;
      case '-':
        return i === 0 && (isSpaceOrEnd(next) || next === '-');
      case '+':
        return i === 0 && isSpaceOrEnd(next);
      case '.':
      case ')':
        return i === orderedDelimiter;
      default:
        return false;
    }
  };

  const pieces: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = line[i] as string;
    if (isReference(i)) pieces.push(characterReference(c));
    else if (c !== '\\' && mustEscape(c, i)) pieces.push(`\\${c}`);
    else pieces.push(c);
  }
  // A backslash escapes only ASCII punctuation, so it needs doubling only before that, as
  // written out (an escaped character or a reference starts with `\` or `&`), or at the end.
  for (let i = 0; i < n; i++) {
    if (line[i] !== '\\' || isReference(i)) continue;
    const after = pieces[i + 1];
    if (after === undefined) pieces[i] = finalBackslashAsReference ? '&#92;' : '\\\\';
    else if (ASCII_PUNCTUATION.test(after.charAt(0))) pieces[i] = '\\\\';
  }
  return pieces.join('');
}

/**
 * One line of text, safe anywhere inline: mid-paragraph, at a paragraph's start, in a list item,
 * a heading, a link label or a table cell. Line endings should not be passed, but if they are they
 * become `&#10;`/`&#13;`, so the result is always a single line.
 */
export function escapeInline(text: string): string {
  return escapeLine(text, true);
}

/** A link label: the same escaping as `escapeInline`, which leaves no `[` or `]` unescaped. */
export function linkText(text: string): string {
  return escapeInline(text);
}

/**
 * The Markdown paragraphs of a text, each a list of escaped lines to join with hard breaks.
 * One newline is a hard break; a blank line separates paragraphs, and each further blank line is
 * a hard break at the next paragraph's start (a line holding only `\`), as is each newline before
 * the first line. A paragraph cannot end in a hard break, so trailing newlines become `&#10;`.
 */
function paragraphs(text: string): string[][] {
  if (text === '') return [];
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line !== '');
  if (first === -1) return [['&#10;'.repeat(lines.length - 1)]];
  let last = lines.length - 1;
  while (lines[last] === '') last--;

  const result: string[][] = [];
  let current: string[] = Array.from({ length: first }, () => '');
  let blanks = 0;
  for (let i = first; i <= last; i++) {
    const line = lines[i] as string;
    if (line === '') {
      blanks++;
      continue;
    }
    if (blanks > 0) {
      result.push(current);
      current = Array.from({ length: blanks - 1 }, () => '');
      blanks = 0;
    }
    current.push(escapeLine(line, false));
  }
  current.push(`${current.pop() ?? ''}${'&#10;'.repeat(lines.length - 1 - last)}`);
  result.push(current);
  return result;
}

/**
 * Text of any shape as block Markdown: blank lines separate paragraphs, single newlines are hard
 * breaks (backslash + newline), so the text reads in Obsidian as it was written. '' for ''.
 */
export function markdownBlock(text: string): string {
  return paragraphs(text)
    .map((lines) => lines.join('\\\n'))
    .join('\n\n');
}

/**
 * Text as one blockquote: `markdownBlock` with every line prefixed `> ` (blank lines `>`), so the
 * blank lines between paragraphs stay inside the quote. '' for ''.
 */
export function markdownBlockquote(text: string): string {
  const block = markdownBlock(text);
  if (block === '') return '';
  return block
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/**
 * Text as one GFM table cell: each line escaped as `escapeInline` does (so `|` is `\|` and the
 * cell's ends keep their spaces), lines joined by `<br>`, the one HTML a cell needs, since a
 * table row cannot span lines. A final backslash is `&#92;`, so the row's closing `|` stays a
 * separator in every GFM implementation.
 */
export function tableCell(text: string): string {
  const lines = text.split('\n');
  return lines.map((line, i) => escapeLine(line, i === lines.length - 1)).join('<br>');
}

/**
 * A link destination in angle brackets (`<…>`), which allows spaces and parentheses. Inside,
 * `<`, `>` and `\` are backslash-escaped, as is an `&` that would start a character reference, so
 * the parser gives back the URL itself (before the percent-encoding a renderer applies to
 * spaces and non-ASCII). A destination cannot hold a line ending, so `\n` and `\r` are
 * percent-encoded (`%0A`, `%0D`), as is U+0000 (`%00`), which no parser keeps.
 */
export function linkDestination(url: string): string {
  const escaped = url.replace(
    /[\n\r\0<>\\]|&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)/g,
    (c) => {
      if (c === '\n') return '%0A';
      if (c === '\r') return '%0D';
      if (c === '\0') return '%00';
      return `\\${c}`;
    },
  );
  return `<${escaped}>`;
}
