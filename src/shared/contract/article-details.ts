/**
 * The details of an article a reader can correct by hand (Article details): its title, byline,
 * site, publication date, source address and its own tags. The same rules hold for every
 * transport; `updateArticle` answers the details as they were, for undo.
 */
import { z } from 'zod';
import { TagNameSchema, wholeCharacters } from './entities';
import { LONE_SURROGATE_MESSAGE } from '../text/well-formed';

/** Longest article title. */
export const MAX_TITLE_LENGTH = 1000;
export const MAX_BYLINE_LENGTH = 500;
export const MAX_SITE_LENGTH = 200;
/** Longest source address (as for Add from URL). */
export const MAX_SOURCE_URL_LENGTH = 8192;
export const MAX_ARTICLE_TAGS = 100;

export const ArticleTitleSchema = z
  .string()
  .trim()
  .min(1, { message: 'a title cannot be empty' })
  .max(MAX_TITLE_LENGTH)
  .refine(wholeCharacters.check, { message: LONE_SURROGATE_MESSAGE });

/** A short optional text: null clears it; an all-blank text is refused (send null instead). */
function optionalText(field: string, max: number) {
  return z
    .string()
    .trim()
    .min(1, { message: `${field} is empty: send null to clear it` })
    .max(max, { message: `${field} is longer than ${max} characters` })
    .refine(wholeCharacters.check, { message: LONE_SURROGATE_MESSAGE })
    .nullable();
}

const ISO_DATE_TIME = z.iso.datetime({ offset: true, local: true });

/**
 * A calendar date `YYYY-MM-DD` that exists (no 31 February), or an ISO date-time with its offset
 * (what imports store, so undo can put an imported date back exactly).
 */
export const PublishedDateSchema = z
  .string()
  .trim()
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/u.test(value) || ISO_DATE_TIME.safeParse(value).success, {
    message: 'a publication date is written YYYY-MM-DD',
    abort: true,
  })
  .refine(
    (value) => {
      const day = value.slice(0, 10);
      const date = new Date(`${day}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
    },
    { message: 'that publication date does not exist' },
  );

/** An http(s) address, as typed; the service stores it as given (trimmed). */
export const SourceUrlSchema = z
  .string()
  .trim()
  .max(MAX_SOURCE_URL_LENGTH)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'http:' || url.protocol === 'https:';
      } catch {
        return false;
      }
    },
    { message: 'a source address starts with http:// or https://' },
  );

/** Every editable detail; what `updateArticle` answers as `previous`. */
export const ArticleDetailsSchema = z.strictObject({
  title: z.string(),
  byline: z.string().nullable(),
  site: z.string().nullable(),
  /** Kept as imported (an ISO date or date-time) until edited, then as given. */
  publishedAt: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  tags: z.array(z.string()),
});
export type ArticleDetails = z.infer<typeof ArticleDetailsSchema>;

/**
 * A change to an article's details: any subset; a field left out is left as it is. Tags are
 * the whole new list (deduplicated ignoring case and accents, first spelling kept).
 */
export const ArticleDetailsPatchSchema = z.strictObject({
  title: ArticleTitleSchema.optional(),
  byline: optionalText('the byline', MAX_BYLINE_LENGTH).optional(),
  site: optionalText('the site', MAX_SITE_LENGTH).optional(),
  publishedAt: PublishedDateSchema.nullable().optional(),
  sourceUrl: SourceUrlSchema.nullable().optional(),
  tags: z.array(TagNameSchema).max(MAX_ARTICLE_TAGS).optional(),
});
export type ArticleDetailsPatch = z.infer<typeof ArticleDetailsPatchSchema>;
