/** The claim finder's entry point: `findClaimSuggestions(text)`. Pure; no network, no model download. */
import { attributionsIn } from './attributions';
import { CUE_PREFILTER } from './cues';
import { tagSpan, type Token } from './nlp';
import { splitSentences, type Sentence } from './sentences';
import { GROUP_PRONOUNS, PERSON_PRONOUNS, kindOfName, type SourceKind } from './sources';
import { SpeakerRegistry, normaliseSpeaker } from './speakers';
import type { ClaimSuggestion, FindClaimsOptions } from './types';
import { typeFromCue } from './types-from-cue';

export type { ClaimSuggestion, FindClaimsOptions, SuggestedClaimType, TextSpan } from './types';

/** How far back (UTF-16 units) a pronoun looks for the named source it stands for. */
const PRONOUN_REACH = 1500;

interface Mention {
  readonly name: string;
  readonly kind: SourceKind;
  readonly at: number;
}

// Cheap named mentions for pronoun resolution in sentences the tagger never sees: runs of
// capitalised words ("Boris Johnson", "UK Foreign Office") and acronyms ("NATO").
// Tried only where a capital can start one (sticky), found by a plain character class: a regex
// on Unicode classes steps slowly through every character of the text.
const NAME_RUN =
  /\b\p{Lu}[\p{L}’'.-]*(?:(?:\s+(?:of|for|on|and)(?:\s+the)?)?\s+\p{Lu}[\p{L}’'.-]*)+|\b\p{Lu}{2,}\b/uy;
/** Every code unit that can begin an upper-case letter (\p{Lu} is A–Z or above U+00BF). */
const MAYBE_CAPITAL = /[A-Z\u00c0-\uffff]/g;

/** The NAME_RUN matches of `raw`, as a global search would find them. */
function nameRuns(raw: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  MAYBE_CAPITAL.lastIndex = 0;
  for (let c = MAYBE_CAPITAL.exec(raw); c !== null; c = MAYBE_CAPITAL.exec(raw)) {
    NAME_RUN.lastIndex = c.index;
    const m = NAME_RUN.exec(raw);
    if (m !== null) {
      MAYBE_CAPITAL.lastIndex = m.index + m[0].length;
      out.push(m);
    }
  }
  return out;
}

/** How many consecutive candidate sentences are tagged in one call of the library. */
const RUN = 24;

/**
 * Tags the run of candidate sentences that starts at `first` in one call (a call per sentence
 * costs more than the tagging), and hands each sentence its tokens.
 */
function tagRun(
  text: string,
  sentences: readonly Sentence[],
  candidate: readonly boolean[],
  first: number,
  tagged: Map<number, Token[]>,
): void {
  let last = first;
  while (last + 1 < sentences.length && last + 1 < first + RUN && candidate[last + 1]) last++;
  const tokens = tagSpan(text, sentences[first]!.start, sentences[last]!.end);
  let k = 0;
  for (let i = first; i <= last; i++) {
    const s = sentences[i]!;
    const own: Token[] = [];
    while (k < tokens.length && tokens[k]!.start < s.start) k++;
    while (k < tokens.length && tokens[k]!.end <= s.end) own.push(tokens[k++]!);
    tagged.set(i, own);
  }
}

/** The latest mention of `kind` before `before`, within a pronoun's reach. */
function latest(list: readonly Mention[], before: number, kind: SourceKind): Mention | undefined {
  let best: Mention | undefined;
  for (let k = list.length - 1; k >= 0; k--) {
    const m = list[k]!;
    if (m.at < before - PRONOUN_REACH) break;
    if (m.at < before && m.kind === kind && (best === undefined || m.at > best.at)) best = m;
  }
  return best;
}

