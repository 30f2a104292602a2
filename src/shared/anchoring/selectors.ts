/**
 * Selectors: how an annotation describes the passage it marks, after the W3C Web Annotation
 * TextQuoteSelector (exact + prefix + suffix) and TextPositionSelector (start + end). Offsets
 * are UTF-16 code units into an article's canonical text.
 */

export interface QuoteSelector {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

export interface PositionSelector {
  readonly start: number;
  readonly end: number;
}

export interface Selectors {
  readonly quote: QuoteSelector;
  readonly position: PositionSelector;
}

/** Characters of context kept on each side of a quote: enough to tell repeated phrases apart. */
export const CONTEXT_LENGTH = 32;

/** Describes `[start, end)` of `text` with every selector we keep. */
export function describeRange(text: string, start: number, end: number): Selectors {
  if (!(0 <= start && start < end && end <= text.length)) {
    throw new RangeError(`range ${start}-${end} is outside a text of length ${text.length}`);
  }
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { start, end },
  };
}

/** True when the position selector still points at exactly the quoted words. */
export function positionMatchesQuote(text: string, selectors: Selectors): boolean {
  const { start, end } = selectors.position;
  return (
    0 <= start &&
    start < end &&
    end <= text.length &&
    text.slice(start, end) === selectors.quote.exact
  );
}
