/**
 * A cheap sentence splitter on the raw text (regular expressions only), so that the NLP library
 * is run on candidate sentences alone. Offsets are UTF-16 offsets into the text.
 */

export interface Sentence {
  readonly start: number;
  readonly end: number;
}

/** Words whose period does not end a sentence ("Mr. Stoltenberg", "Gen. Milley", "U.S. officials"). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr gen sen rep st jr sr lt col capt cmdr adm gov prof pres sgt maj insp det supt ' +
    'inc corp ltd co vs etc approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'u.s u.k u.n e.g i.e a.m p.m'
  ).split(' '),
);

// End punctuation, closing quotes or brackets, then white space; or a line break (a paragraph).
const BOUNDARY = /[.!?…]+["'”’)\]]*(?=\s)|\r?\n/g;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0].endsWith('\n')) {
      push(m.index);
      start = end;
      continue;
    }
    if (m[0].startsWith('.') && isAbbreviation(text, m.index)) continue;
    // The next sentence starts with a capital, a digit or an opening quote, not a lower-case word.
    let next = end;
    while (next < text.length && /[ \t\u00a0]/.test(text[next]!)) next++;
    if (next < text.length && /\p{Ll}/u.test(text[next]!)) continue;
    push(end);
    start = end;
  }
  push(text.length);
  return out;
}

/** The period at `dot` ends an abbreviation or an initial ("Simon C."). */
function isAbbreviation(text: string, dot: number): boolean {
  let from = dot;
  while (from > 0 && /[\p{L}.]/u.test(text[from - 1]!)) from--;
  const word = text.slice(from, dot).toLowerCase();
  if (word.length === 0) return false;
  if (/^\p{L}$/u.test(word)) return /\p{Lu}/u.test(text[from]!);
  return ABBREVIATIONS.has(word);
}
