/**
 * Schemas of the entities that cross process boundaries, and the domain types inferred from them.
 * Every transport validates against these on the receiving side.
 */
import { z } from 'zod';

/** Global ids are UUIDs (v7 for everything we create); never autoincrement. */
export const IdSchema = z.uuid({ error: 'must be a UUID' });

export const TimestampSchema = z.iso.datetime({ offset: true });

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export const HighlightColorSchema = z.enum(HIGHLIGHT_COLORS);
export type HighlightColor = z.infer<typeof HighlightColorSchema>;

export const CLAIM_STATUSES = ['unverified', 'disputed', 'denied', 'confirmed', 'false'] as const;
export const ClaimStatusSchema = z.enum(CLAIM_STATUSES);
export type ClaimStatus = z.infer<typeof ClaimStatusSchema>;

export const ClaimSchema = z.strictObject({
  type: z.string().trim().min(1).max(60),
  speaker: z.string().trim().min(1).max(200).nullable(),
  status: ClaimStatusSchema,
});
export type Claim = z.infer<typeof ClaimSchema>;

/** A quote is at most this long: a passage, not a whole article. */
export const MAX_QUOTE_LENGTH = 20_000;
export const MAX_NOTE_LENGTH = 100_000;

export const QuoteSelectorSchema = z.strictObject({
  exact: z.string().min(1).max(MAX_QUOTE_LENGTH),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
});

export const PositionSelectorSchema = z
  .strictObject({ start: z.int().nonnegative(), end: z.int().positive() })
  .refine((p) => p.start < p.end, { message: 'start must be before end' });

export const TagNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\s,#][^,#]*$/u, {
    message: 'a tag has no commas or #, and does not start with a space',
  });

export const ArticleSummarySchema = z.strictObject({
  id: IdSchema,
  title: z.string(),
  byline: z.string().nullable(),
  site: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  publishedAt: z.string().nullable(),
  addedAt: TimestampSchema,
  annotationCount: z.int().nonnegative(),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

/** ProseMirror JSON of a document; its shape is checked against the schema where it is used. */
export const DocumentJsonSchema = z.looseObject({ type: z.literal('doc') });
export type DocumentJson = z.infer<typeof DocumentJsonSchema>;

export const ArticleSchema = ArticleSummarySchema.extend({
  document: DocumentJsonSchema,
  text: z.string(),
  contentHash: z.string(),
});
export type Article = z.infer<typeof ArticleSchema>;

export const AnnotationSchema = z.strictObject({
  id: IdSchema,
  articleId: IdSchema,
  quote: QuoteSelectorSchema,
  position: PositionSelectorSchema,
  color: HighlightColorSchema,
  note: z.string(),
  claim: ClaimSchema.nullable(),
  tags: z.array(z.string()),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Annotation = z.infer<typeof AnnotationSchema>;

export const TagSummarySchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  annotationCount: z.int().nonnegative(),
});
export type TagSummary = z.infer<typeof TagSummarySchema>;
