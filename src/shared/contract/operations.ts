/**
 * The contract: every operation's request and response schema, declared once. Electron IPC, HTTP
 * (web mode) and direct calls (CLI, tests) are all typed and validated from this table.
 */
import { z } from 'zod';
import {
  AnnotationSchema,
  ArticleSchema,
  ArticleSummarySchema,
  ChangesSchema,
  ClaimSchema,
  HighlightColorSchema,
  IdSchema,
  LinkRelationSchema,
  LinkSchema,
  MAX_NOTE_LENGTH,
  SettingsPatchSchema,
  SettingsSchema,
  SpeakerSummarySchema,
  TagNameSchema,
  TagSummarySchema,
  wholeCharacters,
} from './entities';
import { LONE_SURROGATE_MESSAGE } from '../text/well-formed';
import {
  ExportedFileSchema,
  ExportFormatSchema,
  ImportReportSchema,
  LedgerClaimSchema,
  LibraryExportFormatSchema,
  MarkdownOptionsSchema,
} from './interop';
import type { OperationName } from './operation-names';
import { BackupSchema, LibraryStatusSchema, RestoreOutcomeSchema } from './library-safety';
import { SearchRequestSchema, SearchResponseSchema } from './search';
import { TrashedArticleSchema } from './trash';
import { ArticleDetailsPatchSchema, ArticleDetailsSchema } from './article-details';
import { LibraryAnnotationSchema } from './library-annotations';
import { versionOperations } from './versions';
import { claimSuggestionOperations, NewAnnotationSchema } from './claim-suggestions';

import { MAX_IMPORT_BASE64, MAX_IMPORT_BYTES, MAX_URL_LENGTH } from './limits';
export { MAX_IMPORT_BYTES, MAX_URL_LENGTH };
export { MAX_TITLE_LENGTH } from './article-details';

/**
 * What an import answers: the article stored, or — when `alreadyInLibrary` says why — the one
 * already in the library, with nothing stored.
 */
export const ImportOutcomeSchema = z.strictObject({
  article: ArticleSummarySchema,
  warnings: z.array(z.string()),
  alreadyInLibrary: z.enum(['content', 'address']).nullable(),
  changes: ChangesSchema,
});
export type ImportOutcome = z.infer<typeof ImportOutcomeSchema>;

const ById = z.strictObject({ id: IdSchema });
const Empty = z.strictObject({});

