/**
 * The anchoring benchmark's texts and annotations: the sample article's canonical text (as the
 * app makes it: its body paragraphs joined by '\n\n'), a generated book-sized canonical text, and
 * seeded word-aligned selections on them described as `describeRange` describes them.
 */
import { readFileSync } from 'node:fs';
import { describeRange, type Selectors } from '../../src/shared/anchoring/selectors';
import { BLOCK_SEPARATOR } from '../../src/shared/document/canonical-text';
import { generateBook, seededRandom } from './reader-text';
import { sentencesOf, type Span } from './anchor-revisions';

/** The sample article's canonical text: title, byline, date and the title's repeat dropped. */
export function sampleText(): string {
  const seed = readFileSync(
    new URL('../../resources/sample/negotiations-continue-2022-02-11.txt', import.meta.url),
    'utf8',
  );
  return seed.split('\n').slice(4).filter(Boolean).join(BLOCK_SEPARATOR);
}

/**
 * About `bytes` of canonical text: the reader benchmark's generated book with its Markdown marks
 * (headings, quotes, list items, emphasis) taken out, as the canonical text of the rendered
 * document would read.
 */
export function bookText(bytes: number): string {
  const { markdown } = generateBook(bytes, 1869);
  return markdown
    .trim()
    .split('\n\n')
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.replace(/^(#+ |> ?|- |\d+\. )/, '').replace(/\*/g, ''))
        .filter((line) => line.trim() !== '')
        .join('\n'),
    )
    .filter((block) => block !== '')
    .join(BLOCK_SEPARATOR);
}

interface Word {
  readonly start: number;
  readonly end: number;
}

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) {
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** A selection's length in words: a third short (2–3), most 4–20, some up to 40. */
function lengthInWords(random: () => number): number {
  const r = random();
  if (r < 0.05) return 1;
  if (r < 0.35) return 2 + Math.floor(random() * 2);
  if (r < 0.85) return 4 + Math.floor(random() * 17);
  return 21 + Math.floor(random() * 20);
}

/** `count` random word-aligned selections (some crossing paragraphs), in text order. */
export function randomSelections(text: string, count: number, seed: number): Span[] {
  const random = seededRandom(seed);
  const words = wordsOf(text);
  const out: Span[] = [];
  for (let i = 0; i < count; i++) {
    const first = Math.floor(random() * words.length);
    const last = Math.min(words.length - 1, first + lengthInWords(random) - 1);
    out.push({ start: words[first]!.start, end: words[last]!.end });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Every sentence of a short text annotated several times: the whole sentence, a 2–3-word phrase
 * in it, and a 1–40-word selection starting in it (which may run on into the next paragraph).
 */
export function sentenceSelections(text: string, seed: number): Span[] {
  const random = seededRandom(seed);
  const words = wordsOf(text);
  const out: Span[] = [];
  for (const sentence of sentencesOf(text)) {
    const inside = words.filter((w) => w.start >= sentence.start && w.end <= sentence.end);
    if (inside.length === 0) continue;
    out.push({ start: inside[0]!.start, end: inside[inside.length - 1]!.end });
    const at = Math.floor(random() * Math.max(1, inside.length - 2));
    const short = inside.slice(at, at + 2 + Math.floor(random() * 2));
    out.push({ start: short[0]!.start, end: short[short.length - 1]!.end });
    const first = words.indexOf(inside[Math.floor(random() * inside.length)]!);
    const last = Math.min(words.length - 1, first + Math.floor(random() * 40));
    out.push({ start: words[first]!.start, end: words[last]!.end });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

export interface BenchAnnotation {
  readonly id: string;
  readonly span: Span;
  readonly selectors: Selectors;
}

export function annotate(text: string, spans: readonly Span[]): BenchAnnotation[] {
  return spans.map((span, i) => ({
    id: `a${i}`,
    span,
    selectors: describeRange(text, span.start, span.end),
  }));
}
