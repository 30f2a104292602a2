/**
 * The anchoring benchmark's revision generator: from a canonical text ('\n\n'-separated
 * paragraphs) and the annotations made on it, a revised text made by a seeded mix of edits (word
 * edits, typo fixes, sentence insertions and deletions, paragraph moves, punctuation and
 * whitespace normalization, NFC → NFD, and quotes copied elsewhere with other context), together
 * with the truth for every annotation: where its words are in the revised text, whether they were
 * edited, or that they are gone.
 *
 * Edits other than paragraph moves are splices against the old text, chosen so that no two touch,
 * and applied in one pass (a 3 MB text takes thousands of edits); paragraph moves come after, on
 * the spliced text.
 */
import { seededRandom } from './reader-text';

export type EditKind =
  | 'wordEdit'
  | 'typoFix'
  | 'sentenceInsert'
  | 'sentenceDelete'
  | 'punctuation'
  | 'paragraphMove'
  | 'nfd'
  | 'repeatedPhrase';

/** Edits applied at most once per sentence, drawn together: their rates add up per sentence. */
export const SENTENCE_KINDS: readonly EditKind[] = [
  'wordEdit',
  'typoFix',
  'sentenceInsert',
  'sentenceDelete',
  'punctuation',
];

export interface EditMix {
  readonly name: string;
  /**
   * Sentence kinds: the share of sentences given that edit. `paragraphMove`: share of paragraphs
   * moved. `nfd`: share of words with accents turned to NFD. `repeatedPhrase`: share of
   * annotations whose quote is copied, with other words around it, into another paragraph.
   */
  readonly rates: Partial<Record<EditKind, number>>;
  /** When true, no edit touches a quoted passage (edits may still change its context). */
  readonly avoidQuotes?: boolean;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Where an annotation's words are in the revised text. */
export type Truth =
  | { readonly kind: 'same'; readonly start: number; readonly end: number }
  | { readonly kind: 'edited'; readonly start: number; readonly end: number }
  | { readonly kind: 'deleted' }
  /** A paragraph move took part of a quote spanning paragraphs elsewhere. */
  | { readonly kind: 'split'; readonly fragments: readonly Span[] };

export interface Revision {
  readonly text: string;
  readonly truths: Truth[];
  /** How many edits of each kind were applied. */
  readonly counts: Record<EditKind, number>;
}

interface Splice {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
  readonly kind: EditKind;
}

interface Sentence {
  readonly start: number;
  /** End of the sentence's last character (its closing punctuation). */
  readonly end: number;
  /** Where the next sentence starts, or the paragraph's end. */
  readonly next: number;
  readonly paragraph: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

export function paragraphsOf(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (;;) {
    const at = text.indexOf('\n\n', start);
    out.push({ start, end: at === -1 ? text.length : at });
    if (at === -1) return out;
    start = at + 2;
  }
}

export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  paragraphsOf(text).forEach(({ start, end }, paragraph) => {
    const body = text.slice(start, end);
    const closing = /[.!?]+["”’)]*(?=\s|$)/g;
    let from = 0;
    for (let m = closing.exec(body); m; m = closing.exec(body)) {
      const stop = m.index + m[0].length;
      let next = stop;
      while (next < body.length && /\s/.test(body[next]!)) next++;
      if (stop > from)
        out.push({ start: start + from, end: start + stop, next: start + next, paragraph });
      from = next;
    }
    if (from < body.length) {
      out.push({ start: start + from, end, next: end, paragraph });
    }
  });
  return out;
}

function wordsIn(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  WORD.lastIndex = 0;
  const body = text.slice(from, to);
  for (let m = WORD.exec(body); m; m = WORD.exec(body)) {
    out.push({ start: from + m.index, end: from + m.index + m[0].length });
  }
  return out;
}

/** A one-character slip in `word` (swap, drop, double or change a letter), or null if too short. */
function typo(word: string, random: () => number): string | null {
  if (word.length < 4) return null;
  const i = 1 + Math.floor(random() * (word.length - 2));
  const way = Math.floor(random() * 4);
  const changed =
    way === 0
      ? word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2)
      : way === 1
        ? word.slice(0, i) + word.slice(i + 1)
        : way === 2
          ? word.slice(0, i) + word[i]! + word.slice(i)
          : word.slice(0, i) + (word[i] === 'e' ? 'a' : 'e') + word.slice(i + 1);
  return changed === word ? null : changed;
}

/** Straight, ASCII forms of typographic punctuation, as a re-publishing CMS may make them. */
const PUNCTUATION: Record<string, readonly string[]> = {
  '“': ['"'],
  '”': ['"'],
  '‘': ["'"],
  '’': ["'"],
  '—': [' - ', '--', ' — '],
  '–': ['-'],
};

/** Makes a seeded revision of `text`, whose annotations are at `spans`, with `mix`. */
export function reviseText(
  text: string,
  spans: readonly Span[],
  mix: EditMix,
  seed: number,
): Revision {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const counts = Object.fromEntries(
    [...SENTENCE_KINDS, 'paragraphMove', 'nfd', 'repeatedPhrase'].map((k) => [k, 0]),
  ) as Record<EditKind, number>;

  // Characters no splice may touch: those taken by another splice and, when edits must avoid
  // them, the quoted ones.
  const taken = new Uint8Array(text.length + 1);
  const quoted = new Uint8Array(text.length + 1);
  if (mix.avoidQuotes) for (const s of spans) quoted.fill(1, s.start, s.end);
  const free = (at: number, remove: number): boolean => {
    for (let i = Math.max(0, at - 1); i < Math.min(text.length, at + remove + 1); i++) {
      if (taken[i]) return false;
    }
    if (remove === 0) return !(at > 0 && quoted[at - 1] && quoted[at]);
    for (let i = at; i < at + remove; i++) if (quoted[i]) return false;
    return true;
  };
  const splices: Splice[] = [];
  const add = (at: number, remove: number, insert: string, kind: EditKind): boolean => {
    if (!free(at, remove)) return false;
    taken.fill(1, at, at + Math.max(remove, 1));
    splices.push({ at, remove, insert, kind });
    counts[kind]++;
    return true;
  };

  const vocabulary = [
    ...new Set(
      wordsIn(text, 0, Math.min(text.length, 200_000)).map((w) => text.slice(w.start, w.end)),
    ),
  ];
  const filler = (n: number) =>
    Array.from({ length: n }, () => pick(vocabulary).toLowerCase()).join(' ');
  const newSentence = () => {
    const s = filler(6 + Math.floor(random() * 9));
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  };

  const sentences = sentencesOf(text);
  const rates = mix.rates;
  for (const sentence of sentences) {
    let r = random();
    const kind = SENTENCE_KINDS.find((k) => (r -= rates[k] ?? 0) < 0);
    if (!kind) continue;
    const words = wordsIn(text, sentence.start, sentence.end);
    if (words.length === 0) continue;
    if (kind === 'wordEdit') {
      const w = pick(words);
      const old = text.slice(w.start, w.end);
      let replacement = pick(vocabulary);
      if (replacement === old) replacement = `${replacement}s`;
      add(w.start, w.end - w.start, replacement, kind);
    } else if (kind === 'typoFix') {
      const w = pick(words);
      const changed = typo(text.slice(w.start, w.end), random);
      if (changed) add(w.start, w.end - w.start, changed, kind);
    } else if (kind === 'sentenceInsert') {
      add(sentence.start, 0, `${newSentence()} `, kind);
    } else if (kind === 'sentenceDelete') {
      const siblings = sentences.filter((s) => s.paragraph === sentence.paragraph);
      if (siblings.length < 2) continue;
      if (sentence.next > sentence.end)
        add(sentence.start, sentence.next - sentence.start, '', kind);
      else {
        // The paragraph's last sentence: take the space before it instead.
        let from = sentence.start;
        while (from > 0 && text[from - 1] === ' ') from--;
        add(from, sentence.end - from, '', kind);
      }
    } else {
      const marks: number[] = [];
      for (let i = sentence.start; i < sentence.end; i++) if (PUNCTUATION[text[i]!]) marks.push(i);
      if (marks.length > 0 && random() < 0.8) {
        const at = pick(marks);
        add(at, 1, pick(PUNCTUATION[text[at]!]!), kind);
      } else if (words.length > 1) {
        // A double space between two words.
        const i = 1 + Math.floor(random() * (words.length - 1));
        const gap = words[i - 1]!.end;
        if (text[gap] === ' ') add(gap, 1, '  ', kind);
      }
    }
  }

  const nfdRate = rates.nfd ?? 0;
  if (nfdRate > 0) {
    for (const w of wordsIn(text, 0, text.length)) {
      const word = text.slice(w.start, w.end);
      const decomposed = word.normalize('NFD');
      if (decomposed !== word && random() < nfdRate)
        add(w.start, w.end - w.start, decomposed, 'nfd');
    }
  }

  const repeatRate = rates.repeatedPhrase ?? 0;
  if (repeatRate > 0 && sentences.length > 1) {
    const paragraphOf = (at: number) => {
      let lo = 0;
      let hi = sentences.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (sentences[mid]!.start <= at) lo = mid;
        else hi = mid - 1;
      }
      return sentences[lo]!.paragraph;
    };
    for (const span of spans) {
      if (random() >= repeatRate) continue;
      const quote = text.slice(span.start, span.end);
      if (quote.length > 200 || quote.includes('\n')) continue;
      const home = paragraphOf(span.start);
      for (let attempt = 0; attempt < 5; attempt++) {
        const target = pick(sentences);
        if (target.paragraph === home) continue;
        const lead = filler(2 + Math.floor(random() * 3));
        const copy = `${lead[0]!.toUpperCase()}${lead.slice(1)} ${quote} ${filler(2 + Math.floor(random() * 3))}. `;
        if (add(target.start, 0, copy, 'repeatedPhrase')) break;
      }
    }
  }

