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
  /**
   * The article's current version (its number, and when it was added), when the store keeps
   * versions; absent or null otherwise. Changed quotes are dated by it when the number is over 1.
   */
  readonly currentVersion?: ExportedVersion | null;
}

/** The version an article's annotations are anchored in, as the exports date it. */
export interface ExportedVersion {
  readonly number: number;
  readonly addedAt: string;
}

/** The date changed quotes are given: the current version's, when there has been more than one. */
export function versionAddedAt(
  input: Pick<ArticleWithAnnotations, 'currentVersion'>,
): string | null {
  const version = input.currentVersion ?? null;
  return version !== null && version.number > 1 ? version.addedAt : null;
}

/** One claim in the library-wide ledger: an annotation with a claim, and where it is. */
export type LedgerClaim = z.infer<typeof LedgerClaimSchema>;