export const operations = {
  listArticles: {
    request: Empty,
    response: z.strictObject({ articles: z.array(ArticleSummarySchema) }),
  },
  getArticle: {
    request: ById,
    response: z.strictObject({ article: ArticleSchema }),
  },
  importArticle: {
    request: z.strictObject({
      fileName: z.string().min(1).max(1024),
      contentBase64: z.string().max(MAX_IMPORT_BASE64, {
        message: `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
      }),
    }),
    response: ImportOutcomeSchema,
  },
  importUrl: {
    request: z.strictObject({ url: z.string().trim().min(1).max(MAX_URL_LENGTH) }),
    response: ImportOutcomeSchema,
  },
  importPaste: {
    request: z
      .strictObject({
        /** The clipboard's text/html, when it has one. */
        html: z.string().max(MAX_IMPORT_BYTES).nullable(),
        /** The clipboard's text/plain. */
        text: z.string().max(MAX_IMPORT_BYTES).nullable(),
      })
      .refine((p) => (p.html ?? '').trim() !== '' || (p.text ?? '').trim() !== '', {
        message: 'the clipboard holds no text',
      }),
    response: ImportOutcomeSchema,
  },
  updateArticle: {
    /** Changes any of the article's details (see `article-details.ts`); the rest stay. */
    request: ArticleDetailsPatchSchema.extend({ id: IdSchema }),
    response: z.strictObject({
      article: ArticleSummarySchema,
      /** The details as they were, for undo. */
      previous: ArticleDetailsSchema,
      changes: ChangesSchema,
    }),
  },
  markArticleOpened: {
    /** Records that the article was opened for reading now (the library's "Last opened"). */
    request: ById,
    response: z.strictObject({ article: ArticleSummarySchema, changes: ChangesSchema }),
  },
  deleteArticle: {
    request: ById,
    response: z.strictObject({ id: IdSchema, changes: ChangesSchema }),
  },
  restoreArticle: {
    request: ById,
    response: z.strictObject({ article: ArticleSummarySchema, changes: ChangesSchema }),
  },
  listTrash: {
    request: Empty,
    /** Most recently deleted first. */
    response: z.strictObject({ articles: z.array(TrashedArticleSchema) }),
  },
  emptyTrash: {
    /** Erases these deleted articles, or (no ids) every one; live articles are never erased. */
    request: z.strictObject({ ids: z.array(IdSchema).max(100_000).optional() }),
    response: z.strictObject({ erased: z.int().nonnegative(), changes: ChangesSchema }),
  },
  listLibraryAnnotations: {
    request: Empty,
    /** Every live annotation of every live article, newest first. */
    response: z.strictObject({ annotations: z.array(LibraryAnnotationSchema) }),
  },
  listAnnotations: {
    request: z.strictObject({ articleId: IdSchema }),
    response: z.strictObject({ annotations: z.array(AnnotationSchema) }),
  },
  createAnnotation: {
    request: z.strictObject({ articleId: IdSchema, ...NewAnnotationSchema.shape }),
    response: z.strictObject({ annotation: AnnotationSchema, changes: ChangesSchema }),
  },
  updateAnnotation: {
    request: z.strictObject({
      id: IdSchema,
      color: HighlightColorSchema.optional(),
      note: z
        .string()
        .max(MAX_NOTE_LENGTH)
        .refine(wholeCharacters.check, { message: LONE_SURROGATE_MESSAGE })
        .optional(),
      claim: ClaimSchema.nullable().optional(),
      tags: z.array(TagNameSchema).max(100).optional(),
    }),
    response: z.strictObject({ annotation: AnnotationSchema, changes: ChangesSchema }),
  },
  deleteAnnotation: {
    request: ById,
    response: z.strictObject({ id: IdSchema, changes: ChangesSchema }),
  },
  restoreAnnotation: {
    request: ById,
    response: z.strictObject({ annotation: AnnotationSchema, changes: ChangesSchema }),
  },
  listTags: {
    request: Empty,
    response: z.strictObject({ tags: z.array(TagSummarySchema) }),
  },
  renameTag: {
    request: z.strictObject({ id: IdSchema, name: TagNameSchema }),
    response: z.strictObject({
      tag: TagSummarySchema,
      merged: z.boolean(),
      /** The tag's name before; with `merged`, the name of the tag that is gone. */
      previousName: z.string(),
      changes: ChangesSchema,
    }),
  },
  listSpeakers: {
    request: Empty,
    response: z.strictObject({ speakers: z.array(SpeakerSummarySchema) }),
  },
  listClaimTypes: {
    request: Empty,
    response: z.strictObject({ types: z.array(z.string()) }),
  },
  createLink: {
    request: z.strictObject({ fromId: IdSchema, toId: IdSchema, relation: LinkRelationSchema }),
    /** `created` is false when the same live link already existed (and is answered instead). */
    response: z.strictObject({ link: LinkSchema, created: z.boolean(), changes: ChangesSchema }),
  },
  deleteLink: {
    request: ById,
    response: z.strictObject({ id: IdSchema, changes: ChangesSchema }),
  },
  restoreLink: {
    request: ById,
    response: z.strictObject({ link: LinkSchema, changes: ChangesSchema }),
  },
  setReadingPosition: {
    request: z.strictObject({ articleId: IdSchema, offset: z.int().nonnegative() }),
    response: z.strictObject({}),
  },
  getSettings: {
    request: Empty,
    response: z.strictObject({ settings: SettingsSchema }),
  },
  updateSettings: {
    request: z.strictObject({ patch: SettingsPatchSchema }),
    response: z.strictObject({ settings: SettingsSchema }),
  },
  exportArticle: {
    request: z.strictObject({
      id: IdSchema,
      format: ExportFormatSchema,
      markdown: MarkdownOptionsSchema.prefault({}),
    }),
    response: z.strictObject({ file: ExportedFileSchema }),
  },
  exportLibrary: {
    request: z.strictObject({ format: LibraryExportFormatSchema }),
    response: z.strictObject({ file: ExportedFileSchema }),
  },
  exportLibraryToFolder: {
    request: z.strictObject({
      /** An absolute path to an existing folder (an Obsidian vault, or a folder in one). */
      folder: z.string().min(1).max(4096),
      markdown: MarkdownOptionsSchema.prefault({}),
    }),
    response: z.strictObject({
      folder: z.string(),
      created: z.array(z.string()),
      updated: z.array(z.string()),
      unchanged: z.array(z.string()),
      /** Files left alone because they are not ours, with why. */
      skipped: z.array(z.strictObject({ fileName: z.string(), reason: z.string() })),
    }),
  },
  importAnnotations: {
    request: z.strictObject({
      fileName: z.string().min(1).max(1024),
      content: z.string().max(MAX_IMPORT_BYTES, {
        message: `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
      }),
      /** Put every annotation on this article instead of the one each names. */
      articleId: IdSchema.optional(),
    }),
    response: z.strictObject({ report: ImportReportSchema, changes: ChangesSchema }),
  },
  getClaimsLedger: {
    request: Empty,
    response: z.strictObject({ claims: z.array(LedgerClaimSchema) }),
  },
  getLibraryStatus: {
    request: Empty,
    response: z.strictObject({ status: LibraryStatusSchema }),
  },
  listBackups: {
    request: Empty,
    /** Newest first. */
    response: z.strictObject({ backups: z.array(BackupSchema) }),
  },
  backupNow: {
    request: Empty,
    response: z.strictObject({ backup: BackupSchema }),
  },
  restoreBackup: {
    /** One of the files `listBackups` answers; nothing else is accepted. */
    request: z.strictObject({ file: z.string().min(1).max(4096) }),
    response: RestoreOutcomeSchema,
  },
  search: {
    request: SearchRequestSchema,
    response: SearchResponseSchema,
  },
  ...versionOperations,
  ...claimSuggestionOperations,
} satisfies Record<OperationName, { request: z.ZodType; response: z.ZodType }>;

export type Operations = typeof operations;
/** What a caller sends (defaults optional). */
export type RequestOf<K extends OperationName> = z.input<Operations[K]['request']>;
/** What the service receives after validation (defaults filled in). */
export type ParsedRequestOf<K extends OperationName> = z.output<Operations[K]['request']>;
export type ResponseOf<K extends OperationName> = z.output<Operations[K]['response']>;

/** Operations the service answers later: they wait on the network. */
export type AsyncOperationName = 'importUrl' | 'backupNow' | 'restoreBackup' | 'checkForChanges';

/** The operations as the service implements them: at once, or (the async ones) as a promise. */
export type ServiceHandlers = {
  [K in OperationName]: (
    request: ParsedRequestOf<K>,
  ) => K extends AsyncOperationName ? Promise<ResponseOf<K>> : ResponseOf<K>;
};

/** The operations as a client calls them, over any transport. */
export type Client = {
  [K in OperationName]: (request: RequestOf<K>) => Promise<ResponseOf<K>>;
};
