/**
 * Schemas of the entities that cross process boundaries, and the domain types inferred from them.
 * Every transport validates against these on the receiving side.
 */
import { z } from 'zod';
import { hasLoneSurrogate, LONE_SURROGATE_MESSAGE } from '../text/well-formed';

/** Refuses a string with half a character in it (see `well-formed.ts`). */
export const wholeCharacters = { check: (text: string) => !hasLoneSurrogate(text) } as const;

/** Global ids are UUIDs (v7 for everything we create); never autoincrement. */
export const IdSchema = z.uuid({ error: 'must be a UUID' });

export const TimestampSchema = z.iso.datetime({ offset: true });

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export const HighlightColorSchema = z.enum(HIGHLIGHT_COLORS);
export type HighlightColor = z.infer<typeof HighlightColorSchema>;

export const CLAIM_STATUSES = ['unverified', 'disputed', 'denied', 'confirmed', 'false'] as const;
export const ClaimStatusSchema = z.enum(CLAIM_STATUSES);
export type ClaimStatus = z.infer<typeof ClaimStatusSchema>;

/** Claim types every library offers; users add their own beside them. */
export const DEFAULT_CLAIM_TYPES = [
  'accusation',
  'denial',
  'assertion',
  'evidence',
  'prediction',
  'opinion',
] as const;

/** Longest claim type, speaker name, tag name and quote context (each side), in UTF-16 units. */
export const MAX_CLAIM_TYPE_LENGTH = 60;
export const MAX_SPEAKER_LENGTH = 200;
export const MAX_TAG_LENGTH = 100;
export const MAX_QUOTE_CONTEXT_LENGTH = 200;

export const ClaimSchema = z.strictObject({
  type: z
    .string()
    .trim()
    .min(1)
    .max(MAX_CLAIM_TYPE_LENGTH)
    .refine(wholeCharacters.check, { message: LONE_SURROGATE_MESSAGE }),
  speaker: z
    .string()
    .trim()
    .min(1)
    .max(MAX_SPEAKER_LENGTH)
    .refine(wholeCharacters.check, { message: LONE_SURROGATE_MESSAGE })
    .nullable(),
  status: ClaimStatusSchema,
});
export type Claim = z.infer<typeof ClaimSchema>;

/** A quote is at most this long: a passage, not a whole article. */
export const MAX_QUOTE_LENGTH = 20_000;
export const MAX_NOTE_LENGTH = 100_000;

export const QuoteSelectorSchema = z.strictObject({
  exact: z
    .string()
    .min(1)
    .max(MAX_QUOTE_LENGTH)
    .refine(wholeCharacters.check, { message: LONE_SURROGATE_MESSAGE }),
  prefix: z
    .string()
    .max(MAX_QUOTE_CONTEXT_LENGTH)
    .refine(wholeCharacters.check, { message: LONE_SURROGATE_MESSAGE }),
  suffix: z
    .string()
    .max(MAX_QUOTE_CONTEXT_LENGTH)
    .refine(wholeCharacters.check, { message: LONE_SURROGATE_MESSAGE }),
});

export const PositionSelectorSchema = z
  .strictObject({ start: z.int().nonnegative(), end: z.int().positive() })
  .refine((p) => p.start < p.end, { message: 'start must be before end' });

export const TagNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_TAG_LENGTH)
  .regex(/^[^\s,#][^,#]*$/u, {
    message: 'a tag has no commas or #, and does not start with a space',
  })
  .refine(wholeCharacters.check, { message: LONE_SURROGATE_MESSAGE });

