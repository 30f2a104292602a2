/**
 * The Article details form as data: the fields as typed (strings), read from an article's
 * summary; the patch a save sends (only the fields that changed, an emptied field as null),
 * checked with the contract's own schema so the form shows the service's rules before sending;
 * and the patch that undoes a save, from the details the service answered as they were.
 */
import {
  ArticleDetailsPatchSchema,
  PublishedDateSchema,
  type ArticleDetails,
  type ArticleDetailsPatch,
} from '../../../shared/contract/article-details';
import type { ArticleSummary } from '../../../shared/contract/entities';

export const DETAIL_FIELDS = [
  'title',
  'byline',
  'site',
  'publishedAt',
  'sourceUrl',
  'tags',
] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** Every field as its input holds it; tags as one comma-separated text. */
export type DetailsForm = Record<DetailField, string>;
export type DetailsErrors = Partial<Record<DetailField, string>>;

/**
 * What a date input can show of a stored publication date: its `YYYY-MM-DD` part (imports may
 * keep a date-time), or nothing when it is not a date at all.
 */
export function dateInputValue(publishedAt: string | null): string {
  const day = publishedAt?.trim().slice(0, 10) ?? '';
  return /^\d{4}-\d{2}-\d{2}$/u.test(day) ? day : '';
}

/** The tags as the field shows them: "economy, Russia". */
export function tagsText(tags: readonly string[]): string {
  return tags.join(', ');
}

/** The tags typed in the field, split at commas, blanks dropped. */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

export function formOf(article: ArticleSummary): DetailsForm {
  return {
    title: article.title,
    byline: article.byline ?? '',
    site: article.site ?? '',
    publishedAt: dateInputValue(article.publishedAt),
    sourceUrl: article.sourceUrl ?? '',
    tags: tagsText(article.tags),
  };
}

const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((tag, i) => tag === b[i]);

/**
 * The fields that differ from `initial` (what the form showed when it opened), as a patch: text
 * trimmed, an emptied field null (the title stays a text: the schema refuses it empty).
 */
export function changedFields(initial: DetailsForm, form: DetailsForm): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const field of DETAIL_FIELDS) {
    if (field === 'tags') {
      const tags = parseTags(form.tags);
      if (!sameTags(tags, parseTags(initial.tags))) patch.tags = tags;
      continue;
    }
    if (form[field].trim() === initial[field].trim()) continue;
    const value = form[field].trim();
    patch[field] = value === '' && field !== 'title' ? null : value;
  }
  return patch;
}

export type CheckedPatch =
  | { readonly ok: true; readonly patch: ArticleDetailsPatch }
  | { readonly ok: false; readonly errors: DetailsErrors };

/** The patch checked by the contract's schema, or each field's first error in its words. */
export function checkPatch(raw: Record<string, unknown>): CheckedPatch {
  const parsed = ArticleDetailsPatchSchema.safeParse(raw);
  if (parsed.success) return { ok: true, patch: parsed.data };
  const errors: DetailsErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !(DETAIL_FIELDS as readonly string[]).includes(field))
      continue;
    const key = field as DetailField;
    if (errors[key]) continue;
    const tag =
      key === 'tags' && typeof issue.path[1] === 'number' ? tagAt(raw, issue.path[1]) : null;
    errors[key] = tag === null ? sentence(issue.message) : `“${tag}”: ${issue.message}`;
  }
  return { ok: false, errors };
}

function tagAt(raw: Record<string, unknown>, index: number): string | null {
  const tags = raw.tags;
  return Array.isArray(tags) && typeof tags[index] === 'string' ? tags[index] : null;
}

/** The schema's messages are lower-case clauses; a field error reads as a sentence. */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** A stored publication date as the patch takes it: as it was, or (if imported oddly) its day. */
function restorableDate(publishedAt: string): string | null {
  return PublishedDateSchema.safeParse(publishedAt).success
    ? publishedAt
    : dateInputValue(publishedAt) || null;
}

/** The patch that puts back what `patch` changed, from the details as they were. */
export function undoPatch(
  previous: ArticleDetails,
  patch: ArticleDetailsPatch,
): ArticleDetailsPatch {
  const undo: ArticleDetailsPatch = {};
  if (patch.title !== undefined) undo.title = previous.title;
  if (patch.byline !== undefined) undo.byline = previous.byline;
  if (patch.site !== undefined) undo.site = previous.site;
  if (patch.publishedAt !== undefined)
    undo.publishedAt = previous.publishedAt === null ? null : restorableDate(previous.publishedAt);
  if (patch.sourceUrl !== undefined) undo.sourceUrl = previous.sourceUrl;
  if (patch.tags !== undefined) undo.tags = [...previous.tags];
  return undo;
}
