/**
 * What `search` answers: matches grouped by article, best first. Snippets are plain text in
 * parts, the matched parts flagged, so no client ever renders a snippet as markup.
 */
import { z } from 'zod';
import { IdSchema } from './entities';

/** Longest query accepted. */
export const MAX_SEARCH_QUERY_LENGTH = 500;
/** Most article groups one search answers (the default is 20). */
export const MAX_SEARCH_GROUPS = 100;

/** A run of a snippet's text; `match` marks the words the query found. */
export const SnippetPartSchema = z.strictObject({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPartSchema>;

/** A stretch of text around a match. `truncatedStart`/`End`: text was cut there (show "…"). */
export const SnippetSchema = z.strictObject({
  parts: z.array(SnippetPartSchema),
  truncatedStart: z.boolean(),
  truncatedEnd: z.boolean(),
});
export type Snippet = z.infer<typeof SnippetSchema>;

/**
 * Where a match is: the article's text, or one of an annotation's fields — its quote, its note,
 * one of its tags, its claim's speaker or its claim type.
 */
export const SearchHitKindSchema = z.enum(['text', 'quote', 'note', 'tag', 'speaker', 'type']);
export type SearchHitKind = z.infer<typeof SearchHitKindSchema>;

export const SearchHitSchema = z.strictObject({
  kind: SearchHitKindSchema,
  /** The annotation matched; null for a match in the article's text. */
  annotationId: IdSchema.nullable(),
  /**
   * Where to open the article: the canonical text offset of the match (kind `text`) or of the
   * annotation's passage; null for an orphaned annotation (open its card instead).
   */
  offset: z.int().nonnegative().nullable(),
  /**
   * Kind `text`: how many characters the matched words run from `offset` (the range flashed when
   * the hit is opened). Absent for annotation hits.
   */
  length: z.int().positive().optional(),
  snippet: SnippetSchema,
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchGroupSchema = z.strictObject({
  article: z.strictObject({ id: IdSchema, title: z.string(), site: z.string().nullable() }),
  /** Every word of the query is in the title (such groups come first). */
  titleMatch: z.boolean(),
  /** Annotation hits first (best first), then up to three places in the text. */
  hits: z.array(SearchHitSchema),
  /** Matching annotations not listed in `hits` (more than fit). */
  moreAnnotations: z.int().nonnegative(),
});
export type SearchGroup = z.infer<typeof SearchGroupSchema>;

export const SearchRequestSchema = z.strictObject({
  query: z.string().min(1).max(MAX_SEARCH_QUERY_LENGTH),
  /** Most article groups to answer (default 20). */
  limit: z.int().min(1).max(MAX_SEARCH_GROUPS).default(20),
});

export const SearchResponseSchema = z.strictObject({
  groups: z.array(SearchGroupSchema),
  /** How many articles matched in all (more than `groups` holds when the limit cut it). */
  total: z.int().nonnegative(),
});
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
