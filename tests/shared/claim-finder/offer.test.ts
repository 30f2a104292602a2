import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../src/shared/anchoring/selectors';
import {
  annotationOf,
  isDismissed,
  overlapRatio,
  suggestionsToOffer,
} from '../../../src/shared/claim-finder/offer';
import type { ClaimSuggestion, SuggestedClaimType } from '../../../src/shared/claim-finder/types';
import { buildAnnotation } from '../../support/annotation-builder';

const TEXT =
  'Intelligence reports said that Russia planned an operation, which Russia denies. ' +
  'Later the US accused Russia of planning it.';
const STATEMENT = 'Russia planned an operation';
const US_CONTENT = 'Russia of planning it';

function suggestion(
  words: string,
  speaker: string | null,
  type: SuggestedClaimType,
  cueStart = 0,
): ClaimSuggestion {
  const start = TEXT.indexOf(words);
  const end = start + words.length;
  return {
    key: `${start}-${end}@${cueStart}`,
    start,
    end,
    quote: words,
    cue: { start: cueStart, end: cueStart + 4, text: TEXT.slice(cueStart, cueStart + 4) },
    cueLemma: 'say',
    source: null,
    speaker,
    type,
    sentence: { start: 0, end: TEXT.length },
  };
}

const assertion = suggestion(STATEMENT, 'Intelligence', 'assertion', 21);
const denial = suggestion(STATEMENT, 'Russia', 'denial', 73);
const accusation = suggestion(US_CONTENT, 'US', 'accusation', 91);
const all = [assertion, denial, accusation];

const dismissalOf = (s: ClaimSuggestion, speaker = s.speaker) => ({
  ...describeRange(TEXT, s.start, s.end),
  speaker,
});

describe('overlapRatio', () => {
  it('is the common part over the longer range', () => {
    expect(overlapRatio(0, 10, 5, 10)).toBe(0.5);
    expect(overlapRatio(0, 10, 0, 10)).toBe(1);
    expect(overlapRatio(0, 10, 10, 20)).toBe(0);
    expect(overlapRatio(0, 4, 2, 10)).toBe(0.25);
  });
});

describe('suggestionsToOffer', () => {
  it('offers everything when nothing is dismissed or claimed', () => {
    expect(suggestionsToOffer(all, TEXT, [], [])).toEqual(all);
  });

  it('keeps the other speaker’s suggestion of the same words when one is dismissed', () => {
    const offered = suggestionsToOffer(all, TEXT, [dismissalOf(assertion)], []);
    expect(offered).toEqual([denial, accusation]);
  });

  it('matches a dismissal’s speaker by its folded name', () => {
    expect(isDismissed(denial, TEXT, [dismissalOf(denial, 'RUSSIA')])).toBe(true);
    expect(isDismissed(denial, TEXT, [dismissalOf(denial, 'Ukraine')])).toBe(false);
    expect(isDismissed(denial, TEXT, [dismissalOf(denial, null)])).toBe(false);
  });

  it('finds a dismissal by its context when the text moved', () => {
    const moved = `Preface. ${TEXT}`;
    const shifted = { ...accusation, start: accusation.start + 9, end: accusation.end + 9 };
    expect(isDismissed(shifted, moved, [dismissalOf(accusation)])).toBe(true);
  });

  it('leaves out a suggestion a claim of the same speaker already covers, not another’s', () => {
    const claimed = buildAnnotation({
      text: TEXT,
      exact: STATEMENT,
      claim: { type: 'assertion', speaker: 'Intelligence', status: 'unverified' },
    });
    expect(suggestionsToOffer(all, TEXT, [], [claimed])).toEqual([denial, accusation]);
  });

  it('treats a claim without a speaker as covering every suggestion of its words', () => {
    const claimed = buildAnnotation({
      text: TEXT,
      exact: STATEMENT,
      claim: { type: 'assertion', speaker: null, status: 'unverified' },
    });
    expect(suggestionsToOffer(all, TEXT, [], [claimed])).toEqual([accusation]);
  });

  it('ignores highlights without a claim, orphans, and claims covering under half', () => {
    const highlight = buildAnnotation({ text: TEXT, exact: US_CONTENT });
    const orphan = buildAnnotation({
      text: TEXT,
      exact: US_CONTENT,
      claim: { type: 'accusation', speaker: 'US', status: 'unverified' },
      anchor: { status: 'orphan' },
    });
    const small = buildAnnotation({
      text: TEXT,
      exact: 'Russia of',
      claim: { type: 'accusation', speaker: 'US', status: 'unverified' },
    });
    expect(suggestionsToOffer(all, TEXT, [], [highlight, orphan, small])).toEqual(all);
  });

  it('finds the covering claim among many others by position', () => {
    const long = `${'Filler words here. '.repeat(2_000)}${TEXT}`;
    const offset = long.length - TEXT.length;
    const shifted = all.map((s) => ({ ...s, start: s.start + offset, end: s.end + offset }));
    const claims = Array.from({ length: 2_000 }, (_, i) =>
      buildAnnotation({
        text: long,
        start: i * 19,
        exact: 'Filler',
        claim: { type: 'assertion', speaker: null, status: 'unverified' },
      }),
    );
    claims.push(
      buildAnnotation({
        text: long,
        start: shifted[2]!.start,
        exact: US_CONTENT,
        claim: { type: 'accusation', speaker: 'US', status: 'unverified' },
      }),
    );
    expect(suggestionsToOffer(shifted, long, [], claims).map((s) => s.speaker)).toEqual([
      'Intelligence',
      'Russia',
    ]);
  });
});

describe('annotationOf', () => {
  it('describes the content with its context and makes an unverified claim of it', () => {
    const made = annotationOf(denial, TEXT);
    expect(made.quote.exact).toBe(STATEMENT);
    expect(made.position).toEqual({ start: denial.start, end: denial.end });
    expect(made.quote.prefix).toBe(TEXT.slice(Math.max(0, denial.start - 32), denial.start));
    expect(made.quote.suffix).toBe(TEXT.slice(denial.end, denial.end + 32));
    expect(made.claim).toEqual({ type: 'denial', speaker: 'Russia', status: 'unverified' });
  });
});
