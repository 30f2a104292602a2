/**
 * Which suggestions to offer, and what accepting one creates. Shared by the reader and the CLI so
 * both offer the same suggestions and make the same claims.
 */
import { describeRange, type Selectors } from '../anchoring/selectors';
import type { Annotation, Claim } from '../contract/entities';
import type { SuggestionDismissal } from '../contract/claim-suggestions';
import { nameKey } from '../text/fold';
import type { ClaimSuggestion } from './types';

/** How much of the longer of two ranges their common part must cover to count as the same. */
export const SAME_PASSAGE_OVERLAP = 0.5;

/** The part of the longer range that [aStart, aEnd) and [bStart, bEnd) share, 0 to 1. */
export function overlapRatio(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  const common = Math.min(aEnd, bEnd) - Math.max(aStart, bStart);
  if (common <= 0) return 0;
  return common / Math.max(aEnd - aStart, bEnd - bStart);
}

type Dismissal = Pick<SuggestionDismissal, 'quote' | 'position' | 'speaker'>;

/** One speaker: the same name, or either side unknown (null). */
function sameSpeaker(a: string | null, b: string | null): boolean {
  return a === null || b === null || nameKey(a) === nameKey(b);
}

/**
 * Dismissed: the same words attributed to the same speaker, at the same place or with the same
 * context (the text moved). One statement suggested twice ("X said S, which Y denies") is two
 * suggestions: dismissing one leaves the other.
 */
export function isDismissed(
  suggestion: ClaimSuggestion,
  text: string,
  dismissals: readonly Dismissal[],
): boolean {
  if (dismissals.length === 0) return false;
  const { quote } = describeRange(text, suggestion.start, suggestion.end);
  return dismissals.some(
    (d) =>
      d.quote.exact === quote.exact &&
      (d.speaker === null
        ? suggestion.speaker === null
        : suggestion.speaker !== null && nameKey(d.speaker) === nameKey(suggestion.speaker)) &&
      ((d.position.start === suggestion.start && d.position.end === suggestion.end) ||
        (d.quote.prefix === quote.prefix && d.quote.suffix === quote.suffix)),
  );
}

/**
 * Already a claim: a live claim annotation covers the same passage, and is the same speaker's (or
 * either speaker is unknown).
 */
export function isAlreadyClaimed(
  suggestion: ClaimSuggestion,
  claims: readonly Pick<Annotation, 'anchor' | 'claim'>[],
): boolean {
  return claims.some(
    (a) =>
      a.claim !== null &&
      a.anchor.status !== 'orphan' &&
      sameSpeaker(a.claim.speaker, suggestion.speaker) &&
      overlapRatio(suggestion.start, suggestion.end, a.anchor.start, a.anchor.end) >=
        SAME_PASSAGE_OVERLAP,
  );
}

/**
 * The suggestions to offer: neither dismissed nor already claimed, in their order. Claims are
 * looked up by position, so a long article's thousands of annotations are not scanned per
 * suggestion.
 */
export function suggestionsToOffer(
  suggestions: readonly ClaimSuggestion[],
  text: string,
  dismissals: readonly Dismissal[],
  annotations: Iterable<Pick<Annotation, 'anchor' | 'claim'>>,
): ClaimSuggestion[] {
  const claims: { start: number; end: number; speaker: string | null }[] = [];
  for (const a of annotations) {
    if (a.claim !== null && a.anchor.status !== 'orphan') {
      claims.push({ start: a.anchor.start, end: a.anchor.end, speaker: a.claim.speaker });
    }
  }
  claims.sort((a, b) => a.start - b.start);
  // A claim long enough to cover half of a suggestion starts at most this far before it.
  const longest = claims.reduce((max, c) => Math.max(max, c.end - c.start), 0);
  const firstFrom = (offset: number) => {
    let low = 0;
    let high = claims.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (claims[mid]!.start < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  return suggestions.filter((s) => {
    if (isDismissed(s, text, dismissals)) return false;
    for (let i = firstFrom(s.start - longest); i < claims.length; i++) {
      const c = claims[i]!;
      if (c.start >= s.end) break;
      if (
        sameSpeaker(c.speaker, s.speaker) &&
        overlapRatio(s.start, s.end, c.start, c.end) >= SAME_PASSAGE_OVERLAP
      ) {
        return false;
      }
    }
    return true;
  });
}

/** The claim accepting a suggestion makes: its type and speaker, not yet checked. */
export function claimOf(suggestion: ClaimSuggestion): Claim {
  return { type: suggestion.type, speaker: suggestion.speaker, status: 'unverified' };
}

/** The annotation accepting a suggestion creates (as `createAnnotation` takes it). */
export function annotationOf(
  suggestion: ClaimSuggestion,
  text: string,
): Selectors & { claim: Claim } {
  return { ...describeRange(text, suggestion.start, suggestion.end), claim: claimOf(suggestion) };
}
