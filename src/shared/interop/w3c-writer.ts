/**
 * Export as W3C Web Annotations (https://www.w3.org/TR/annotation-model/): one JSON-LD
 * AnnotationCollection holding every annotation of the given articles on a single embedded page.
 * `w3c-reader.ts` reads it back (the exact inverse; both spell every term through
 * `vocabulary.ts`), and `scripts/check-conformance.ts` checks it against the W3C conformance
 * suite's MUST assertions.
 *
 * The mapping:
 *
 *   { "@context": ["http://www.w3.org/ns/anno.jsonld", { "marginalia": "https://marginalia.app/ns#" }],
 *     "id": "urn:uuid:<collectionId>", "type": "AnnotationCollection", "label": <label>,
 *     "total": <number of annotations>,
 *     "generator": { "id": "https://marginalia.app/", "type": "Software", "name": "Marginalia" },
 *     "generated": <exportedAt>,
 *     "first": { "id": "urn:uuid:<collectionId>#page-1", "type": "AnnotationPage",
 *                "startIndex": 0, "items": [ <annotation>… ] } }
 *
 * `first` is left out when there are no annotations (the model gives a page 1 or more items).
 * Annotations come in input order: articles in order, each article's annotations in document
 * order. One annotation:
 *
 *   { "id": "urn:uuid:<annotation id>", "type": "Annotation",
 *     "motivation": "commenting" (a note) | "classifying" (no note, a claim) | "highlighting",
 *     "created": createdAt, "modified": updatedAt,
 *     "stylesheet": { "type": "CssStylesheet", "value": ".<color> { background-color: … }" },
 *     "body": [ <body>… ],                      (left out when there is no body)
 *     "target": { "source": "urn:uuid:<article id>", "marginalia:textHash": "<sha-256 hex>",
 *                 "styleClass": "<color>",
 *                 "selector": [ { "type": "TextQuoteSelector", "exact", "prefix", "suffix" },
 *                               { "type": "TextPositionSelector", "start", "end" } ] } }
 *
 * TextPositionSelector offsets count Unicode code points, as the model says, converted from our
 * UTF-16 positions with the article's text; an orphan (its position no longer holds its quote)
 * has the quote selector alone. `marginalia:textHash` (the article's text, hashed) lets another
 * library that imported the same article find it, whatever id it gave it. The stylesheet is on
 * every annotation, holding the rule for its own colour: the suite's MUST 4.4 requires an
 * Annotation-level `stylesheet` whenever a target has a `styleClass`, and each annotation is
 * checked on its own.
 *
 * Bodies, in this order:
 *   note           { "type": "TextualBody", "purpose": "commenting", "value", "format": "text/plain" }
 *   each tag       { "type": "TextualBody", "purpose": "tagging", "value": <tag> }
 *   claim          { "type": "TextualBody", "purpose": "describing", "marginalia:role": "claimType",
 *                    "value" }, then "speaker" (only when there is one), then "claimStatus"
 *   outgoing link  { "type": "SpecificResource", "purpose": "linking",
 *                    "source": "urn:uuid:<other annotation id>", "marginalia:relation": <relation> }
 *   originalQuote  { "type": "TextualBody", "purpose": "describing",
 *                    "marginalia:role": "originalQuote", "value" }   (only when not null)
 * Incoming links are not written: each is the outgoing link of the annotation at its other end.
 */
import type { Annotation, HighlightColor, LinkRelation } from '../contract/entities';
import type { ArticleWithAnnotations } from '../export/types';
import { codePointConverter } from '../text/code-points';
import {
  MARGINALIA_GENERATOR,
  MOTIVATION,
  PURPOSE,
  TERM,
  TYPE,
  uuidIri,
  W3C_CONTEXT,
  type DescribingRole,
  type WrittenMotivation,
} from './vocabulary';

/** The highlight colours as CSS, for the `stylesheet` a `styleClass` needs beside it. */
export const HIGHLIGHT_CSS: Readonly<Record<HighlightColor, string>> = {
  yellow: '#fde68a',
  green: '#bbf7d0',
  blue: '#bfdbfe',
  pink: '#fbcfe8',
  purple: '#ddd6fe',
};

export type W3cContext = typeof W3C_CONTEXT;

export interface W3cCommentBody {
  readonly type: typeof TYPE.textualBody;
  readonly purpose: typeof PURPOSE.commenting;
  readonly value: string;
  readonly format: 'text/plain';
}

export interface W3cTagBody {
  readonly type: typeof TYPE.textualBody;
  readonly purpose: typeof PURPOSE.tagging;
  readonly value: string;
}

export interface W3cDescribingBody {
  readonly type: typeof TYPE.textualBody;
  readonly purpose: typeof PURPOSE.describing;
  readonly [TERM.role]: DescribingRole;
  readonly value: string;
}

export interface W3cLinkBody {
  readonly type: typeof TYPE.specificResource;
  readonly purpose: typeof PURPOSE.linking;
  readonly source: string;
  readonly [TERM.relation]: LinkRelation;
}

export type W3cBody = W3cCommentBody | W3cTagBody | W3cDescribingBody | W3cLinkBody;

