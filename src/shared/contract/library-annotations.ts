/**
 * Every live annotation in the library with the article it is in (Annotations across the
 * library). Read afresh each time the view is shown, like the claims ledger.
 */
import { z } from 'zod';
import { AnnotationSchema, IdSchema } from './entities';

export const LibraryAnnotationSchema = z.strictObject({
  article: z.strictObject({ id: IdSchema, title: z.string(), publishedAt: z.string().nullable() }),
  annotation: AnnotationSchema,
});
export type LibraryAnnotation = z.infer<typeof LibraryAnnotationSchema>;
