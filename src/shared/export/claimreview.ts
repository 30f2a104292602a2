/**
 * An article's claims as schema.org ClaimReview JSON-LD: one review per annotation that marks a
 * claim, in document order, so fact-checking tools (and Google's fact-check markup) can read what
 * the user found. Property choices follow schema.org and Google's "Fact check (ClaimReview)"
 * structured-data guide; each choice that needed judgement is explained where it is made.
 */
import type { Annotation, Claim, ClaimStatus } from '../contract/entities';
import { uuidIri } from '../interop/vocabulary';
import { passageLink } from './deep-link';
import type { ArticleWithAnnotations, ExportedArticle } from './types';

/** A named thing of unknown kind: a speaker may be a person, a government or an agency. */
export interface SchemaThing {
  readonly '@type': 'Thing';
  readonly name: string;
}

export interface SchemaPerson {
  readonly '@type': 'Person';
  readonly name: string;
}

/** The article the claim appears in. */
export interface SchemaArticle {
  readonly '@type': 'Article';
  readonly headline: string;
  /** `urn:uuid:<article id>`: the same article across exports, whatever its title or URL. */
  readonly identifier: string;
  readonly url?: string;
  readonly author?: SchemaPerson;
  readonly datePublished?: string;
}

/** The quoted words, as they appear in the article. */
export interface SchemaQuotation {
  readonly '@type': 'Quotation';
  readonly text: string;
  readonly isPartOf: SchemaArticle;
}

export interface SchemaClaim {
  readonly '@type': 'Claim';
  readonly text: string;
  readonly author?: SchemaThing;
  /** The claim type ("accusation", "denial", or the user's own). */
  readonly genre: string;
  readonly appearance: SchemaQuotation;
}

export interface SchemaRating {
  readonly '@type': 'Rating';
  /** The verdict in words: what Google shows, and the only part every status has. */
  readonly alternateName: string;
  readonly ratingValue?: number;
  readonly bestRating?: number;
  readonly worstRating?: number;
}

export interface SchemaClaimReview {
  readonly '@type': 'ClaimReview';
  /** `urn:uuid:<annotation id>`. */
  readonly identifier: string;
  /** The passage in Marginalia: where this review (the annotation) lives. */
  readonly url: string;
  readonly claimReviewed: string;
  readonly itemReviewed: SchemaClaim;
  /** Only for a status the user set: 'unverified' is no verdict at all. */
  readonly reviewRating?: SchemaRating;
  /** The annotation's note, when it has one. */
  readonly reviewBody?: string;
  /** The export date (YYYY-MM-DD): when the review is published. */
  readonly datePublished: string;
}

export interface ClaimReviewDocument {
  readonly '@context': 'https://schema.org';
  readonly '@graph': readonly SchemaClaimReview[];
}

/**
 * Statuses as ratings. Numbers follow Google's recommended 1–5 truth scale (1 = False, 2 = Mostly
 * false, 3 = Half true, 4 = Mostly true, 5 = True), so only the two statuses that are verdicts on
 * truth get one: `false` is 1 and `confirmed` is 5. `denied` (someone denies the claim) and
 * `disputed` (its truth is contested) say how the claim was received, not whether it is true:
 * scoring them 2 or 3 would publish "mostly false" or "half true" verdicts the user never made,
 * so they carry only their words. Google requires only `alternateName`; the numbers are optional.
 */
export const STATUS_RATINGS: Readonly<
  Record<Exclude<ClaimStatus, 'unverified'>, { readonly label: string; readonly value?: number }>
> = {
  false: { label: 'False', value: 1 },
  denied: { label: 'Denied' },
  disputed: { label: 'Disputed' },
  confirmed: { label: 'Confirmed', value: 5 },
};

export const BEST_RATING = 5;
export const WORST_RATING = 1;

export function statusRating(status: ClaimStatus): SchemaRating | null {
  if (status === 'unverified') return null;
  const { label, value } = STATUS_RATINGS[status];
  if (value === undefined) return { '@type': 'Rating', alternateName: label };
  return {
    '@type': 'Rating',
    alternateName: label,
    ratingValue: value,
    bestRating: BEST_RATING,
    worstRating: WORST_RATING,
  };
}

/** A web address worth publishing: http(s) only, so no `javascript:` URL reaches a consumer. */
function webUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** schema.org's Date or DateTime (ISO 8601); the importers store YYYY-MM-DD. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/;

function articleNode(article: ExportedArticle): SchemaArticle {
  const url = webUrl(article.sourceUrl);
  const published = article.publishedAt?.trim() ?? '';
  // `Article`, not `NewsArticle`: the library holds reports, posts and papers as well as news.
  return {
    '@type': 'Article',
    headline: article.title,
    identifier: uuidIri(article.id),
    ...(url ? { url } : {}),
    // A byline names the writer(s): schema.org's usual `author` is a Person.
    ...(article.byline ? { author: { '@type': 'Person', name: article.byline } } : {}),
    ...(ISO_DATE.test(published) ? { datePublished: published } : {}),
  };
}

function claimReview(
  annotation: Annotation,
  claim: Claim,
  isPartOf: SchemaArticle,
  datePublished: string,
): SchemaClaimReview {
  const quote = annotation.quote.exact;
  const rating = statusRating(claim.status);
  return {
    '@type': 'ClaimReview',
    identifier: uuidIri(annotation.id),
    // `url`, not `sameAs`: schema.org's `url` is the item's own address, and Google's guide asks
    // for the page hosting the review; `sameAs` is for pages *about* an item (Wikipedia).
    url: passageLink(annotation.articleId, annotation.id),
    claimReviewed: quote,
    itemReviewed: {
      '@type': 'Claim',
      text: quote,
      // `Thing`: `author` expects a Person or an Organization, and a speaker may be either
      // ("Jens Stoltenberg", "Russia", "Western intelligence") with nothing to tell which.
      // Thing is the supertype of both: it states only what we know, a named speaker, where
      // guessing would publish a wrong type for half of them.
      ...(claim.speaker ? { author: { '@type': 'Thing', name: claim.speaker } } : {}),
      // `genre`: CreativeWork's (Claim's) property for the kind or category of a work.
      genre: claim.type,
      // `appearance` with a Quotation: the claim as worded in this article, which need not be
      // where it first appeared (so not `firstAppearance`).
      appearance: { '@type': 'Quotation', text: quote, isPartOf },
    },
    ...(rating ? { reviewRating: rating } : {}),
    ...(annotation.note.trim() !== '' ? { reviewBody: annotation.note } : {}),
    datePublished,
  };
}

/** The article's claims as one JSON-LD document; `@graph` is empty when none is marked. */
export function toClaimReview(
  input: ArticleWithAnnotations,
  exportedAt: string,
): ClaimReviewDocument {
  const isPartOf = articleNode(input.article);
  const datePublished = exportedAt.slice(0, 10);
  const graph = input.annotations.flatMap((annotation) =>
    annotation.claim ? [claimReview(annotation, annotation.claim, isPartOf, datePublished)] : [],
  );
  return { '@context': 'https://schema.org', '@graph': graph };
}
