/**
 * The words of W3C Web Annotations (https://www.w3.org/TR/annotation-model/) that Marginalia
 * writes and reads, and its own `marginalia:` terms: one list, so the writer (`w3c-writer.ts`)
 * and the reader (`w3c-reader.ts`) cannot drift apart. Anything spelt here is spelt nowhere else.
 */
import { IdSchema, LINK_RELATIONS, type LinkRelation } from '../contract/entities';

/** The JSON-LD context of the Web Annotation Data Model. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const MARGINALIA_NAMESPACE = 'https://marginalia.app/ns#';
/** The prefix our terms are written under (`marginalia:role`). */
const MARGINALIA_PREFIX = 'marginalia';

/** The `@context` of everything we write: the model's, and our prefix. */
export const W3C_CONTEXT = [ANNO_CONTEXT, { [MARGINALIA_PREFIX]: MARGINALIA_NAMESPACE }] as const;

export const MARGINALIA_GENERATOR = {
  id: 'https://marginalia.app/',
  type: 'Software',
  name: 'Marginalia',
} as const;

/** The classes we write and look for, by their `type`. */
export const TYPE = {
  collection: 'AnnotationCollection',
  page: 'AnnotationPage',
  annotation: 'Annotation',
  textualBody: 'TextualBody',
  specificResource: 'SpecificResource',
  quoteSelector: 'TextQuoteSelector',
  positionSelector: 'TextPositionSelector',
  stylesheet: 'CssStylesheet',
} as const;

/**
 * Why an annotation was made. We write one of `commenting` (it has a note), `classifying` (no
 * note, a claim) or `highlighting`; a reader takes `tagging` to mean that bodies with no purpose
 * are tags.
 */
export const MOTIVATION = {
  commenting: 'commenting',
  classifying: 'classifying',
  highlighting: 'highlighting',
  tagging: 'tagging',
} as const;
export type WrittenMotivation =
  typeof MOTIVATION.commenting | typeof MOTIVATION.classifying | typeof MOTIVATION.highlighting;

/** What each body is for: the four purposes we write, and the only ones we read. */
export const PURPOSE = {
  commenting: 'commenting',
  tagging: 'tagging',
  describing: 'describing',
  linking: 'linking',
} as const;
export type Purpose = (typeof PURPOSE)[keyof typeof PURPOSE];
export const PURPOSES: readonly Purpose[] = Object.values(PURPOSE);

/** Our properties, as written (compact, under the `marginalia` prefix of our context). */
export const TERM = {
  /** On a `describing` body: which part of a claim (or the original quote) its value is. */
  role: `${MARGINALIA_PREFIX}:role`,
  /** On a `linking` body: the link's relation (one of `LINK_RELATIONS`). */
  relation: `${MARGINALIA_PREFIX}:relation`,
  /** On a target: the SHA-256 of the article's canonical text, in hex. */
  textHash: `${MARGINALIA_PREFIX}:textHash`,
} as const;
export type Term = (typeof TERM)[keyof typeof TERM];

/** A term of ours written as its full IRI, as a JSON-LD processor may have expanded it. */
export function expandedTerm(term: Term): string {
  return MARGINALIA_NAMESPACE + term.slice(`${MARGINALIA_PREFIX}:`.length);
}

/** What a `describing` body of ours holds, in `marginalia:role`. */
export const DESCRIBING_ROLES = ['claimType', 'speaker', 'claimStatus', 'originalQuote'] as const;
export type DescribingRole = (typeof DESCRIBING_ROLES)[number];

/** The values of `marginalia:relation`: the link relations, as the contract names them. */
export const RELATIONS: readonly LinkRelation[] = LINK_RELATIONS;

/**
 * `["oa:Annotation"]` → ['Annotation']: types and purposes, in any of their JSON-LD spellings
 * (bare, `oa:` or the Open Annotation namespace's full IRI, http or https).
 */
export function compactTerms(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  const list = typeof value === 'string' ? [value] : value;
  return list.map((term) => term.replace(/^(oa:|https?:\/\/www\.w3\.org\/ns\/oa#)/u, ''));
}

/** `urn:uuid:<id>`: how every id of ours is written as an IRI. */
export function uuidIri(id: string): string {
  return `urn:uuid:${id}`;
}

/** The UUID of a `urn:uuid:` IRI (any case, as written), or null for any other IRI. */
export function uuidOfIri(iri: string): string | null {
  const uuid = /^urn:uuid:(.*)$/iu.exec(iri)?.[1];
  return uuid !== undefined && IdSchema.safeParse(uuid).success ? uuid : null;
}