  const spliced = applySplices(text, splices, spans);
  return moveParagraphs(spliced.text, spliced.truths, mix, random, counts);
}

/** Applies non-overlapping splices in one pass and maps every span through them. */
function applySplices(
  text: string,
  unsorted: readonly Splice[],
  spans: readonly Span[],
): { text: string; truths: Truth[] } {
  const splices = [...unsorted].sort((a, b) => a.at - b.at);
  const parts: string[] = [];
  // shift[i]: how much the splices before splice i moved the text.
  const shift: number[] = [0];
  let from = 0;
  for (const s of splices) {
    parts.push(text.slice(from, s.at), s.insert);
    from = s.at + s.remove;
    shift.push(shift[shift.length - 1]! + s.insert.length - s.remove);
  }
  parts.push(text.slice(from));
  const revised = parts.join('');
  /** How many splices start before `at` (or at it, when `inclusive`). */
  const countBefore = (at: number, inclusive: boolean) => {
    let lo = 0;
    let hi = splices.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const a = splices[mid]!.at;
      if (a < at || (inclusive && a === at)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const truths = spans.map(({ start, end }): Truth => {
    // Splices that may touch the span: from the last one starting at or before it on.
    const first = Math.max(0, countBefore(start, true) - 1);
    const last = countBefore(end, false);
    let newStart = -1;
    let newEnd = -1;
    let edited = false;
    let deleted = false;
    for (let i = first; i < last; i++) {
      const s = splices[i]!;
      const removes = s.remove > 0 && s.at < end && s.at + s.remove > start;
      const insertsInside = s.remove === 0 && s.at > start && s.at < end;
      if (!removes && !insertsInside) continue;
      edited = true;
      if (s.remove > 0 && s.at <= start && s.at + s.remove >= end && s.insert === '')
        deleted = true;
      if (removes && s.at <= start) newStart = s.at + shift[i]!;
      if (removes && s.at + s.remove >= end) newEnd = s.at + shift[i]! + s.insert.length;
    }
    if (deleted) return { kind: 'deleted' };
    if (newStart < 0) newStart = start + shift[countBefore(start, true)]!;
    if (newEnd < 0) newEnd = end + shift[countBefore(end, false)]!;
    const words = revised.slice(newStart, newEnd);
    if (newEnd <= newStart || !/[\p{L}\p{N}]/u.test(words)) return { kind: 'deleted' };
    return { kind: edited ? 'edited' : 'same', start: newStart, end: newEnd };
  });
  return { text: revised, truths };
}

/** Moves a share of paragraphs elsewhere; spans inside them move along. */
function moveParagraphs(
  text: string,
  truths: Truth[],
  mix: EditMix,
  random: () => number,
  counts: Record<EditKind, number>,
): Revision {
  const rate = mix.rates.paragraphMove ?? 0;
  const paragraphs = paragraphsOf(text);
  if (rate === 0 || paragraphs.length < 2) return { text, truths, counts };
  const paragraphAt = (at: number) => {
    let lo = 0;
    let hi = paragraphs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (paragraphs[mid]!.start <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // When edits must avoid quoted words, paragraphs a quote crosses into or out of stay put, and
  // nothing is moved in between two paragraphs a quote joins.
  const pinned = new Set<number>();
  /** `p` is in it when a quote runs from paragraph p into p + 1. */
  const joined = new Set<number>();
  if (mix.avoidQuotes) {
    for (const t of truths) {
      if (t.kind !== 'same' && t.kind !== 'edited') continue;
      const a = paragraphAt(t.start);
      const b = paragraphAt(t.end - 1);
      for (let p = a; p <= b && a !== b; p++) pinned.add(p);
      for (let p = a; p < b; p++) joined.add(p);
    }
  }
  const order = paragraphs.map((_, i) => i);
  for (let p = 0; p < paragraphs.length; p++) {
    if (pinned.has(p) || random() >= rate) continue;
    order.splice(order.indexOf(p), 1);
    let to = Math.floor(random() * (order.length + 1));
    for (let attempt = 0; attempt < 10 && to > 0 && joined.has(order[to - 1]!); attempt++) {
      to = Math.floor(random() * (order.length + 1));
    }
    if (to > 0 && joined.has(order[to - 1]!)) to = order.indexOf(p - 1) + 1 || 0;
    order.splice(to, 0, p);
    counts.paragraphMove++;
  }
  const newStart: number[] = new Array<number>(paragraphs.length);
  const rank: number[] = new Array<number>(paragraphs.length);
  let at = 0;
  order.forEach((p, i) => {
    newStart[p] = at;
    rank[p] = i;
    at += paragraphs[p]!.end - paragraphs[p]!.start + 2;
  });
  const revised = order
    .map((p) => text.slice(paragraphs[p]!.start, paragraphs[p]!.end))
    .join('\n\n');
  const moveTo = (p: number, offset: number) => offset - paragraphs[p]!.start + newStart[p]!;
  const moved = truths.map((t): Truth => {
    if (t.kind !== 'same' && t.kind !== 'edited') return t;
    const a = paragraphAt(t.start);
    const b = paragraphAt(Math.max(t.start, t.end - 1));
    let together = true;
    for (let p = a + 1; p <= b; p++) if (rank[p] !== rank[a]! + (p - a)) together = false;
    if (together) return { kind: t.kind, start: moveTo(a, t.start), end: moveTo(a, t.end) };
    const fragments: Span[] = [];
    for (let p = a; p <= b; p++) {
      const from = Math.max(t.start, paragraphs[p]!.start);
      const to = Math.min(t.end, paragraphs[p]!.end);
      if (to > from) fragments.push({ start: moveTo(p, from), end: moveTo(p, to) });
    }
    return { kind: 'split', fragments };
  });
  return { text: revised, truths: moved, counts };
}

/** The benchmark's mixes: edits that avoid quotes, 10 % of sentences, each kind alone, heavy. */
export const MIXES: readonly EditMix[] = [
  {
    name: 'edits avoid quoted words',
    avoidQuotes: true,
    rates: {
      wordEdit: 0.08,
      typoFix: 0.04,
      sentenceInsert: 0.04,
      sentenceDelete: 0.04,
      punctuation: 0.05,
      paragraphMove: 0.05,
      nfd: 0.3,
      repeatedPhrase: 0.05,
    },
  },
  {
    name: '10% of sentences change',
    rates: {
      wordEdit: 0.04,
      typoFix: 0.02,
      sentenceInsert: 0.015,
      sentenceDelete: 0.015,
      punctuation: 0.01,
    },
  },
  { name: 'word edits alone', rates: { wordEdit: 0.1 } },
  { name: 'typo fixes alone', rates: { typoFix: 0.1 } },
  { name: 'sentence insertions alone', rates: { sentenceInsert: 0.1 } },
  { name: 'sentence deletions alone', rates: { sentenceDelete: 0.1 } },
  { name: 'paragraph moves alone', rates: { paragraphMove: 0.1 } },
  { name: 'punctuation/whitespace alone', rates: { punctuation: 0.3 } },
  { name: 'NFC→NFD alone', rates: { nfd: 1 } },
  { name: 'repeated phrases alone', rates: { repeatedPhrase: 0.1 } },
  {
    name: 'heavy mix',
    rates: {
      wordEdit: 0.1,
      typoFix: 0.05,
      sentenceInsert: 0.05,
      sentenceDelete: 0.05,
      punctuation: 0.05,
      paragraphMove: 0.15,
      nfd: 0.5,
      repeatedPhrase: 0.15,
    },
  },
];
