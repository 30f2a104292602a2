/**
 * How the claim finder is judged: hand-labelled fixtures (tests/fixtures/claims/*.json) and a
 * scorer that matches the finder's suggestions to their labels. Pure (no fs), so the tests, the
 * benchmark and anyone tuning the finder share one loader and one rule; reading the files is the
 * caller's (tests/support/claim-fixtures.ts).
 *
 * A suggestion matches a label when their content spans overlap enough (common part / longer
 * span ≥ 0.5, as `overlapRatio`) and its speaker is the label's (`nameKey`-equal to `speaker` or
 * one of `aliases`). Matching is one-to-one: best overlaps first, each label and each suggestion
 * used once.
 */
import { nameKey } from '../text/fold';
import { SAME_PASSAGE_OVERLAP, overlapRatio } from './offer';
import { SUGGESTED_CLAIM_TYPES, type SuggestedClaimType, type TextSpan } from './types';

/** One attribution as written in a fixture file: spans given by their words, not offsets. */
export interface FixtureAttribution {
  /** The speaker as it should be stored ("Jens Stoltenberg", "White House"). */
  readonly speaker: string;
  /** Other names a suggestion may give the same speaker and still be right. */
  readonly aliases?: readonly string[];
  /** The source as written, searched nearest to the content; null when unnamed. */
  readonly source: string | null;
  /** The cue as written ("have said that", "denies"), searched nearest to the content. */
  readonly cue: string;
  /** The reported statement as written: exact words of the text. */
  readonly content: string;
  /** Which occurrence of `content` is meant when the words repeat (0 = the first). */
  readonly contentOccurrence?: number;
  readonly type: SuggestedClaimType;
  /** Other types a suggestion may give and still agree ("say" of a charge: accusation too). */
  readonly alternativeTypes?: readonly SuggestedClaimType[];
  /**
   * A borderline attribution ("which the US and NATO rejected" of demands): a suggestion for it
   * is neither counted right nor a false alarm, and missing it is no miss.
   */
  readonly optional?: boolean;
}

export interface FixtureFile {
  readonly name?: string;
  readonly title: string;
  /** The text itself, or null when it is read from `textFile`. */
  readonly text?: string | null;
  /** A path from the project root to the text, when `text` is null. */
  readonly textFile?: string | null;
  readonly attributions: readonly FixtureAttribution[];
}

/** A label with its spans as UTF-16 offsets into the fixture's text. */
export interface LabelledAttribution {
  readonly speaker: string;
  readonly aliases: readonly string[];
  readonly type: SuggestedClaimType;
  readonly alternativeTypes: readonly SuggestedClaimType[];
  readonly optional: boolean;
  readonly start: number;
  readonly end: number;
  readonly content: string;
  readonly cue: TextSpan;
  readonly source: TextSpan | null;
}

export interface Fixture {
  readonly name: string;
  readonly title: string;
  readonly text: string;
  readonly labels: readonly LabelledAttribution[];
}

/** What the scorer needs of a prediction (a `ClaimSuggestion` has all of it). */
export interface ScoredPrediction {
  readonly start: number;
  readonly end: number;
  readonly speaker: string | null;
  readonly type: SuggestedClaimType;
}

export interface Score<P extends ScoredPrediction = ScoredPrediction> {
  readonly predicted: number;
  readonly labelled: number;
  readonly matched: number;
  /** matched / predicted (1 when nothing was predicted and nothing labelled, else 0 for none). */
  readonly precision: number;
  /** matched / labelled (1 when nothing is labelled). */
  readonly recall: number;
  /** Of the matched pairs, the part whose suggested type is the label's (or an alternative). */
  readonly typeAgreement: number;
  /** The matched pairs whose types differ (counted in typeAgreement). */
  readonly typeMismatches: number;
  readonly misses: readonly LabelledAttribution[];
  readonly falseAlarms: readonly P[];
  readonly pairs: readonly { readonly label: LabelledAttribution; readonly prediction: P }[];
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Offsets of `needle` in `text` where it starts and ends at word edges (or with punctuation). */
function wordOccurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (needle === '') return out;
  const startsWord = WORD_CHAR.test(needle[0]!);
  const endsWord = WORD_CHAR.test(needle[needle.length - 1]!);
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    const before = at > 0 ? text[at - 1]! : '';
    const after = text[at + needle.length] ?? '';
    if (startsWord && before && WORD_CHAR.test(before)) continue;
    if (endsWord && after && WORD_CHAR.test(after)) continue;
    out.push(at);
  }
  return out;
}

