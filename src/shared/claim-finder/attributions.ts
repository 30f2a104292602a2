/**
 * The rules on top of the tagger: for each cue in a tagged sentence, its source and its content.
 *
 * Frames recognised (see docs/claim-finder.md):
 * - "X (has) said (on Tuesday / in a statement / told reporters) that Y", "X said “Y”", "X said Y";
 * - inverted: "“Y,” said X." and "Y, the ministry said.";
 * - relative: "Y—which X denies" (the content is Y, the statement before);
 * - "X accused A of B" (content "A of B"), "X denied the report" (content the object);
 * - "X announced a finding that Y" (the noun "finding" decides the type);
 * - "according to X, Y" and "Y, according to X"; "X's statement that Y"; "what X calls “Y”".
 * Negated cues ("did not deny"), infinitives ("refused to confirm") and passives ("is expected
 * to") suggest nothing: the statement is not attributed to anyone.
 */
import { quotationAt, quotationBefore, trimContent } from './content';
import {
  AUXILIARIES,
  CUE_WORDS,
  NEGATIONS,
  STATEMENT_NOUNS,
  VERB_FORMS,
  type VerbCue,
} from './cues';
import type { Token } from './nlp';
import { phraseAfter, phraseBefore, type Phrase } from './sources';

export interface RawAttribution {
  /** Token indexes of the cue [cueFrom, cueTo). */
  readonly cueFrom: number;
  readonly cueTo: number;
  readonly lemma: string;
  readonly source: Phrase;
  /** Char offsets of the content, or 'antecedent' for "which X denies" (resolved later). */
  contentStart: number;
  contentEnd: number;
  /** The content runs to the end of the clause: later cut at the next attribution's start. */
  readonly open: boolean;
  readonly antecedent: boolean;
  readonly direct: boolean;
  /** Where this attribution's own words start, for cutting an open content before it. */
  cutAt: number | null;
}

/** Where an open content stops: a semicolon, or a contrast (", while the Forum argued …"). */
const CLAUSE_STOP = /;|,\s+(?:while|whereas)\b/;

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re"]);

function isPunct(t: Token | undefined): boolean {
  return t === undefined || t.pos === 'PUNCT';
}

