/**
 * The reader benchmark's material, generated the same on every run: a War-and-Peace-sized book in
 * Markdown (chapters with `##` headings, paragraphs with dialogue, block quotes, bullet and
 * numbered lists) and, for an article's text, N annotations spread over all of it (some
 * overlapping, some with notes, tags, claims and links) as one W3C JSON-LD collection, which the
 * library imports in one call.
 */
import { codePointConverter } from '../../src/shared/text/code-points';
import { claimBodies, linkBody } from './w3c-bodies';

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same book. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = [
  'Pierre',
  'Natásha',
  'Prince Andrew',
  'Nicholas',
  'Sónya',
  'Princess Mary',
  'Anna Pávlovna',
  'Kutúzov',
  'Napoleon',
  'Dólokhov',
  'Denísov',
  'Hélène',
  'Borís',
  'the old prince',
  'the countess',
  'Platón Karatáev',
];
const WORDS = (
  'the of and to a in that he was it his with had as for at on her by not she which but from ' +
  'they all were this be an what one so him would there their them said been who if when no more ' +
  'out into up could will then now man only time before very about like men other than face eyes ' +
  'army battle war peace Moscow Petersburg regiment officer soldiers general horse road village ' +
  'fire smoke river bridge snow winter morning evening night letter ball dinner drawing-room ' +
  'count princess prince estate serfs money debts marriage love fear honour glory death life ' +
  'history freedom necessity will power people nation emperor staff orders column cannon ' +
  'felt thought looked seemed knew went came saw heard turned smiled answered asked began ' +
  'stood rode wrote understood remembered forgot waited listened whispered shouted ' +
  'quietly suddenly again always never already still perhaps certainly evidently involuntarily ' +
  'young old little great long whole same last own good bad happy sad strange terrible ' +
  'simple clear dark bright cold warm silent joyful solemn tender'
).split(' ');

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function sentence(random: () => number): string {
  const length = 6 + Math.floor(random() * 20);
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    words.push(random() < 0.06 ? pick(random, NAMES) : pick(random, WORDS));
    if (i > 2 && i < length - 2 && random() < 0.08) words[words.length - 1] += ',';
  }
  if (random() < 0.04) words.splice(2, 0, '—');
  if (random() < 0.03) {
    const at = Math.floor(random() * words.length);
    words[at] = `*${words[at]}*`;
  }
  const first = words[0]!;
  words[0] = first[0]!.toUpperCase() + first.slice(1);
  const end = random() < 0.1 ? '?' : random() < 0.05 ? '!' : '.';
  return words.join(' ') + end;
}

function paragraph(random: () => number, sentences: number): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const s = sentence(random);
    // Dialogue, as in the novel: “…” said Pierre.
    parts.push(random() < 0.15 ? `“${s}” said ${pick(random, NAMES)}.` : s);
  }
  return parts.join(' ');
}

export interface Book {
  readonly markdown: string;
  readonly chapters: number;
  readonly blocks: number;
}

/** About `bytes` of Markdown (UTF-8), the same for the same seed. */
export function generateBook(bytes = 3 * 1024 * 1024, seed = 1869): Book {
  const random = seededRandom(seed);
  const out: string[] = ['# War and Peace (generated for the benchmark)\n\n'];
  let size = Buffer.byteLength(out[0]!);
  let chapters = 0;
  let blocks = 0;
  const push = (block: string) => {
    out.push(block, '\n\n');
    size += Buffer.byteLength(block) + 2;
    blocks++;
  };
  while (size < bytes) {
    chapters++;
    push(`## Chapter ${chapters}`);
    const count = 12 + Math.floor(random() * 24);
    for (let b = 0; b < count && size < bytes; b++) {
      const kind = random();
      if (kind < 0.07) {
        const paras = 1 + Math.floor(random() * 2);
        push(
          Array.from(
            { length: paras },
            () => `> ${paragraph(random, 1 + Math.floor(random() * 4))}`,
          ).join('\n>\n'),
        );
      } else if (kind < 0.12) {
        const items = 3 + Math.floor(random() * 5);
        push(Array.from({ length: items }, () => `- ${sentence(random)}`).join('\n'));
      } else if (kind < 0.16) {
        const items = 3 + Math.floor(random() * 5);
        push(Array.from({ length: items }, (_, i) => `${i + 1}. ${sentence(random)}`).join('\n'));
      } else {
        push(paragraph(random, 1 + Math.floor(random() * 6)));
      }
    }
  }
  return { markdown: out.join(''), chapters, blocks };
}

