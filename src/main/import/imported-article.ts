/** What every importer produces: metadata and a document in the article schema. */
import type { Node } from 'prosemirror-model';
import { articleSchema } from '../../shared/document/schema';

export interface ImportedArticle {
  readonly title: string;
  readonly byline: string | null;
  readonly site: string | null;
  readonly sourceUrl: string | null;
  /** ISO date (YYYY-MM-DD) or date-time. */
  readonly publishedAt: string | null;
  readonly document: Node;
}

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
