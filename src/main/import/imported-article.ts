/** What every importer produces: metadata and a document in the article schema. */
import type { Node } from 'prosemirror-model';
import { articleSchema } from '../../shared/document/schema';

export type TextDirection = 'ltr' | 'rtl';

export interface ImportedArticle {
  readonly title: string;
  readonly byline: string | null;
  readonly site: string | null;
  readonly sourceUrl: string | null;
  /** The page's own address for itself (`<link rel="canonical">`, `og:url`), if it gives one. */
  readonly canonicalUrl: string | null;
  /** ISO date (YYYY-MM-DD) or date-time. */
  readonly publishedAt: string | null;
  /** BCP 47 language tag from the page (`<html lang>`), if any. */
  readonly language: string | null;
  /** The page's base direction, if it declares one. */
  readonly direction: TextDirection | null;
  readonly document: Node;
}

/** Metadata an importer of plain text or Markdown does not find: none. */
export const NO_PAGE_METADATA = {
  site: null,
  sourceUrl: null,
  canonicalUrl: null,
  language: null,
  direction: null,
} as const;

export function documentFromParagraphs(paragraphs: readonly string[]): Node {
  const blocks = paragraphs
    .filter((p) => p.length > 0)
    .map((p) => articleSchema.node('paragraph', null, [articleSchema.text(p)]));
  return articleSchema.node(
    'doc',
    null,
    blocks.length ? blocks : [articleSchema.node('paragraph')],
  );
}