export const ArticleSummarySchema = z.strictObject({
  id: IdSchema,
  title: z.string(),
  byline: z.string().nullable(),
  site: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  publishedAt: z.string().nullable(),
  addedAt: TimestampSchema,
  annotationCount: z.int().nonnegative(),
  /** The page's own address for itself (`<link rel="canonical">`), if it gave one. */
  canonicalUrl: z.string().nullable(),
  /** BCP 47 language tag of the text, if known. */
  language: z.string().nullable(),
  direction: z.enum(['ltr', 'rtl']).nullable(),
  /** How it came in: a file, an address (Add from URL), a paste, or the sample. */
  origin: z.enum(['file', 'address', 'paste', 'sample']),
  /** The name of the file it was imported from (origin 'file'), when known. */
  sourceFileName: z.string().nullable(),
  /** When it was last opened for reading; null if never (since this was recorded). */
  lastOpenedAt: TimestampSchema.nullable(),
  /** Live annotations that carry a claim. */
  claimCount: z.int().nonnegative(),
  /** Live annotations whose passage is no longer found in the text. */
  orphanCount: z.int().nonnegative(),
  /** The article's own tags (not its annotations'), sorted. */
  tags: z.array(z.string()),
  /**
   * What the library's filters choose from, distinct and sorted: the tags on its live
   * annotations, and the speakers and claim types of its live claims.
   */
  facets: z.strictObject({
    annotationTags: z.array(z.string()),
    speakers: z.array(z.string()),
    claimTypes: z.array(z.string()),
  }),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

/** ProseMirror JSON of a document; its shape is checked against the schema where it is used. */
export const DocumentJsonSchema = z.looseObject({ type: z.literal('doc') });
export type DocumentJson = z.infer<typeof DocumentJsonSchema>;

/**
 * An article to read: its document, once. Its canonical text is derived from the document
 * (`canonicalText`), so it is not sent beside it.
 */
export const ArticleSchema = ArticleSummarySchema.extend({
  document: DocumentJsonSchema,
  contentHash: z.string(),
  /** The stored text or document no longer matches the hash kept with it: show it as damaged. */
  damaged: z.boolean(),
  /** Canonical offset of the text the reader last had at the top of the view. */
  readingPosition: z.int().nonnegative().nullable(),
});
export type Article = z.infer<typeof ArticleSchema>;

/** How one annotation answers another: "B denies A" is a link from B to A. */
export const LINK_RELATIONS = [
  'denies',
  'supports',
  'responds-to',
  'contradicts',
  'same-claim-as',
] as const;
export const LinkRelationSchema = z.enum(LINK_RELATIONS);
export type LinkRelation = z.infer<typeof LinkRelationSchema>;

export const LinkSchema = z.strictObject({
  id: IdSchema,
  fromId: IdSchema,
  toId: IdSchema,
  relation: LinkRelationSchema,
  createdAt: TimestampSchema,
});
export type Link = z.infer<typeof LinkSchema>;

/** A link as seen from one of its ends, with enough of the other end to show and follow it. */
export const AnnotationLinkSchema = z.strictObject({
  id: IdSchema,
  relation: LinkRelationSchema,
  /** 'outgoing': this annotation → other ("this denies other"); 'incoming': other → this. */
  direction: z.enum(['outgoing', 'incoming']),
  otherId: IdSchema,
  otherArticleId: IdSchema,
  otherQuote: z.string(),
});
export type AnnotationLink = z.infer<typeof AnnotationLinkSchema>;

/**
 * Where an annotation's passage is in the article's current text, computed by the service when
 * the text or the annotation changes and stored with it: `anchored` (its position holds its
 * quote), `moved` (the quote was found elsewhere), `changed` (a close match was found), or
 * `orphan` (not found: kept and listed, never drawn on other words).
 */
export const ANCHOR_STATUSES = ['anchored', 'moved', 'changed', 'orphan'] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];
export const AnchorSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.enum(['anchored', 'moved', 'changed']),
    start: z.int().nonnegative(),
    end: z.int().positive(),
  }),
  z.strictObject({ status: z.literal('orphan') }),
]);
export type Anchor = z.infer<typeof AnchorSchema>;