/** The attributions of one sentence [sStart, sEnd) whose tokens are `tokens`. */
export function attributionsIn(
  text: string,
  tokens: readonly Token[],
  sStart: number,
  sEnd: number,
  previousContent: { start: number; end: number } | null = null,
): RawAttribution[] {
  const out: RawAttribution[] = [];
  // Content ends before the final period (or other end mark), unless a quote closes there.
  let bodyEnd = sEnd;
  while (bodyEnd > sStart && /[.!?…\s]/.test(text[bodyEnd - 1]!)) bodyEnd--;
  const claimedTokens = new Set<number>();

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!CUE_WORDS.has(t.lower) || claimedTokens.has(i)) continue;

    // "according to X"
    if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      const source = phraseAfter(tokens, i + 2);
      if (source === null) continue;
      const initial = tokens.slice(0, i).every((x) => x.pos === 'PUNCT');
      const [cs, ce] = initial ? [tokens[source.to - 1]!.end, bodyEnd] : [sStart, t.start];
      const [s, e] = trimContent(text, cs, ce);
      if (e > s) {
        out.push({
          cueFrom: i,
          cueTo: i + 2,
          lemma: 'according to',
          source,
          contentStart: s,
          contentEnd: e,
          open: false,
          antecedent: false,
          direct: false,
          cutAt: initial ? null : tokens[i - 1]?.pos === 'PUNCT' ? tokens[i - 1]!.start : t.start,
        });
      }
      continue;
    }

    // "X's statement that Y", "Russia's claim that Y"
    const noun = STATEMENT_NOUNS.get(t.lower);
    if (
      noun !== undefined &&
      tokens[i + 1]?.lower === 'that' &&
      i >= 2 &&
      /^[’']s?$/u.test(tokens[i - 1]!.text)
    ) {
      const source = phraseBefore(tokens, i - 1);
      if (source !== null && tokens[i + 2] !== undefined) {
        out.push(openContent(i, i + 2, noun, source, tokens[i + 2]!.start, bodyEnd, null));
      }
      continue;
    }

    const verb = VERB_FORMS.get(t.lower);
    if (verb === undefined || !isVerbUse(tokens, i)) continue;
    const found = verbAttribution(text, tokens, i, verb, sStart, bodyEnd, sEnd, out);
    if (found !== null) {
      // A cue sharing an earlier subject ("… and warned that", "…, saying …") starts a new
      // statement: an earlier open content stops there.
      const joint = tokens[found.cueFrom - 1];
      if (
        found.cutAt === null &&
        joint !== undefined &&
        found.source.to < found.cueFrom - 1 &&
        (joint.lower === 'and' || joint.text === ',')
      ) {
        found.cutAt = joint.start;
      }
      out.push(found);
      for (let k = found.cueFrom; k < found.cueTo; k++) claimedTokens.add(k);
    }
  }

  // Open contents stop where a later attribution's own words start ("…—which Russia denies"),
  // and at a semicolon or a contrast (", while the Forum argued …").
  for (const a of out) {
    if (!a.open) continue;
    // Searched in the content (and a few characters on), not to the end of the text.
    const stop = CLAUSE_STOP.exec(text.slice(a.contentStart, a.contentEnd + 8));
    if (stop !== null && stop.index < a.contentEnd - a.contentStart) {
      a.contentEnd = a.contentStart + stop.index;
    }
    for (const b of out) {
      if (b !== a && b.cutAt !== null && b.cutAt > a.contentStart && b.cutAt < a.contentEnd) {
        a.contentEnd = b.cutAt;
      }
    }
    [a.contentStart, a.contentEnd] = trimContent(text, a.contentStart, a.contentEnd);
  }
  // "which X denies": the statement before, as another attribution gave it, or the clause before.
  for (const a of out) {
    if (!a.antecedent) continue;
    if (a.cutAt === null) {
      // "denied that": the latest statement reported before, in this sentence or an earlier one.
      const last = out
        .filter((b) => !b.antecedent && b.contentEnd <= tokens[a.cueFrom]!.start)
        .pop();
      const span = last ? { start: last.contentStart, end: last.contentEnd } : previousContent;
      if (span === null) continue;
      a.contentStart = span.start;
      a.contentEnd = span.end;
      continue;
    }
    const before = out.find(
      (b) => !b.antecedent && b.contentEnd <= a.cutAt! && b.contentEnd >= a.cutAt! - 2,
    );
    const [s, e] = before
      ? [before.contentStart, before.contentEnd]
      : trimContent(text, sStart, a.cutAt);
    a.contentStart = s;
    a.contentEnd = e;
  }
  return out.filter((a) => a.contentEnd > a.contentStart);
}

function openContent(
  cueFrom: number,
  cueTo: number,
  lemma: string,
  source: Phrase,
  start: number,
  end: number,
  cutAt: number | null,
): RawAttribution {
  return {
    cueFrom,
    cueTo,
    lemma,
    source,
    contentStart: start,
    contentEnd: end,
    open: true,
    antecedent: false,
    direct: false,
    cutAt,
  };
}

/** A direct quotation `[start, end)` (its marks included) reported by the cue. */
function quotedContent(
  cueFrom: number,
  cueTo: number,
  lemma: string,
  source: Phrase,
  [start, end]: readonly [number, number],
): RawAttribution {
  return {
    cueFrom,
    cueTo,
    lemma,
    source,
    contentStart: start,
    contentEnd: end,
    open: false,
    antecedent: false,
    direct: true,
    cutAt: null,
  };
}