/** The distance between [aStart, aEnd) and [bStart, bEnd): 0 when they touch or overlap. */
function gap(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  if (aEnd <= bStart) return bStart - aEnd;
  if (bEnd <= aStart) return aStart - bEnd;
  return 0;
}

/** The occurrence of `words` nearest to [start, end), outside it when possible. */
function nearest(text: string, words: string, start: number, end: number, what: string): TextSpan {
  const found = wordOccurrences(text, words);
  if (found.length === 0) throw new Error(`${what}: "${words}" is not in the text`);
  let best = found[0]!;
  let bestScore = Infinity;
  for (const at of found) {
    const inside = at >= start && at + words.length <= end;
    // Inside the content only when no occurrence outside it exists ("the US … the US").
    const score = gap(at, at + words.length, start, end) + (inside ? 1e9 : 0);
    if (score < bestScore) {
      bestScore = score;
      best = at;
    }
  }
  return { start: best, end: best + words.length, text: words };
}

function isClaimType(value: unknown): value is SuggestedClaimType {
  return (SUGGESTED_CLAIM_TYPES as readonly unknown[]).includes(value);
}

/**
 * A fixture with its labels' offsets. `readText` reads `textFile` (a path from the project root)
 * when the fixture does not carry its text. Throws, naming the fixture and the words, when a
 * content, source or cue is not in the text or a type is unknown.
 */
export function loadFixture(
  json: FixtureFile,
  readText?: (file: string) => string,
  name: string = json.name ?? json.title,
): Fixture {
  let text: string;
  if (typeof json.text === 'string') text = json.text;
  else if (json.textFile) {
    if (!readText) throw new Error(`Fixture ${name}: reads ${json.textFile} but no reader given`);
    text = readText(json.textFile);
  } else throw new Error(`Fixture ${name}: neither text nor textFile`);

  const labels = json.attributions.map((a, i): LabelledAttribution => {
    const what = `Fixture ${name}, attribution ${i + 1} (${a.speaker})`;
    if (!isClaimType(a.type)) throw new Error(`${what}: unknown type "${String(a.type)}"`);
    for (const t of a.alternativeTypes ?? []) {
      if (!isClaimType(t)) throw new Error(`${what}: unknown type "${String(t)}"`);
    }
    const occurrence = a.contentOccurrence ?? 0;
    let start = -1;
    for (let n = 0, from = 0; n <= occurrence; n++, from = start + 1) {
      start = text.indexOf(a.content, from);
      if (start === -1) break;
    }
    if (start === -1 || a.content === '') {
      throw new Error(
        `${what}: content "${a.content}" (occurrence ${occurrence}) is not in the text`,
      );
    }
    const end = start + a.content.length;
    const source = a.source === null ? null : nearest(text, a.source, start, end, `${what} source`);
    const cue = nearest(text, a.cue, start, end, `${what} cue`);
    return {
      speaker: a.speaker,
      aliases: a.aliases ?? [],
      type: a.type,
      alternativeTypes: a.alternativeTypes ?? [],
      optional: a.optional === true,
      start,
      end,
      content: a.content,
      cue,
      source,
    };
  });
  return { name, title: json.title, text, labels };
}

/** Whether `speaker` names the label's speaker (by `nameKey`, aliases included). */
export function speakerMatches(label: LabelledAttribution, speaker: string | null): boolean {
  if (speaker === null) return false;
  const key = nameKey(speaker);
  return nameKey(label.speaker) === key || label.aliases.some((a) => nameKey(a) === key);
}

/** Whether the prediction's type is the label's or one of its alternatives. */
export function typeAgrees(label: LabelledAttribution, type: SuggestedClaimType): boolean {
  return label.type === type || label.alternativeTypes.includes(type);
}

