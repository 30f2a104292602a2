/**
 * Article versions: every text an article has had, what re-anchoring its annotations found when
 * each one came in, and the differences between two of them. An article's current version is
 * what `getArticle` answers; older ones are read with `getArticleVersion`.
 */
import { z } from 'zod';
import {
  AnchorSchema,
  AnnotationSchema,
  ArticleSummarySchema,
  ChangesSchema,
  DocumentJsonSchema,
  IdSchema,
  PositionSelectorSchema,
  QuoteSelectorSchema,
  TimestampSchema,
} from './entities';
import { MAX_IMPORT_BASE64, MAX_IMPORT_BYTES, MAX_URL_LENGTH } from './limits';

/**
 * What re-anchoring an article's live annotations found when a version came in, each counted
 * once, relative to the version before: the same words at the same place (`unchanged`), the same
 * words elsewhere (`moved`), other words (`changed`: edited, or another Unicode normalization),
 * or not found (`orphaned`). `claimsChanged` and `claimsOrphaned` count the claims among them.
 */
export const ReanchorReportSchema = z.strictObject({
  unchanged: z.int().nonnegative(),
  moved: z.int().nonnegative(),
  changed: z.int().nonnegative(),
  orphaned: z.int().nonnegative(),
  claimsChanged: z.int().nonnegative(),
  claimsOrphaned: z.int().nonnegative(),
});
export type ReanchorReport = z.infer<typeof ReanchorReportSchema>;

/** Where a version came from: the first import, a file, or the article's (or another) address. */
export const VERSION_SOURCES = ['import', 'file', 'address'] as const;

export const VersionSummarySchema = z.strictObject({
  id: IdSchema,
  articleId: IdSchema,
  /** 1 for the text as first imported, then 2, 3, … in the order they came in. */
  number: z.int().positive(),
  addedAt: TimestampSchema,
  source: z.enum(VERSION_SOURCES),
  /** The file's base name, or the address fetched; null for the first import. */
  sourceName: z.string().nullable(),
  /** The title the text came with (the article's title is what Article details says). */
  title: z.string(),
  /** SHA-256 of the version's canonical text. */
  contentHash: z.string(),
  /** Length of the canonical text, in UTF-16 code units. */
  textLength: z.int().nonnegative(),
  /** What re-anchoring found when this version came in; null for version 1. */
  report: ReanchorReportSchema.nullable(),
  current: z.boolean(),
});
export type VersionSummary = z.infer<typeof VersionSummarySchema>;

/** Where one annotation was in one version: its selectors there, and its anchor status there. */
export const VersionAnchorSchema = z.strictObject({
  annotationId: IdSchema,
  quote: QuoteSelectorSchema,
  position: PositionSelectorSchema,
  anchor: AnchorSchema,
});
export type VersionAnchor = z.infer<typeof VersionAnchorSchema>;

/** One run of words in a diff: the same in both, only in the older, or only in the newer. */
export const DiffPartSchema = z.strictObject({
  kind: z.enum(['same', 'removed', 'inserted']),
  text: z.string(),
});
export type DiffPart = z.infer<typeof DiffPartSchema>;

/**
 * One changed paragraph (text block): changed in place, inserted, or removed, with its words
 * marked. `toOffset` is where it starts in the newer text (for a removed one: where it was,
 * between its neighbours), `fromOffset` the same in the older text.
 */
export const ParagraphChangeSchema = z.strictObject({
  kind: z.enum(['changed', 'inserted', 'removed']),
  parts: z.array(DiffPartSchema),
  fromOffset: z.int().nonnegative(),
  toOffset: z.int().nonnegative(),
});
export type ParagraphChange = z.infer<typeof ParagraphChangeSchema>;

export const VersionDiffSchema = z.strictObject({
  from: VersionSummarySchema,
  to: VersionSummarySchema,
  /** Changed paragraphs only, in the newer text's order. */
  changes: z.array(ParagraphChangeSchema),
  /** Words removed and inserted, counted over every change. */
  wordsRemoved: z.int().nonnegative(),
  wordsInserted: z.int().nonnegative(),
});
export type VersionDiff = z.infer<typeof VersionDiffSchema>;

/**
 * What updating an article answers: `updated` with the new version and what re-anchoring found,
 * or `unchanged` (the text is the current version's: nothing was stored) with the current one.
 */
