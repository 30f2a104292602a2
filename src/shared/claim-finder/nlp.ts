/**
 * The NLP library adapter: wink-nlp with its English lite web model (the model ships inside the
 * npm package; nothing is downloaded). Only tokens and part-of-speech tags are used (the pipe runs
 * the tagger alone: no sentence boundaries, entities or lemmas); sentence splitting and the
 * attribution rules are ours (see docs/claim-finder.md for why wink-nlp).
 *
 * wink normalises some characters (a combining accent comes back composed), so its token values
 * are not always the text's characters: each token is re-found in the original text, which keeps
 * every offset an exact UTF-16 offset into the input.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  /** Offsets into the whole text (not the sentence). */
  readonly start: number;
  readonly end: number;
  /** The token's characters as written. */
  readonly text: string;
  /** Lower-cased `text`. */
  readonly lower: string;
  /** Universal POS tag (PROPN, NOUN, VERB, AUX, PUNCT, …). */
  readonly pos: string;
}

type Wink = ReturnType<typeof winkNLP>;
let instance: Wink | null = null;

/** Loads the model on first use (about 100 ms), so importing the finder costs nothing. */
function wink(): Wink {
  instance ??= winkNLP(model, ['pos']);
  return instance;
}

/** White space as `/\s/` sees it, by char code (the alignment loop runs once per token). */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The tokens of `text.slice(start, end)`, tagged, with offsets into `text`. */
export function tagSpan(text: string, start: number, end: number): Token[] {
  const nlp = wink();
  const doc = nlp.readDoc(text.slice(start, end));
  const tokens = doc.tokens();
  const values = tokens.out() as string[];
  const pos = tokens.out(nlp.its.pos) as string[];
  const out: Token[] = [];
  let at = start;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    // Line breaks come back as tokens of their own: white space, skipped below.
    if (value.length === 0 || (isSpace(value.charCodeAt(0)) && value.trim() === '')) continue;
    while (at < end && isSpace(text.charCodeAt(at))) at++;
    // Most tokens are the text's characters as written: no search, no copy.
    const same = text.startsWith(value, at);
    const tokenEnd = same ? at + value.length : locate(text, at, end, value);
    if (tokenEnd <= at) continue;
    const written = same ? value : text.slice(at, tokenEnd);
    out.push({
      start: at,
      end: tokenEnd,
      text: written,
      lower: written.toLowerCase(),
      pos: pos[i] ?? 'X',
    });
    at = tokenEnd;
  }
  return out;
}

/** Where the token `value` that starts at `at` ends in the original text. */
function locate(text: string, at: number, end: number, value: string): number {
  if (text.startsWith(value, at)) return at + value.length;
  // Normalised by the library: grow the span until its NFC form is the token's.
  const want = value.normalize('NFC');
  for (let stop = at + 1; stop <= Math.min(end, at + value.length * 3 + 2); stop++) {
    if (text.slice(at, stop).normalize('NFC') === want) {
      // Take trailing combining marks too.
      while (stop < end && /\p{M}/u.test(text[stop]!)) stop++;
      return stop;
    }
  }
  // Unknown change: take the rest of the run of non-space characters, at least one.
  let stop = at + 1;
  while (stop < end && !/\s/.test(text[stop]!)) stop++;
  return Math.min(stop, at + Math.max(value.length, 1));
}