/**
 * Matches predictions to labels one-to-one (best overlap first) and counts. Optional labels take
 * part in the matching, but neither they nor the predictions they match are counted.
 */
export function scoreSuggestions<P extends ScoredPrediction>(
  predictions: readonly P[],
  labels: readonly LabelledAttribution[],
): Score<P> {
  const candidates: { p: number; l: number; overlap: number }[] = [];
  predictions.forEach((prediction, p) => {
    labels.forEach((label, l) => {
      const overlap = overlapRatio(prediction.start, prediction.end, label.start, label.end);
      if (overlap >= SAME_PASSAGE_OVERLAP && speakerMatches(label, prediction.speaker)) {
        candidates.push({ p, l, overlap });
      }
    });
  });
  // Required labels before optional ones, then best overlap first; ties in text order, so the
  // result does not depend on sort stability.
  const optional = (l: number) => Number(labels[l]!.optional);
  candidates.sort(
    (a, b) => optional(a.l) - optional(b.l) || b.overlap - a.overlap || a.l - b.l || a.p - b.p,
  );
  const usedP = new Set<number>();
  const usedL = new Set<number>();
  const pairs: { label: LabelledAttribution; prediction: P }[] = [];
  for (const c of candidates) {
    if (usedP.has(c.p) || usedL.has(c.l)) continue;
    usedP.add(c.p);
    usedL.add(c.l);
    pairs.push({ label: labels[c.l]!, prediction: predictions[c.p]! });
  }
  // Predictions of optional labels count neither way.
  const counted = pairs
    .filter((pair) => !pair.label.optional)
    .sort((a, b) => a.label.start - b.label.start);
  const predicted = predictions.length - (pairs.length - counted.length);
  const labelled = labels.filter((l) => !l.optional).length;
  const agreeing = counted.filter((pair) => typeAgrees(pair.label, pair.prediction.type)).length;
  const matched = counted.length;
  return {
    predicted,
    labelled,
    matched,
    precision: precisionOf(matched, predicted, labelled),
    recall: ratio(matched, labelled),
    typeAgreement: matched ? agreeing / matched : 0,
    typeMismatches: matched - agreeing,
    misses: labels.filter((label, l) => !label.optional && !usedL.has(l)),
    falseAlarms: predictions.filter((_, p) => !usedP.has(p)),
    pairs: counted,
  };
}

/** n / of, where nothing of nothing is perfect and something of nothing is none. */
function ratio(n: number, of: number): number {
  return of === 0 ? 1 : n / of;
}

/** matched / predicted; predicting nothing is perfect only when there was nothing to find. */
function precisionOf(matched: number, predicted: number, labelled: number): number {
  if (predicted === 0) return labelled === 0 ? 1 : 0;
  return matched / predicted;
}

/** The counts of several scores added up (micro-averaged precision, recall, type agreement). */
export function combineScores(scores: readonly Score[]): {
  predicted: number;
  labelled: number;
  matched: number;
  precision: number;
  recall: number;
  typeAgreement: number;
} {
  const predicted = scores.reduce((n, s) => n + s.predicted, 0);
  const labelled = scores.reduce((n, s) => n + s.labelled, 0);
  const matched = scores.reduce((n, s) => n + s.matched, 0);
  const mismatches = scores.reduce((n, s) => n + s.typeMismatches, 0);
  return {
    predicted,
    labelled,
    matched,
    precision: precisionOf(matched, predicted, labelled),
    recall: ratio(matched, labelled),
    typeAgreement: matched ? (matched - mismatches) / matched : 0,
  };
}

/** A label or prediction in one line, for failure messages and the benchmark's listing. */
export function describeSpan(
  text: string,
  item: { start: number; end: number; speaker: string | null; type: SuggestedClaimType },
): string {
  const words = text.slice(item.start, item.end).replace(/\s+/g, ' ');
  const short = words.length > 90 ? `${words.slice(0, 60)} … ${words.slice(-25)}` : words;
  return `[${item.start}-${item.end}] ${item.speaker ?? '(no speaker)'} (${item.type}): ${short}`;
}