/** Every attributed statement in `text`, in text order (by content start, then end). */
export function findClaimSuggestions(
  text: string,
  options: FindClaimsOptions = {},
): ClaimSuggestion[] {
  const registry = new SpeakerRegistry(options.knownSpeakers);
  const mentions: Mention[] = [];
  const byKey = new Map<string, ClaimSuggestion>();
  let lastContent: { start: number; end: number } | null = null;

  const sentences = splitSentences(text);
  const candidate = sentences.map((s) => CUE_PREFILTER.test(text.slice(s.start, s.end)));
  const tagged = new Map<number, Token[]>();
  const namedRuns = new Map<string, { name: string; kind: SourceKind } | null>();

  for (let index = 0; index < sentences.length; index++) {
    const sentence = sentences[index]!;
    const raw = text.slice(sentence.start, sentence.end);
    const sentenceMentions: Mention[] = [];
    for (const m of nameRuns(raw)) {
      // Names recur: each distinct run is normalised once per text (noting it is idempotent).
      let named = namedRuns.get(m[0]);
      if (named === undefined) {
        const name = normaliseSpeaker(
          m[0].replace(/[.,]+$/u, '').replace(/^(?:The|A|An|On|In|Then|But|And)\s+/u, ''),
        );
        const kind = kindOfName(name);
        named = kind === 'unknown' ? null : { name, kind };
        namedRuns.set(m[0], named);
        if (named !== null) registry.note(name);
      }
      if (named !== null) {
        sentenceMentions.push({ name: named.name, kind: named.kind, at: sentence.start + m.index });
      }
    }
    if (candidate[index]) {
      if (!tagged.has(index)) tagRun(text, sentences, candidate, index, tagged);
      const tokens = tagged.get(index)!;
      tagged.delete(index);
      for (const a of attributionsIn(text, tokens, sentence.start, sentence.end, lastContent)) {
        const sourceStart = tokens[a.source.from]!.start;
        const sourceEnd = tokens[a.source.to - 1]!.end;
        const written = text.slice(sourceStart, sourceEnd);
        const lower = written.toLowerCase();
        let speaker: string | null;
        if (PERSON_PRONOUNS.has(lower) || GROUP_PRONOUNS.has(lower)) {
          const want: SourceKind = PERSON_PRONOUNS.has(lower) ? 'person' : 'group';
          const found =
            latest(sentenceMentions, sourceStart, want) ?? latest(mentions, sourceStart, want);
          speaker = found === undefined ? null : registry.resolve(found.name);
        } else if (lower === 'we' || lower === 'i') {
          speaker = null;
        } else {
          speaker = registry.resolve(normaliseSpeaker(written));
          const kind = kindOfName(speaker);
          mentions.push({
            name: speaker,
            kind: kind === 'unknown' ? 'group' : kind,
            at: sourceStart,
          });
        }
        if (speaker === null) continue;
        const cueStart = tokens[a.cueFrom]!.start;
        const cueEnd = tokens[a.cueTo - 1]!.end;
        const quote = text.slice(a.contentStart, a.contentEnd);
        // Two cues may report one statement ("X said that Y—which Z denies"): the second key
        // names its cue too, so keys stay unique.
        let key = `${a.contentStart}-${a.contentEnd}`;
        if (byKey.has(key)) key = `${key}@${cueStart}`;
        if (byKey.has(key)) continue;
        lastContent = { start: a.contentStart, end: a.contentEnd };
        byKey.set(key, {
          key,
          start: a.contentStart,
          end: a.contentEnd,
          quote,
          cue: { start: cueStart, end: cueEnd, text: text.slice(cueStart, cueEnd) },
          cueLemma: a.lemma,
          source: { start: sourceStart, end: sourceEnd, text: written },
          speaker,
          type: typeFromCue(a.lemma, quote, a.direct),
          sentence: { start: sentence.start, end: sentence.end },
        });
      }
    }
    mentions.push(...sentenceMentions);
    // Only the last stretch of text can be a pronoun's antecedent.
    if (mentions.length > 512) mentions.splice(0, mentions.length - 256);
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}
