/**
 * What the two readers (`w3c-reader.ts`, `hypothesis-reader.ts`) share: the annotations they
 * return, warnings counted by kind, and reading W3C selectors (Hypothesis writes them too).
 */
import { z } from 'zod';
import {
  TimestampSchema,
  type ClaimStatus,
  type HighlightColor,
  type LinkRelation,
} from '../contract/entities';
import { firstUnits, lastUnits } from '../text/code-points';
import { MAX_QUOTE_CONTEXT_LENGTH, MAX_QUOTE_LENGTH } from '../text/limits';
import { shape, stringOrList, text } from './json-guard';
import { compactTerms, TYPE } from './vocabulary';

export interface ParsedLink {
  readonly relation: LinkRelation;
  /** The other annotation's id as the file writes it (a `urn:uuid:` IRI reduced to its UUID). */
  readonly otherSourceId: string;
}

export interface ParsedClaim {
  readonly type: string;
  readonly speaker: string | null;
  readonly status: ClaimStatus;
}

export interface ParsedAnnotation {
  /** The id in the file: W3C `urn:uuid:<uuid>` reduced to the UUID, other ids as written. */
  readonly sourceId: string | null;
  /** The target's source IRI as written (ours: `urn:uuid:<article id>`; Hypothesis: the URL). */
  readonly targetSource: string;
  /** Ours: the SHA-256 of the article's canonical text, to find the same text in any library. */
  readonly targetTextHash: string | null;
  readonly quote: { readonly exact: string; readonly prefix: string; readonly suffix: string };
  /** W3C TextPositionSelector offsets, in code points; null when absent or from Hypothesis. */
  readonly codePointPosition: { readonly start: number; readonly end: number } | null;
  readonly color: HighlightColor | null;
  readonly note: string;
  readonly tags: readonly string[];
  readonly claim: ParsedClaim | null;
  /** Outgoing links only. */
  readonly links: readonly ParsedLink[];
  readonly originalQuote: string | null;
  /** ISO 8601 timestamps, when the file has valid ones. */
  readonly created: string | null;
  readonly modified: string | null;
}

export interface ParsedAnnotationFile {
  readonly format: 'w3c' | 'hypothesis';
  /** The collection's label, when the file is a labelled W3C AnnotationCollection. */
  readonly label: string | null;
  readonly annotations: readonly ParsedAnnotation[];
  readonly warnings: readonly string[];
}

/** Said when a file has annotations but none with a quote to anchor. */
export const NO_QUOTE = `no ${TYPE.quoteSelector}`;

/** Counts of things skipped or ignored, turned into one warning per kind at the end. */
export class Warnings {
  private readonly counts = new Map<string, { count: number; say: (count: number) => string }>();
  private readonly notes: string[] = [];

  count(kind: string, say: (count: number) => string): void {
    const entry = this.counts.get(kind);
    if (entry === undefined) this.counts.set(kind, { count: 1, say });
    else entry.count++;
  }

  note(message: string): void {
    this.notes.push(message);
  }

  list(): string[] {
    return [...this.notes, ...[...this.counts.values()].map(({ count, say }) => say(count))];
  }
}

export function timestampOrNull(value: string | undefined): string | null {
  return value !== undefined && TimestampSchema.safeParse(value).success ? value : null;
}

const QuoteSelectorShape = z.looseObject({
  exact: text(MAX_QUOTE_LENGTH),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});

const PositionSelectorShape = z.looseObject({ start: z.number(), end: z.number() });

const SelectorShape = z.looseObject({ type: stringOrList.optional() });

export interface Selected {
  quote: ParsedAnnotation['quote'] | null;
  /** Whatever start/end the TextPositionSelector held, checked later. */
  position: { start: number; end: number } | null;
}

/**
 * The first TextQuoteSelector and TextPositionSelector among `selectors`; the quote's context is
 * kept to the entity's limit each side, nearest the quote.
 */
export function select(selectors: readonly unknown[], where: string): Selected {
  let quote: Selected['quote'] = null;
  let position: Selected['position'] = null;
  for (const [index, selector] of selectors.entries()) {
    const at = `${where} selector ${index + 1}`;
    if (typeof selector === 'string') continue; // a selector held elsewhere: not followed
    const types = compactTerms(shape(SelectorShape, selector, at).type);
    if (quote === null && types.includes(TYPE.quoteSelector)) {
      const parsed = shape(QuoteSelectorShape, selector, at);
      if (parsed.exact !== '') {
        quote = {
          exact: parsed.exact,
          prefix: lastUnits(parsed.prefix ?? '', MAX_QUOTE_CONTEXT_LENGTH),
          suffix: firstUnits(parsed.suffix ?? '', MAX_QUOTE_CONTEXT_LENGTH),
        };
      }
    } else if (position === null && types.includes(TYPE.positionSelector)) {
      const { start, end } = shape(PositionSelectorShape, selector, at);
      position = { start, end };
    }
  }
  return { quote, position };
}