export interface PlannedAnnotation {
  readonly start: number;
  readonly end: number;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * `count` ranges of `text` (UTF-16 offsets), in order, spread over all of it: each starts and ends
 * on a word, 15 to 120 characters long (so some cross into the next block); one in eight starts
 * inside the one before it, so they overlap.
 */
export function planAnnotations(text: string, count: number, seed = 7): PlannedAnnotation[] {
  const random = seededRandom(seed);
  const planned: PlannedAnnotation[] = [];
  const stride = text.length / Math.max(count, 1);
  for (let i = 0; i < count; i++) {
    const previous = planned[i - 1];
    let start =
      previous && i % 8 === 3
        ? previous.start + Math.floor((previous.end - previous.start) / 2)
        : Math.floor(i * stride + random() * stride * 0.5);
    while (start < text.length && !isWordChar(text[start])) start++;
    while (start > 0 && isWordChar(text[start - 1])) start--;
    let end = Math.min(text.length, start + 15 + Math.floor(random() * 105));
    while (end < text.length && isWordChar(text[end])) end++;
    while (end > start && !isWordChar(text[end - 1])) end--;
    if (end <= start) end = Math.min(text.length, start + 1);
    planned.push({ start, end });
  }
  return planned;
}

const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

/** Annotation i's id: valid, distinct and the same on every run. */
export function benchAnnotationId(i: number): string {
  return `01960000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
}

/** The planned annotations as a W3C JSON-LD AnnotationCollection for `articleId`'s `text`. */
export function annotationCollection(
  articleId: string,
  text: string,
  planned: readonly PlannedAnnotation[],
): string {
  const offsets = codePointConverter(text);
  const items = planned.map(({ start, end }, i) => {
    const color = COLORS[i % COLORS.length]!;
    const body: object[] = [];
    if (i % 2 === 0) {
      body.push({
        type: 'TextualBody',
        purpose: 'commenting',
        value: `Note ${i}: compare with the passage before; *not* emphasis.`,
        format: 'text/plain',
      });
    }
    if (i % 5 === 0) body.push({ type: 'TextualBody', purpose: 'tagging', value: `tag ${i % 40}` });
    if (i % 3 === 0) {
      body.push(
        ...claimBodies(i % 2 ? 'accusation' : 'assertion', NAMES[i % NAMES.length]!, 'disputed'),
      );
    }
    if (i % 10 === 1) {
      body.push(linkBody(benchAnnotationId(i - 1), 'denies'));
    }
    return {
      id: `urn:uuid:${benchAnnotationId(i)}`,
      type: 'Annotation',
      stylesheet: { type: 'CssStylesheet', value: `.${color} { background-color: #ff0 }` },
      ...(body.length ? { body } : {}),
      target: {
        source: `urn:uuid:${articleId}`,
        styleClass: color,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: text.slice(start, end),
            prefix: text.slice(Math.max(0, start - 32), start),
            suffix: text.slice(end, end + 32),
          },
          {
            type: 'TextPositionSelector',
            start: offsets.toCodePoint(start),
            end: offsets.toCodePoint(end),
          },
        ],
      },
    };
  });
  const collection = 'urn:uuid:01960000-0000-7000-8000-ffffffffffff';
  return JSON.stringify({
    '@context': ['http://www.w3.org/ns/anno.jsonld', { marginalia: 'https://marginalia.app/ns#' }],
    id: collection,
    type: 'AnnotationCollection',
    total: items.length,
    ...(items.length
      ? { first: { id: `${collection}#page-1`, type: 'AnnotationPage', items } }
      : {}),
  });
}

/** What `reader-data.ts` set up, as it prints it. */
export interface ReaderData {
  readonly articleId: string;
  readonly title: string;
  readonly markdownBytes: number;
  readonly textChars: number;
  readonly chapters: number;
  readonly blocks: number;
  readonly annotations: number;
  readonly anchored: number;
  readonly orphaned: number;
  readonly links: number;
  readonly setupMs: number;
}