/** A verb form used as a verb (the model tags "the ministry reports that" as a noun). */
function isVerbUse(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (t.pos === 'VERB') {
    // "reports have said": a noun before an auxiliary.
    return !(
      next !== undefined &&
      (next.pos === 'AUX' || next.pos === 'VERB') &&
      t.lower.endsWith('s')
    );
  }
  if (
    t.pos === 'NOUN' &&
    next !== undefined &&
    (next.lower === 'that' || /^[“"]$/.test(next.text))
  ) {
    const prev = tokens[i - 1];
    return (
      prev !== undefined && (prev.pos === 'NOUN' || prev.pos === 'PROPN' || prev.pos === 'PRON')
    );
  }
  return false;
}

function verbAttribution(
  text: string,
  tokens: readonly Token[],
  i: number,
  verb: VerbCue,
  sStart: number,
  bodyEnd: number,
  sEnd: number,
  earlier: readonly RawAttribution[],
): RawAttribution | null {
  // Auxiliaries and negation before the verb belong to the cue.
  let cueFrom = i;
  let negated = false;
  let passive = false;
  while (cueFrom > 0) {
    const p = tokens[cueFrom - 1]!;
    if (AUXILIARIES.has(p.lower) || p.pos === 'AUX') {
      if (BE.has(p.lower) && !tokens[i]!.lower.endsWith('ing')) passive = true;
    } else if (NEGATIONS.has(p.lower)) negated = true;
    else if (!(p.pos === 'ADV' && cueFrom - 1 > 0 && tokens[cueFrom - 2]!.pos === 'AUX')) break;
    cueFrom--;
  }
  if (negated || passive) return null;
  if (tokens[cueFrom - 1]?.lower === 'to') return null;

  const prevOfCue = tokens[cueFrom - 1];
  const previous = earlier.length > 0 ? earlier[earlier.length - 1]!.source : null;
  let before = phraseBefore(tokens, cueFrom);
  // "Its director, Amara Nwosu, said": the subject is before or inside the commas.
  if (before === null && prevOfCue?.text === ',') before = appositiveSubject(tokens, cueFrom - 1);
  // "… called the budget “…” and warned that": the subject of the sentence's previous cue.
  if (before === null && prevOfCue?.lower === 'and') before = previous;
  // "…, ruling that …", "…, saying …": a participle shares its clause's subject.
  if (before === null && prevOfCue?.text === ',' && tokens[i]!.lower.endsWith('ing')) {
    before = previous ?? subjectAt(tokens);
  }
  // "A UN report published in March found that": the phrase before the participle.
  if (
    before !== null &&
    tokens[before.from - 1]?.pos === 'ADP' &&
    tokens[before.from - 2]?.pos === 'VERB' &&
    tokens[before.from - 2]!.lower.endsWith('ed')
  ) {
    before = phraseBefore(tokens, before.from - 2) ?? before;
  }
  const beforeStart = before === null ? undefined : tokens[before.from - 1];
  const next = tokens[i + 1];
  let lemma = verb.lemma;

  // "—which Russia denies", ", which Marsh rejected on Wednesday,"
  // ", an accusation Greenvale rejects": a statement noun stands for the statement before.
  const relative =
    beforeStart !== undefined &&
    (beforeStart.lower === 'which' || STATEMENT_NOUNS.has(beforeStart.lower));
  if (before !== null && relative && restIsAdjunct(tokens, i + 1, true, verb.lemma)) {
    let p = before.from - 2;
    while (p > before.from - 5 && p >= 0 && tokens[p]!.pos !== 'PUNCT') p--;
    const punct = tokens[p];
    if (punct === undefined || punct.pos !== 'PUNCT') return null;
    return {
      cueFrom: i,
      cueTo: i + 1,
      lemma,
      source: before,
      contentStart: 0,
      contentEnd: 0,
      open: false,
      antecedent: true,
      direct: false,
      cutAt: punct.start,
    };
  }

  // Inverted: "“…,” said Stoltenberg." / "“…,” Whitcombe said in a statement." /
  // "…, researchers at Kestrel University reported on Thursday."
  const after =
    before === null && prevOfCue !== undefined && isPunct(prevOfCue)
      ? phraseAfter(tokens, i + 1)
      : null;
  if (
    (before !== null && restIsAdjunct(tokens, i + 1, false, verb.lemma)) ||
    (after !== null && restIsAdjunct(tokens, after.to, false, verb.lemma))
  ) {
    const source = (before ?? after)!;
    const firstOwn = before !== null ? before.from : cueFrom;
    const punctBefore = firstOwn - 1;
    if (punctBefore < 0 || !isPunct(tokens[punctBefore])) return null;
    const cut = tokens[punctBefore]!.start;
    const quote = quotationBefore(text, sStart, tokens[punctBefore]!.end);
    const [s, e] = quote ?? trimContent(text, sStart, cut);
    if (e <= s) return null;
    return {
      cueFrom,
      cueTo: i + 1,
      lemma,
      source,
      contentStart: s,
      contentEnd: e,
      open: false,
      antecedent: false,
      direct: quote !== null,
      cutAt: cut,
    };
  }
  if (before === null) return null;

  // What follows the verb: "that", a quotation, or a few words then one of them.
  let j = i + 1;
  let nounLemma: string | null = null;
  const windowEnd = Math.min(tokens.length, i + 9);
  for (let k = i + 1; k < windowEnd && verb.frame !== 'accuse'; k++) {
    const w = tokens[k]!;
    if (w.lower === 'to') break;
    if (w.lower === 'that' || /^[“"]$/.test(w.text) || w.text === ':') {
      j = k;
      break;
    }
    // The model may tag "finding" in "an intelligence finding that" as a verb.
    const n = STATEMENT_NOUNS.get(w.lower);
    if (n !== undefined && (w.pos === 'NOUN' || tokens[k + 1]?.lower === 'that')) {
      nounLemma = n;
      continue;
    }
    if (w.pos === 'VERB' || w.pos === 'AUX' || (w.pos === 'PUNCT' && w.text !== ',')) break;
  }
  const at = tokens[j]!;
  if (nounLemma !== null && j > i + 1 && at.lower === 'that') lemma = nounLemma;
  const cueTo = at.lower === 'that' ? j + 1 : j > i + 1 && at.text === ':' ? j + 1 : i + 1;

  if (
    verb.frame === 'deny' &&
    next !== undefined &&
    ['that', 'this', 'it', 'these', 'those'].includes(next.lower)
  ) {
    // "Bevan denied that, saying …", "Corvane rejected that account": the statement before.
    const objEnd = tokens[i + 2]?.pos === 'NOUN' ? i + 3 : i + 2;
    if (tokens[objEnd] === undefined || tokens[objEnd]!.pos === 'PUNCT') {
      return {
        cueFrom,
        cueTo: objEnd,
        lemma,
        source: before,
        contentStart: 0,
        contentEnd: 0,
        open: false,
        antecedent: true,
        direct: false,
        cutAt: null,
      };
    }
  }
  if (at.lower === 'that' && tokens[j + 1] !== undefined) {
    if (j > i + 1 && verb.frame !== 'speech' && verb.frame !== 'clausal' && nounLemma === null)
      return null;
    const q = quotationAt(text, tokens[j + 1]!.start, sEnd);
    if (q !== null && q[1] >= bodyEnd) return quotedContent(cueFrom, cueTo, lemma, before, q);
    return openContent(cueFrom, cueTo, lemma, before, tokens[j + 1]!.start, bodyEnd, null);
  }
  if (/^[“"]$/.test(at.text) || (at.text === ':' && /^[“"]$/.test(tokens[j + 1]?.text ?? ''))) {
    const q = quotationAt(text, at.start, sEnd);
    if (q === null) return null;
    return quotedContent(cueFrom, at.text === ':' ? j + 1 : cueTo, lemma, before, q);
  }
  if (next === undefined) return null;
  switch (verb.frame) {
    case 'accuse': {
      // "accused Russia of planning …": needs the "of"/"for" within a few words.
      for (let k = i + 2; k < Math.min(tokens.length, i + 8); k++) {
        const w = tokens[k]!.lower;
        if (w === 'of' || w === 'for')
          return openContent(cueFrom, i + 1, lemma, before, next.start, bodyEnd, null);
        if (tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'PUNCT') break;
      }
      return null;
    }
    case 'deny': {
      if (['DET', 'NOUN', 'PROPN', 'ADJ', 'NUM'].includes(next.pos) || next.lower === 'any') {
        // The object alone: "rejected the report, calling it false" → "the report".
        let k = i + 1;
        while (k < tokens.length && !(tokens[k]!.pos === 'PUNCT' && tokens[k]!.text !== '-')) k++;
        const objectEnd = k < tokens.length ? tokens[k]!.start : bodyEnd;
        return openContent(
          cueFrom,
          i + 1,
          lemma,
          before,
          next.start,
          Math.min(objectEnd, bodyEnd),
          null,
        );
      }
      return null;
    }
    case 'speech':
      if (lemma === 'warn' && next.lower === 'of' && tokens[i + 2] !== undefined) {
        return openContent(cueFrom, i + 2, lemma, before, tokens[i + 2]!.start, bodyEnd, null);
      }
      // "said Russia was …": a clause right after the verb (a subject, then a verb soon).
      if (
        lemma !== 'tell' &&
        ['PROPN', 'PRON', 'DET', 'NOUN'].includes(next.pos) &&
        hasVerbSoon(tokens, i + 1)
      ) {
        return openContent(cueFrom, i + 1, lemma, before, next.start, bodyEnd, null);
      }
      return null;
    case 'clausal':
      // "experts expect the court to rule …"
      if (
        (lemma === 'expect' || lemma === 'predict') &&
        ['DET', 'NOUN', 'PROPN', 'ADJ'].includes(next.pos)
      ) {
        for (let k = i + 2; k < Math.min(tokens.length, i + 8); k++) {
          if (tokens[k]!.lower === 'to')
            return openContent(cueFrom, i + 1, lemma, before, next.start, bodyEnd, null);
          if (tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'PUNCT') break;
        }
      }
      return null;
    default:
      return null;
  }
}

/**
 * The words from `from` to the sentence end (or, with `toComma`, to a comma) only place or time
 * the cue ("on Thursday", "in a statement", "reporters outside parliament"): it has no content
 * after it, so the content is before it.
 */
function restIsAdjunct(
  tokens: readonly Token[],
  from: number,
  toComma: boolean,
  lemma: string,
): boolean {
  const first = tokens[from];
  if (first === undefined) return true;
  // "said on Thursday", "said in a video posted online"; "told reporters outside parliament".
  const opens =
    first.pos === 'PUNCT'
      ? !/^[“"‘«:]$/.test(first.text)
      : first.pos === 'ADP' ||
        first.pos === 'ADV' ||
        (lemma === 'tell' && ['NOUN', 'PROPN', 'DET'].includes(first.pos));
  if (!opens || first.lower === 'that' || first.lower === 'to' || first.lower === 'of')
    return false;
  for (let k = from; k < tokens.length; k++) {
    const w = tokens[k]!;
    if (w.lower === 'that' || /^[“"‘«:]$/.test(w.text)) return false;
    if (w.pos === 'PUNCT' && (w.text !== ',' || toComma) && w.text !== '-') return true;
  }
  return true;
}

/** The subject of an appositive: "Its director, Amara Nwosu, said" → the name inside commas. */
function appositiveSubject(tokens: readonly Token[], comma: number): Phrase | null {
  let open = comma - 1;
  while (open >= 0 && tokens[open]!.text !== ',') open--;
  if (open < 0) return null;
  const inner = phraseBefore(tokens, comma);
  const innerOk = inner !== null && inner.from === open + 1;
  const outer = phraseBefore(tokens, open);
  const named = (p: Phrase | null) =>
    p !== null && tokens.slice(p.from, p.to).some((t) => t.pos === 'PROPN');
  if (outer !== null && tokens[outer.to - 1]!.pos === 'PROPN') return outer;
  if (innerOk && named(inner)) return inner;
  return outer ?? (innerOk ? inner : null);
}

/** The named phrase that opens the sentence ("Federal Judge Miriam Castellanos on Monday …"). */
function subjectAt(tokens: readonly Token[]): Phrase | null {
  const p = phraseAfter(tokens, 0);
  return p !== null && tokens[p.to - 1]!.pos === 'PROPN' ? p : null;
}

/** A finite verb within a few words of `from`: the words start a clause, not an object. */
function hasVerbSoon(tokens: readonly Token[], from: number): boolean {
  for (let k = from + 1; k < Math.min(tokens.length, from + 10); k++) {
    const w = tokens[k]!;
    if (w.pos === 'AUX' || w.pos === 'VERB') return true;
    if ((w.pos === 'PUNCT' && w.text !== '-') || w.pos === 'SCONJ') return false;
  }
  return false;
}
