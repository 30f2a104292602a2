/**
 * Speaker normalisation: the name a source is stored under.
 *
 * - A leading article goes ("the White House" → "White House").
 * - Titles before a person's name go: everything up to the last title word, when a name follows
 *   ("NATO Secretary General Jens Stoltenberg" → "Jens Stoltenberg").
 * - A generic head noun after an organisation-like modifier goes: the modifier is the speaker
 *   ("Western intelligence reports" → "Western intelligence", "Pentagon officials" → "Pentagon",
 *   "a Kremlin spokesman" → "Kremlin"). Such heads name the channel or the staff, not the speaker.
 * - A later shorter mention becomes the fullest earlier one whose words it ends
 *   ("Stoltenberg", "Mr. Stoltenberg" → "Jens Stoltenberg").
 * - A speaker already in the library gives its stored spelling (same `nameKey`, or same last
 *   word for a lone surname).
 */
import { cleanName, nameKey } from '../text/fold';
import { memo } from './memo';

/** `nameKey`, memoised: the registry keys every mention it sees. */
const keyOf = memo(nameKey);

/** Titles and honorifics that precede a person's name. */
export const TITLES = new Set(
  (
    'mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady gen gen. general sen sen. senator rep rep. ' +
    'representative president vice prime minister secretary chancellor premier governor gov gov. mayor ' +
    'ambassador envoy spokesman spokeswoman spokesperson chief executive ceo director chair chairman ' +
    'chairwoman head leader king queen prince princess pope judge justice officer commander admiral ' +
    'colonel col. captain capt. lieutenant major sergeant professor prof. deputy foreign defense ' +
    'defence interior finance state attorney counsel adviser advisor analyst correspondent economist ' +
    'lawmaker mp councillor councilor campaigner congressman congresswoman commissioner inspector superintendent detective'
  ).split(' '),
);

/** Last words that make a capitalised name an organisation or a place, not a person. */
export const ORG_HEADS = new Set(
  (
    'office ministry department house council organization organisation union agency commission ' +
    'committee government administration parliament congress senate court bank fund party army ' +
    'navy force forces police service services institute university company corporation group ' +
    'association federation alliance states nations kingdom republic command board bureau centre ' +
    'center authority authorities times post news network cabinet kremlin pentagon embassy college school foundation journal league hospital ' +
    'clinic trust society church club team institution laboratory museum press tribunal treasury ' +
    'coalition movement front'
  ).split(' '),
);

/** Head nouns that name an organisation's staff, channel or document, not the organisation. */
export const CHANNEL_HEADS = new Set(
  (
    'report reports official officials source sources spokesman spokeswoman spokesperson ' +
    'spokespeople representative representatives statement statements analysts analyst ' +
    'assessment assessments documents document diplomats diplomat staff staffers aides aide ' +
    'forecast forecasts study studies survey poll analysis guidance'
  ).split(' '),
);

const CONNECTORS = new Set([
  'of',
  'and',
  'at',
  'for',
  'from',
  'the',
  'de',
  'van',
  'von',
  'al',
  'bin',
  '&',
]);
const DETERMINERS = new Set('its their his her our my your this that these those'.split(' '));
// "researchers at Kestrel University", "a spokesman for the ministry": the body named after.
const MEMBER_OF = /^(?:\p{Ll}[\p{L}-]*\s+)+(?:at|of|from|for|with)\s+(?:the\s+)?(\p{Lu}.*)$/u;

const ARTICLES = /^(?:the|a|an)\s+/i;

/** The words of a source as written, made into a speaker name (no registry involved). */
export const normaliseSpeaker: (written: string) => string = memo(normalise);

