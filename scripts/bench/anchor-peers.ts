/**
 * The anchoring benchmark's peers, run from their npm packages on the same cases as ours:
 * - Apache Annotator's `textQuoteSelectorMatcher` (exact prefix + quote + suffix), fed the new
 *   text as a single chunk; of its matches, the one nearest the old position.
 * - Hypothesis's approach: the position if it still holds the quote, else the best of
 *   `approx-string-match`'s matches scored as Hypothesis's `match-quote.ts` scores them (quote 50,
 *   prefix 20, suffix 20, position 2; at most min(256, quote length / 2) errors), taken whatever
 *   its score. Written here from the published description of that scoring.
 */
import { textQuoteSelectorMatcher } from '@apache-annotator/selector';
import type { Chunk, Chunker } from '@apache-annotator/selector';
import approxSearch, { type Match } from 'approx-string-match';
import type { Selectors } from '../../src/shared/anchoring/selectors';
import type { Span } from './anchor-revisions';

/** A peer's answer: where it anchored, or null for an orphan. */
export type PeerAnchor = Span | null;

/** The whole text as one chunk, which is all a plain string needs. */
function singleChunk(text: string): Chunker<Chunk<string>> {
  const chunk: Chunk<string> = { data: text };
  return {
    currentChunk: chunk,
    nextChunk: () => null,
    previousChunk: () => null,
    precedesCurrentChunk: () => false,
  };
}

export async function apacheAnnotator(text: string, selectors: Selectors): Promise<PeerAnchor> {
  const { exact, prefix, suffix } = selectors.quote;
  const matches = textQuoteSelectorMatcher({ type: 'TextQuoteSelector', exact, prefix, suffix })(
    singleChunk(text),
  );
  let best: PeerAnchor = null;
  for await (const match of matches) {
    const start = match.startIndex;
    const end = match.endIndex;
    if (
      !best ||
      Math.abs(start - selectors.position.start) < Math.abs(best.start - selectors.position.start)
    ) {
      best = { start, end };
    }
  }
  return best;
}

/** Exact occurrences first (cheap); approximate ones only when there are none. */
function search(text: string, pattern: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
    exact.push({ start: at, end: at + pattern.length, errors: 0 });
  }
  return exact.length > 0 ? exact : approxSearch(text, pattern, maxErrors);
}

/** 1 for an exact match of `pattern` somewhere in `text`, down to 0 for nothing alike. */
function similarity(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0;
  const found = search(text, pattern, pattern.length);
  return found.length ? 1 - found[0]!.errors / pattern.length : 0;
}

export function hypothesis(text: string, selectors: Selectors): PeerAnchor {
  const { exact, prefix, suffix } = selectors.quote;
  const { start, end } = selectors.position;
  if (text.slice(start, end) === exact) return { start, end };
  if (exact.length === 0) return null;
  const matches = search(text, exact, Math.min(256, exact.length / 2));
  let best: { span: Span; score: number } | null = null;
  for (const m of matches) {
    const quoteScore = 1 - m.errors / exact.length;
    const prefixScore = prefix
      ? similarity(text.slice(Math.max(0, m.start - prefix.length), m.start), prefix)
      : 1;
    const suffixScore = suffix ? similarity(text.slice(m.end, m.end + suffix.length), suffix) : 1;
    const positionScore = 1 - Math.abs(m.start - start) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
    if (!best || score > best.score) best = { span: { start: m.start, end: m.end }, score };
  }
  return best?.span ?? null;
}
