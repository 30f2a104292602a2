/** What the exporters take: plain data, no store and no transport, so every side can export. */
import type { Annotation, ArticleSummary } from '../contract/entities';

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
export interface LedgerClaim {
  readonly article: Pick<ExportedArticle, 'id' | 'title' | 'publishedAt'>;
  readonly annotation: Annotation;
}
