/**
 * Links back into the app: `marginalia://open?article=<id>&annotation=<id>`. Exports put them
 * beside every passage so a note in Obsidian (or a ClaimReview) leads back to the words; the app
 * parses them when the OS hands it one, so parsing is strict and never throws.
 */
import { IdSchema } from '../contract/entities';
import { MAX_DEEP_LINK_LENGTH } from './deep-link-length';

export const DEEP_LINK_SCHEME = 'marginalia';

/** Where a deep link points: an article, and optionally one of its annotations. */
export interface DeepLink {
  readonly articleId: string;
  readonly annotationId: string | null;
}

/** The link that opens an article, scrolled to one annotation when it is given. */
export function passageLink(articleId: string, annotationId?: string): string {
  // Ids are UUIDs and pass through unchanged; encoding only keeps a bad id from changing the shape.
  const article = `${DEEP_LINK_SCHEME}://open?article=${encodeURIComponent(articleId)}`;
  return annotationId === undefined
    ? article
    : `${article}&annotation=${encodeURIComponent(annotationId)}`;
}

export { MAX_DEEP_LINK_LENGTH };

/**
 * Scheme (any case, as RFC 3986 allows), host `open`, and the query. The slash before `?` is
 * allowed because some launchers (Windows browsers) add one to custom-scheme links.
 */
const SHAPE = /^marginalia:\/\/open\/?\?([^#\s]*)$/i;

function id(value: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return null;
  }
  // Stored ids are lower case; a link typed or pasted in upper case still finds them.
  return IdSchema.safeParse(decoded).success ? decoded.toLowerCase() : null;
}

/**
 * The article and annotation a deep link names, or null for anything that is not exactly a link
 * of ours: other schemes or hosts, fragments, unknown or repeated parameters, ids that are not
 * UUIDs. Parameter order does not matter. Takes `unknown` input calmly (argv and IPC are untyped).
 */
export function parseDeepLink(url: string): DeepLink | null {
  if (typeof url !== 'string' || url.length >= MAX_DEEP_LINK_LENGTH) return null;
  const query = SHAPE.exec(url)?.[1];
  if (query === undefined || query === '') return null;
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return null;
    const key = pair.slice(0, eq);
    if ((key !== 'article' && key !== 'annotation') || params.has(key)) return null;
    params.set(key, pair.slice(eq + 1));
  }
  const article = params.get('article');
  if (article === undefined) return null;
  const articleId = id(article);
  if (articleId === null) return null;
  const annotation = params.get('annotation');
  if (annotation === undefined) return { articleId, annotationId: null };
  const annotationId = id(annotation);
  return annotationId === null ? null : { articleId, annotationId };
}