export interface W3cTextQuoteSelector {
  readonly type: typeof TYPE.quoteSelector;
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

export interface W3cTextPositionSelector {
  readonly type: typeof TYPE.positionSelector;
  /** Code points, not UTF-16 code units. */
  readonly start: number;
  readonly end: number;
}

export interface W3cAnnotation {
  readonly id: string;
  readonly type: typeof TYPE.annotation;
  readonly motivation: WrittenMotivation;
  readonly created: string;
  readonly modified: string;
  readonly stylesheet: { readonly type: typeof TYPE.stylesheet; readonly value: string };
  readonly body?: readonly W3cBody[];
  readonly target: W3cTarget;
}

export interface W3cTarget {
  readonly source: string;
  readonly [TERM.textHash]?: string;
  readonly styleClass: HighlightColor;
  readonly selector:
    readonly [W3cTextQuoteSelector, W3cTextPositionSelector] | readonly [W3cTextQuoteSelector];
}

export interface W3cAnnotationPage {
  readonly id: string;
  readonly type: typeof TYPE.page;
  readonly startIndex: 0;
  readonly items: readonly W3cAnnotation[];
}

export interface W3cCollection {
  readonly '@context': W3cContext;
  readonly id: string;
  readonly type: typeof TYPE.collection;
  readonly label: string;
  readonly total: number;
  readonly generator: typeof MARGINALIA_GENERATOR;
  readonly generated: string;
  readonly first?: W3cAnnotationPage;
}

export interface AnnotationCollectionInput {
  readonly articles: readonly ArticleWithAnnotations[];
  /** ISO timestamp of the export. */
  readonly exportedAt: string;
  readonly label: string;
  /** UUID of the collection. */
  readonly collectionId: string;
}

function bodiesOf(annotation: Annotation): W3cBody[] {
  const bodies: W3cBody[] = [];
  if (annotation.note !== '') {
    bodies.push({
      type: TYPE.textualBody,
      purpose: PURPOSE.commenting,
      value: annotation.note,
      format: 'text/plain',
    });
  }
  for (const tag of annotation.tags) {
    bodies.push({ type: TYPE.textualBody, purpose: PURPOSE.tagging, value: tag });
  }
  const describing = (role: DescribingRole, value: string): W3cDescribingBody => ({
    type: TYPE.textualBody,
    purpose: PURPOSE.describing,
    [TERM.role]: role,
    value,
  });
  const { claim } = annotation;
  if (claim !== null) {
    bodies.push(describing('claimType', claim.type));
    if (claim.speaker !== null) bodies.push(describing('speaker', claim.speaker));
    bodies.push(describing('claimStatus', claim.status));
  }
  for (const link of annotation.links) {
    if (link.direction !== 'outgoing') continue;
    bodies.push({
      type: TYPE.specificResource,
      purpose: PURPOSE.linking,
      source: uuidIri(link.otherId),
      [TERM.relation]: link.relation,
    });
  }
  if (annotation.originalQuote !== null) {
    bodies.push(describing('originalQuote', annotation.originalQuote));
  }
  return bodies;
}

function motivationOf(annotation: Annotation): WrittenMotivation {
  if (annotation.note !== '') return MOTIVATION.commenting;
  if (annotation.claim !== null) return MOTIVATION.classifying;
  return MOTIVATION.highlighting;
}

/** Quote and position; an orphan, whose passage is not in the text, travels by its quote alone. */
function selectorsOf(
  annotation: Annotation,
  offsets: ReturnType<typeof codePointConverter>,
): W3cTarget['selector'] {
  const quote: W3cTextQuoteSelector = {
    type: TYPE.quoteSelector,
    exact: annotation.quote.exact,
    prefix: annotation.quote.prefix,
    suffix: annotation.quote.suffix,
  };
  if (annotation.anchor.status === 'orphan') return [quote];
  return [
    quote,
    {
      type: TYPE.positionSelector,
      start: offsets.toCodePoint(annotation.position.start),
      end: offsets.toCodePoint(annotation.position.end),
    },
  ];
}

/** Every annotation of `input.articles` as one W3C AnnotationCollection (see the file comment). */
export function toAnnotationCollection(input: AnnotationCollectionInput): W3cCollection {
  const items: W3cAnnotation[] = [];
  for (const { article, text, annotations, contentHash } of input.articles) {
    const offsets = codePointConverter(text);
    for (const annotation of annotations) {
      const bodies = bodiesOf(annotation);
      items.push({
        id: uuidIri(annotation.id),
        type: TYPE.annotation,
        motivation: motivationOf(annotation),
        created: annotation.createdAt,
        modified: annotation.updatedAt,
        stylesheet: {
          type: TYPE.stylesheet,
          value: `.${annotation.color} { background-color: ${HIGHLIGHT_CSS[annotation.color]} }`,
        },
        ...(bodies.length > 0 ? { body: bodies } : {}),
        target: {
          source: uuidIri(article.id),
          ...(contentHash ? { [TERM.textHash]: contentHash } : {}),
          styleClass: annotation.color,
          selector: selectorsOf(annotation, offsets),
        },
      });
    }
  }
  const collectionIri = uuidIri(input.collectionId);
  return {
    '@context': W3C_CONTEXT,
    id: collectionIri,
    type: TYPE.collection,
    label: input.label,
    total: items.length,
    generator: MARGINALIA_GENERATOR,
    generated: input.exportedAt,
    ...(items.length > 0
      ? {
          first: {
            id: `${collectionIri}#page-1`,
            type: TYPE.page,
            startIndex: 0 as const,
            items,
          },
        }
      : {}),
  };
}
