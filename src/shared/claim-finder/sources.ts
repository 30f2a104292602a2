/**
 * The source of a cue: the noun phrase before it ("the UK Foreign Office reported"), after it in
 * inverted order ("said Stoltenberg"), or after "according to"; and what kind of source it is, so
 * a pronoun can be resolved to the most recent compatible named source.
 */
import { memo } from './memo';
import type { Token } from './nlp';
import { CHANNEL_HEADS, ORG_HEADS, TITLES } from './speakers';

export type SourceKind = 'person' | 'group' | 'unknown';

/** Token index range [from, to) of a noun phrase. */
export interface Phrase {
  readonly from: number;
  readonly to: number;
}

export const PERSON_PRONOUNS = new Set(['he', 'she']);
export const GROUP_PRONOUNS = new Set(['it', 'they']);

/** Common nouns that can head a source: people, bodies and documents that speak or show. */
const SOURCE_NOUNS = new Set([
  ...CHANNEL_HEADS,
  ...ORG_HEADS,
  ...TITLES,
  ...(
    'people experts expert researchers researcher scientists scientist critics critic witnesses ' +
    'witness residents resident officers investigators prosecutors prosecutor lawyers lawyer ' +
    'study studies survey surveys data poll polls analysis review intelligence ministry ' +
    'government officials authorities military lawmakers leaders leader activists activist ' +
    'campaigners doctors doctor economists groups group company firm regulator regulators ' +
    'investigation inquiry audit paper research figures records organizers organisers ' +
    'observers monitors media newspaper agency agencies opposition protesters union unions ' +
    'minister ministers president spokesman spokeswoman spokesperson chief director owner ' +
    'owners neighbour neighbor employee employees workers worker staff union'
  ).split(' '),
]);

const IN_PHRASE = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM']);

function isPossessive(t: Token): boolean {
  return t.pos === 'PART' && /^[’']s?$/u.test(t.text);
}

/** The noun phrase that ends right before token `at` (adverbs in between skipped), or null. */
export function phraseBefore(tokens: readonly Token[], at: number): Phrase | null {
  let to = at;
  while (to > 0 && tokens[to - 1]!.pos === 'ADV') to--;
  if (to === 0) return null;
  const last = tokens[to - 1]!;
  if (last.pos === 'PRON') {
    return PERSON_PRONOUNS.has(last.lower) ||
      GROUP_PRONOUNS.has(last.lower) ||
      last.lower === 'we' ||
      last.lower === 'i'
      ? { from: to - 1, to }
      : null;
  }
  let from = to;
  while (from > 0) {
    const t = tokens[from - 1]!;
    // "secretary-general's": a hyphen with no space joins two words of one phrase.
    const hyphen =
      t.text === '-' &&
      from - 2 >= 0 &&
      tokens[from - 2]!.end === t.start &&
      t.end === tokens[from]!.start;
    // A capitalised word inside a sentence is a name, whatever its tag ("Consumer group Which Way").
    const capital = from - 1 > 0 && /^\p{Lu}/u.test(t.text) && t.pos !== 'PUNCT';
    if (IN_PHRASE.has(t.pos) || isPossessive(t) || hyphen || capital) {
      from--;
      continue;
    }
    // "the US and NATO", "the head of the agency": only between nouns.
    if ((t.lower === 'and' || t.lower === 'of' || t.lower === '&') && from - 2 >= 0) {
      const before = tokens[from - 2]!;
      if ((before.pos === 'PROPN' || before.pos === 'NOUN') && tokens[from]!.pos !== 'VERB') {
        from--;
        continue;
      }
    }
    break;
  }
  if (from === to) return null;
  return isSourceHead(tokens, { from, to }) ? { from, to } : null;
}

/** The noun phrase that starts at token `at` (after "according to", or "said Stoltenberg"). */
export function phraseAfter(tokens: readonly Token[], at: number): Phrase | null {
  let to = at;
  if (to < tokens.length && tokens[to]!.pos === 'PRON') {
    const p = tokens[to]!.lower;
    return PERSON_PRONOUNS.has(p) || GROUP_PRONOUNS.has(p) ? { from: to, to: to + 1 } : null;
  }
  while (to < tokens.length) {
    const t = tokens[to]!;
    if (IN_PHRASE.has(t.pos) || isPossessive(t)) {
      to++;
      continue;
    }
    if ((t.lower === 'and' || t.lower === 'of') && to > at && to + 1 < tokens.length) {
      const next = tokens[to + 1]!;
      if (next.pos === 'PROPN' || next.pos === 'NOUN' || next.pos === 'DET') {
        to++;
        continue;
      }
    }
    break;
  }
  if (to === at) return null;
  return isSourceHead(tokens, { from: at, to }) ? { from: at, to } : null;
}

/** A phrase can name a source: a proper name, or a common noun that speaks. */
function isSourceHead(tokens: readonly Token[], p: Phrase): boolean {
  const head = tokens[p.to - 1]!;
  if (head.pos === 'PROPN') return true;
  if (head.pos === 'NOUN' && SOURCE_NOUNS.has(head.lower)) return true;
  // A capitalised noun in mid-phrase ("the White House", tagged NOUN by the model).
  return p.to - p.from > 1 && /^\p{Lu}/u.test(head.text) && head.pos === 'NOUN';
}

/** Person, group (organisation, country, body) or unknown, from the words of a name. */
export function kindOf(words: readonly string[]): SourceKind {
  if (words.length === 0) return 'unknown';
  const lower = words.map((w) => w.toLowerCase());
  const last = lower[lower.length - 1]!;
  if (PERSON_PRONOUNS.has(last)) return 'person';
  if (GROUP_PRONOUNS.has(last)) return 'group';
  if (ORG_HEADS.has(last) || CHANNEL_HEADS.has(last) || SOURCE_NOUNS.has(last)) {
    return TITLES.has(last) && !ORG_HEADS.has(last) ? 'person' : 'group';
  }
  if (words.some((w) => /^\p{Lu}{2,}$/u.test(w))) return 'group';
  // "Royal College of Nursing", "Bank of England": an organisation word anywhere.
  if (lower.some((w) => ORG_HEADS.has(w))) return 'group';
  if (lower.slice(0, -1).some((w) => TITLES.has(w))) return 'person';
  // Two or more capitalised words, none an organisation word: most likely a person's name.
  if (words.length >= 2 && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) return 'person';
  return 'unknown';
}

/** `kindOf` the words of a space-separated name, memoised (every sentence's names are sorted). */
export const kindOfName: (name: string) => SourceKind = memo((name) => kindOf(name.split(' ')));