export const AnnotationSchema = z.strictObject({
  id: IdSchema,
  articleId: IdSchema,
  quote: QuoteSelectorSchema,
  position: PositionSelectorSchema,
  color: HighlightColorSchema,
  note: z.string(),
  claim: ClaimSchema.nullable(),
  tags: z.array(z.string()),
  links: z.array(AnnotationLinkSchema),
  /**
   * The passage as it read when it was annotated, when that differs from the words it is
   * anchored to now (an imported annotation re-anchored to a changed text); otherwise null.
   */
  originalQuote: z.string().nullable(),
  anchor: AnchorSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Annotation = z.infer<typeof AnnotationSchema>;

/**
 * What one operation changed, sent with its reply so that a client applies it by id instead of
 * fetching lists again: annotations created or changed (each whole, with its tags, claim, links
 * and anchor, including the other ends of links made or unmade), annotations removed, and the
 * summaries of articles whose listing changed: added, restored, edited, opened, or any change to
 * their annotations (counts and facets come from them), so every annotation change carries the
 * summary of each article it touched.
 */
export const ChangesSchema = z.strictObject({
  annotations: z.array(AnnotationSchema),
  removedAnnotations: z.array(IdSchema),
  articles: z.array(ArticleSummarySchema),
  removedArticles: z.array(IdSchema),
});
export type Changes = z.infer<typeof ChangesSchema>;

export const SpeakerSummarySchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  claimCount: z.int().nonnegative(),
});
export type SpeakerSummary = z.infer<typeof SpeakerSummarySchema>;

export const THEMES = ['system', 'light', 'dark', 'sepia'] as const;
export const FONT_FAMILIES = ['serif', 'sans'] as const;
export const LINE_WIDTHS = ['narrow', 'medium', 'wide'] as const;
/** What the library list can be sorted by (the window's library view). */
export const LIBRARY_SORT_KEYS = [
  'title',
  'site',
  'byline',
  'published',
  'added',
  'opened',
  'annotations',
  'claims',
] as const;
export const SORT_DIRECTIONS = ['ascending', 'descending'] as const;
export const LIBRARY_DENSITIES = ['comfortable', 'compact'] as const;

const ColorLabelsSchema = z.strictObject({
  yellow: z
    .string()
    .trim()
    .max(40)
    .refine(wholeCharacters.check, { message: LONE_SURROGATE_MESSAGE }),
  green: z
    .string()
    .trim()
    .max(40)
    .refine(wholeCharacters.check, { message: LONE_SURROGATE_MESSAGE }),
  blue: z
    .string()
    .trim()
    .max(40)
    .refine(wholeCharacters.check, { message: LONE_SURROGATE_MESSAGE }),
  pink: z
    .string()
    .trim()
    .max(40)
    .refine(wholeCharacters.check, { message: LONE_SURROGATE_MESSAGE }),
  purple: z
    .string()
    .trim()
    .max(40)
    .refine(wholeCharacters.check, { message: LONE_SURROGATE_MESSAGE }),
});

const settingsFields = {
  theme: z.enum(THEMES),
  fontSize: z.int().min(12).max(32),
  fontFamily: z.enum(FONT_FAMILIES),
  lineWidth: z.enum(LINE_WIDTHS),
  /** What each colour means to this user ("yellow = evidence"); empty means just the colour. */
  colorLabels: ColorLabelsSchema,
  /** The library list's order and row density; old settings without them get the defaults. */
  librarySort: z.enum(LIBRARY_SORT_KEYS),
  librarySortDirection: z.enum(SORT_DIRECTIONS),
  libraryDensity: z.enum(LIBRARY_DENSITIES),
  /** The reader underlines suggested claims (attributed statements found in the text). */
  suggestClaims: z.boolean(),
};

export const DEFAULT_SETTINGS = {
  theme: 'system',
  fontSize: 19,
  fontFamily: 'serif',
  lineWidth: 'medium',
  colorLabels: { yellow: '', green: '', blue: '', pink: '', purple: '' },
  librarySort: 'added',
  librarySortDirection: 'descending',
  libraryDensity: 'comfortable',
  suggestClaims: false,
} as const satisfies { [K in keyof typeof settingsFields]: z.input<(typeof settingsFields)[K]> };

/** Reading comfort and the colour legend. */
export const SettingsSchema = z.strictObject(settingsFields);
/** A change to settings: any subset of the fields; no defaults, so nothing unsent is reset. */
export const SettingsPatchSchema = z.strictObject(settingsFields).partial();
export type Settings = z.infer<typeof SettingsSchema>;

export const TagSummarySchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  annotationCount: z.int().nonnegative(),
});
export type TagSummary = z.infer<typeof TagSummarySchema>;
