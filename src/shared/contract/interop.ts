/** Export formats and options, and the report of an annotation import: shared by every transport. */
import { z } from 'zod';
import { AnnotationSchema, IdSchema } from './entities';

/** `md`: Markdown for Obsidian; `jsonld`: W3C Web Annotations; `claimreview`: schema.org. */
export const EXPORT_FORMATS = ['md', 'jsonld', 'claimreview'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** How a Markdown export groups its annotations; `none` keeps document order. */
export const MARKDOWN_GROUPINGS = ['none', 'tag', 'claim-type', 'speaker', 'color'] as const;
export const MarkdownGroupingSchema = z.enum(MARKDOWN_GROUPINGS);
export type MarkdownGrouping = z.infer<typeof MarkdownGroupingSchema>;

export const MarkdownOptionsSchema = z.strictObject({
  groupBy: MarkdownGroupingSchema.default('none'),
  /** Append the article's own text after the annotations. */
  includeText: z.boolean().default(false),
});
export type MarkdownOptions = z.output<typeof MarkdownOptionsSchema>;

export const DEFAULT_MARKDOWN_OPTIONS: MarkdownOptions = { groupBy: 'none', includeText: false };

/** A file an export produced, for a save dialog, a download or stdout. */
export const ExportedFileSchema = z.strictObject({
  fileName: z.string(),
  mediaType: z.string(),
  content: z.string(),
});
export type ExportedFile = z.infer<typeof ExportedFileSchema>;

/** How many of an import's annotations found their passage, and how. */
export const ImportReportSchema = z.strictObject({
  format: z.enum(['w3c', 'hypothesis']),
  /** Annotations in the file with a quote to anchor, for the articles they were imported to. */
  total: z.int().nonnegative(),
  /** Left out: for pages that are not in this library (or not the chosen article). */
  otherPages: z.int().nonnegative(),
  /** Stored at exactly the quoted words (where they were, or found elsewhere in the text). */
  anchored: z.int().nonnegative(),
  /** Stored at words that differ a little from the quote; the quote is kept as the original. */
  changed: z.int().nonnegative(),
  /** Stored with all they carry, but their quote is not in the article: listed in `orphans`. */
  orphaned: z.int().nonnegative(),
  /** Not stored again: the library already holds them (same id, same article). */
  alreadyPresent: z.int().nonnegative(),
  linksCreated: z.int().nonnegative(),
  /** Links whose other end is in neither the file nor the library. */
  linksUnresolved: z.int().nonnegative(),
  articles: z.array(
    z.strictObject({ id: IdSchema, title: z.string(), imported: z.int().nonnegative() }),
  ),
  orphans: z.array(z.strictObject({ quote: z.string(), articleId: IdSchema })),
  warnings: z.array(z.string()),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** One claim of the library-wide ledger, with the article it is in. */
export const LedgerClaimSchema = z.strictObject({
  article: z.strictObject({ id: IdSchema, title: z.string(), publishedAt: z.string().nullable() }),
  annotation: AnnotationSchema,
});

/** Library-wide single-file exports: all annotations, all claims, or the claims ledger. */
export const LIBRARY_EXPORT_FORMATS = ['jsonld', 'claimreview', 'ledger'] as const;
export const LibraryExportFormatSchema = z.enum(LIBRARY_EXPORT_FORMATS);
