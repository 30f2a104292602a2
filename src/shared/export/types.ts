/** What the exporters take: plain data, no store and no transport, so every side can export. */
import type { z } from 'zod';
import type { Annotation, ArticleSummary } from '../contract/entities';
import type { LedgerClaimSchema } from '../contract/interop';

/** The article fields an export describes. */
export type ExportedArticle = Pick<
  ArticleSummary,
  'id' | 'title' | 'byline' | 'site' | 'sourceUrl' | 'publishedAt'
>;

/** One article with its live annotations, in document order. */
export interface ArticleWithAnnotations {
  readonly article: ExportedArticle;
  /** The article's canonical text (positions are UTF-16 offsets into it). */
  readonly text: string;
  /** SHA-256 of `text` (hex), so another library holding the same text can find it. */
  readonly contentHash?: string;
  readonly annotations: readonly Annotation[];
}

/** One claim in the library-wide ledger: an annotation with a claim, and where it is. */
export type LedgerClaim = z.infer<typeof LedgerClaimSchema>;