function normalise(written: string): string {
  let name = cleanName(written).replace(ARTICLES, '');
  name = name.replace(/[’']s$/u, '');
  // "Dr. Alice Trevena of the River Tamsin Trust": the person, not the body.
  const personOf = /^((?:\p{Lu}[\p{L}.’'-]*\s+)*\p{Lu}[\p{L}’'-]*)\s+(?:of|at|from)\s+/u.exec(name);
  if (
    personOf &&
    personOf[1]!.includes(' ') &&
    !ORG_HEADS.has(personOf[1]!.split(' ').pop()!.toLowerCase())
  ) {
    name = personOf[1]!;
  }
  const member = MEMBER_OF.exec(name);
  if (member) name = member[1]!;
  let words = name.split(' ');
  // Titles before a name: keep what follows the last title word, if it is capitalised.
  let lastTitle = -1;
  for (let i = 0; i < words.length - 1; i++) if (TITLES.has(words[i]!.toLowerCase())) lastTitle = i;
  if (lastTitle >= 0) {
    const rest = words.slice(lastTitle + 1);
    if (
      rest.length > 0 &&
      rest.every((w) => /^\p{Lu}/u.test(w) && !ORG_HEADS.has(w.toLowerCase()))
    ) {
      words = rest;
    }
  }
  // A descriptor before a name: "Security researcher Tomasz Wrobel", "Payments company Corvane".
  let lastLower = -1;
  for (let i = 0; i < words.length; i++) if (/^\p{Ll}/u.test(words[i]!)) lastLower = i;
  if (lastLower >= 0 && lastLower < words.length - 1 && !CONNECTORS.has(words[lastLower]!)) {
    words = words.slice(lastLower + 1);
  }
  // A channel head after a modifier: the modifier speaks ("Western intelligence reports").
  if (words.length > 1 && CHANNEL_HEADS.has(words[words.length - 1]!.toLowerCase())) {
    // "The Treasury's own forecast": the possessor.
    const possessor = words.findIndex((w) => /[’']s$/u.test(w));
    const modifier = possessor >= 0 ? words.slice(0, possessor + 1) : words.slice(0, -1);
    const last = modifier[modifier.length - 1]!;
    modifier[modifier.length - 1] = last.replace(/[’']s$/u, '');
    if (modifier.some((w) => /^\p{Lu}/u.test(w)) && !DETERMINERS.has(modifier[0]!.toLowerCase())) {
      words = modifier;
    }
  }
  return words.join(' ');
}

/** A speaker name's words without an honorific, their keys, and whether it is capitalised. */
const wordsOf = memo((name: string) => {
  const words = name.replace(/^(?:mr|mrs|ms|dr)\.?\s+/i, '').split(' ');
  const plain = words.join(' ');
  return {
    words,
    plain,
    keyWords: keyOf(plain).split(' '),
    capitalised: /^\p{Lu}/u.test(words[0]!),
  };
});

/** Remembers the speakers of one text, so later shorter mentions take the fullest name. */
export class SpeakerRegistry {
  /** Every remembered name, by the key of its last word (the lookups stay cheap on 3 MB texts). */
  private readonly byLastWord = new Map<string, { name: string; words: string[] }[]>();
  private readonly keys = new Set<string>();
  private readonly knownByKey = new Map<string, string>();
  /** Known speakers of two or more words, by the key of their last word (their surname). */
  private readonly knownBySurname = new Map<string, string[]>();

  constructor(knownSpeakers: readonly string[] = []) {
    for (const k of knownSpeakers) {
      const key = keyOf(k);
      this.knownByKey.set(key, k);
      const kw = key.split(' ');
      if (kw.length > 1) {
        const surname = kw[kw.length - 1]!;
        const list = this.knownBySurname.get(surname) ?? [];
        list.push(k);
        this.knownBySurname.set(surname, list);
      }
    }
  }

  /** Remembers a named mention (not a speaker yet), so a later "Delacroix" can take its full name. */
  note(name: string): void {
    if (name.includes(' ')) this.remember(name);
  }

  /** The stored name for a normalised speaker, remembering it for later mentions. */
  resolve(name: string): string {
    const { words, plain, keyWords, capitalised } = wordsOf(name);
    // The fullest earlier mention whose last words are these ("Stoltenberg" → "Jens Stoltenberg";
    // a lone lower-case "unit" → "Athletics Integrity Unit").
    const lone = words.length === 1 && !capitalised;
    let best: string | null = null;
    for (const earlier of this.byLastWord.get(keyWords[keyWords.length - 1]!) ?? []) {
      if (earlier.words.length <= keyWords.length) continue;
      if (!capitalised && !(lone && /^\p{Lu}/u.test(earlier.name))) continue;
      const tail = earlier.words.slice(earlier.words.length - keyWords.length);
      if (
        tail.every((w, k) => w === keyWords[k]) &&
        (best === null || earlier.name.length > best.length)
      ) {
        best = earlier.name;
      }
    }
    let result = best ?? plain;
    result = this.knownName(result) ?? result;
    this.remember(result);
    return result;
  }

  private remember(name: string): void {
    const key = keyOf(name);
    if (this.keys.has(key)) return;
    this.keys.add(key);
    const words = key.split(' ');
    const last = words[words.length - 1]!;
    const list = this.byLastWord.get(last) ?? [];
    list.push({ name, words });
    this.byLastWord.set(last, list);
  }

  private knownName(name: string): string | null {
    const key = keyOf(name);
    const same = this.knownByKey.get(key);
    if (same !== undefined) return same;
    if (key.includes(' ') || !/^\p{Lu}/u.test(name)) return null;
    const bySurname = this.knownBySurname.get(key);
    return bySurname !== undefined && bySurname.length === 1 ? bySurname[0]! : null;
  }
}