export const VersionOutcomeSchema = z.strictObject({
  status: z.enum(['updated', 'unchanged']),
  article: ArticleSummarySchema,
  version: VersionSummarySchema,
  report: ReanchorReportSchema.nullable(),
  warnings: z.array(z.string()),
  changes: ChangesSchema,
});
export type VersionOutcome = z.infer<typeof VersionOutcomeSchema>;

/**
 * An annotation's place, as `reattachAnnotation` found it and as undo puts it back: its
 * selectors, the words it read when annotated (when they differ), and its anchor.
 */
export const AnnotationPlaceSchema = z.strictObject({
  quote: QuoteSelectorSchema,
  position: PositionSelectorSchema,
  originalQuote: z.string().nullable(),
  anchor: AnchorSchema,
});
export type AnnotationPlace = z.infer<typeof AnnotationPlaceSchema>;

/** One article's result in a library-wide "Check for changes". */
export const CheckItemSchema = z.strictObject({
  articleId: IdSchema,
  title: z.string(),
  /** `skipped`: it has no source address to fetch. */
  status: z.enum(['updated', 'unchanged', 'failed', 'skipped']),
  /** Why it failed or was skipped; null otherwise. */
  reason: z.string().nullable(),
  report: ReanchorReportSchema.nullable(),
});
export type CheckItem = z.infer<typeof CheckItemSchema>;

export const CheckProgressSchema = z.strictObject({
  done: z.int().nonnegative(),
  total: z.int().nonnegative(),
  /** The title of the article being fetched now; null between articles. */
  current: z.string().nullable(),
});

export const CheckReportSchema = z.strictObject({
  items: z.array(CheckItemSchema),
  /** True when Cancel stopped it: `items` holds the articles finished before. */
  cancelled: z.boolean(),
  changes: ChangesSchema,
});
export type CheckReport = z.infer<typeof CheckReportSchema>;

export const versionOperations = {
  listVersions: {
    request: z.strictObject({ articleId: IdSchema }),
    response: z.strictObject({
      /** Oldest first; the last is the current one. */
      versions: z.array(VersionSummarySchema),
      /** The reader's banner about the current version was closed (it shows until it is). */
      noticeDismissed: z.boolean(),
    }),
  },
  getArticleVersion: {
    /** The article as it read in one version, with every annotation it had then, placed there. */
    request: z.strictObject({ articleId: IdSchema, number: z.int().positive() }),
    response: z.strictObject({
      version: VersionSummarySchema,
      document: DocumentJsonSchema,
      anchors: z.array(VersionAnchorSchema),
    }),
  },
  diffVersions: {
    request: z.strictObject({
      articleId: IdSchema,
      from: z.int().positive(),
      to: z.int().positive(),
    }),
    response: VersionDiffSchema,
  },
  dismissVersionNotice: {
    /** Closes the reader's banner about the article's current version. */
    request: z.strictObject({ articleId: IdSchema }),
    response: z.strictObject({}),
  },
  updateArticleFromFile: {
    /** A new version of the article from a file's bytes (the same readers as importArticle). */
    request: z.strictObject({
      id: IdSchema,
      fileName: z.string().min(1).max(1024),
      contentBase64: z.string().max(MAX_IMPORT_BASE64, {
        message: `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
      }),
    }),
    response: VersionOutcomeSchema,
  },
  checkForChanges: {
    /**
     * Fetches the article's source address (or `url`, which then becomes its source address
     * when the text is new) through Add from URL's fetch path; a new text becomes a version.
     */
    request: z.strictObject({
      id: IdSchema,
      url: z.string().trim().min(1).max(MAX_URL_LENGTH).optional(),
    }),
    response: VersionOutcomeSchema,
  },
  reattachAnnotation: {
    /** Puts an annotation (an orphan, usually) on new words of the article's current text. */
    request: z.strictObject({
      id: IdSchema,
      quote: QuoteSelectorSchema,
      position: PositionSelectorSchema,
    }),
    response: z.strictObject({
      annotation: AnnotationSchema,
      /** Where it was before, for undo (`restoreAnnotationPlace`). */
      previous: AnnotationPlaceSchema,
      changes: ChangesSchema,
    }),
  },
  restoreAnnotationPlace: {
    /** Undo of a re-attach: the place `reattachAnnotation` answered as `previous`. */
    request: z.strictObject({ id: IdSchema, place: AnnotationPlaceSchema }),
    response: z.strictObject({
      annotation: AnnotationSchema,
      changes: ChangesSchema,
    }),
  },
} as const;
