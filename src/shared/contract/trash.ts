/**
 * The Trash: articles deleted (soft) and not yet erased, as the Trash lists them. Restore brings
 * one back whole (`restoreArticle`); Empty Trash erases them for good (`emptyTrash`).
 */
import { z } from 'zod';
import { ArticleSummarySchema, TimestampSchema } from './entities';

/** What the Trash shows of a deleted article: enough to recognise it, and when it was deleted. */
export const TrashedArticleSchema = ArticleSummarySchema.pick({
  id: true,
  title: true,
  byline: true,
  site: true,
  publishedAt: true,
  addedAt: true,
}).extend({
  deletedAt: TimestampSchema,
  /** The annotations that come back with it (not ones deleted on their own before). */
  annotationCount: z.int().nonnegative(),
});
export type TrashedArticle = z.infer<typeof TrashedArticleSchema>;
