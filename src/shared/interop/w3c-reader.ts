/**
 * Reading W3C Web Annotations: ours (the exact inverse of `w3c-writer.ts`, through the same
 * `vocabulary.ts`) and other tools', tolerantly:
 * - `bodyValue` (a plain string) is the note; `body` may be one object instead of a list;
 *   `target` may be a list (the first target holding a TextQuoteSelector is used) or a bare IRI,
 *   `selector` one object instead of a list; purposes may be written `oa:commenting` or as the
 *   full IRI; `type` may be a list.
 * - A TextualBody without a purpose is a tag when the annotation's motivation is `tagging`, else
 *   a comment. Several comments join with a blank line.
 * - Bodies we do not understand (other purposes, external resources, describing bodies without a
 *   Marginalia role…) are ignored with one warning per kind.
 * - An annotation with no usable TextQuoteSelector is skipped with one warning counting them; a
 *   file left with no annotation to import is an error.
 * - Colours (`styleClass`) other than ours give `color: null`; timestamps that are not ISO 8601
 *   with an offset give null; tags are cleaned as Marginalia tag names (`cleanTagName`).
 * TextPositionSelector offsets count code points and are returned as such (`codePointPosition`).
 * Values beyond the entities' limits (`../text/limits`) are refused, saying where.
 */
import { z } from 'zod';
import {
  CLAIM_STATUSES,
  HIGHLIGHT_COLORS,
  type ClaimStatus,
  type HighlightColor,
} from '../contract/entities';
import {
  MAX_CLAIM_TYPE_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_QUOTE_LENGTH,
  MAX_SPEAKER_LENGTH,
} from '../text/limits';
import { agree, plural } from '../text/plural';
import { cleanTagNames } from '../text/tag-name';
import {
  fail,
  iri,
  isOneOf,
  isRecord,
  listOf,
  MAX_LABEL_LENGTH,
  shape,
  shown,
  stringOrList,
  text,
  tooLong,
  trimmedText,
  type JsonRecord,
} from './json-guard';
import {
  NO_QUOTE,
  select,
  timestampOrNull,
  Warnings,
  type ParsedAnnotation,
  type ParsedAnnotationFile,
  type ParsedClaim,
  type ParsedLink,
  type Selected,
} from './reading';
import {
  compactTerms,
  DESCRIBING_ROLES,
  expandedTerm,
  MOTIVATION,
  PURPOSE,
  PURPOSES,
  RELATIONS,
  TERM,
  TYPE,
  uuidOfIri,
  type DescribingRole,
  type Term,
} from './vocabulary';

/** A position as code points, or null (with a warning) when it cannot be one. */
function usablePosition(
  position: Selected['position'],
  warnings: Warnings,
): ParsedAnnotation['codePointPosition'] {
  if (position === null) return null;
  const { start, end } = position;
  if (Number.isSafeInteger(start) && Number.isSafeInteger(end) && 0 <= start && start < end) {
    return { start, end };
  }
  warnings.count('position', (n) =>
    agree(
      n,
      '1 annotation has an unusable TextPositionSelector; its quote alone will place it.',
      `${n} annotations have unusable TextPositionSelectors; their quotes alone will place them.`,
    ),
  );
  return null;
}

const SourceShape = z.union([iri, z.looseObject({ id: iri })], {
  error: 'must be an IRI or an object with an id',
});

const W3cAnnotationShape = z.looseObject({
  id: iri.optional(),
  type: stringOrList.optional(),
  motivation: stringOrList.optional(),
  created: z.string().optional(),
  modified: z.string().optional(),
  bodyValue: text(MAX_NOTE_LENGTH).optional(),
  body: z.unknown().optional(),
  target: z.unknown().optional(),
});

const W3cTargetShape = z.looseObject({
  id: iri.optional(),
  source: SourceShape.optional(),
  styleClass: stringOrList.optional(),
  selector: z.unknown().optional(),
  [TERM.textHash]: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

const W3cBodyShape = z.looseObject({
  type: stringOrList.optional(),
  purpose: stringOrList.optional(),
  value: z.string().optional(),
  source: SourceShape.optional(),
  [TERM.role]: z.string().optional(),
  [TERM.relation]: z.string().optional(),
});

/** A `urn:uuid:` IRI reduced to its UUID; any other id as written. */
function sourceIdOf(id: string): string {
  return uuidOfIri(id) ?? id;
}

function sourceIri(source: z.infer<typeof SourceShape>): string {
  return typeof source === 'string' ? source : source.id;
}

interface Bodies {
  comments: string[];
  tags: string[];
  links: ParsedLink[];
  roles: Map<DescribingRole, string>;
}

/** Counts a body that was not read; `what` describes it after "Ignored 2 bodies". */
function ignored(warnings: Warnings, kind: string, what: string): void {
  warnings.count(`body:${kind}`, (n) => `Ignored ${plural(n, 'body', 'bodies')} ${what}.`);
}

/** One of our terms, written compact (`marginalia:role`) or as its full IRI. */
function termOf(body: unknown, compact: string | undefined, term: Term): string | undefined {
  if (compact !== undefined) return compact;
  const value = isRecord(body) ? body[expandedTerm(term)] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function readBody(
  body: unknown,
  where: string,
  motivations: readonly string[],
  into: Bodies,
  warnings: Warnings,
): void {
  if (typeof body === 'string') {
    ignored(warnings, 'external', 'held elsewhere (only a link)');
    return;
  }
  const parsed = shape(W3cBodyShape, body, where);
  const purposes = compactTerms(parsed.purpose);
  let purpose: string | undefined = purposes.find((p) => isOneOf(PURPOSES, p)) ?? purposes[0];
  if (purpose === undefined && parsed.value !== undefined) {
    purpose = motivations.includes(MOTIVATION.tagging) ? PURPOSE.tagging : PURPOSE.commenting;
  }
  if (purpose === undefined) {
    ignored(warnings, 'no-purpose', 'with no purpose and no text');
    return;
  }
  if (!isOneOf(PURPOSES, purpose)) {
    ignored(warnings, `purpose:${purpose}`, `with purpose “${shown(purpose, 40)}”`);
    return;
  }
  const value = parsed.value;
  switch (purpose) {
    case PURPOSE.commenting:
      if (value === undefined) ignored(warnings, 'comment-elsewhere', 'commenting with no text');
      else into.comments.push(value);
      return;
    case PURPOSE.tagging:
      if (value === undefined) ignored(warnings, 'tag-elsewhere', 'tagging with no text');
      else into.tags.push(value);
      return;
    case PURPOSE.describing: {
      const role = termOf(body, parsed[TERM.role], TERM.role);
      if (value === undefined || !isOneOf(DESCRIBING_ROLES, role)) {
        ignored(warnings, 'describing', 'describing without a Marginalia role');
      } else if (!into.roles.has(role)) {
        into.roles.set(role, value);
      }
      return;
    }
    case PURPOSE.linking: {
      const relation = termOf(body, parsed[TERM.relation], TERM.relation);
      if (parsed.source === undefined || !isOneOf(RELATIONS, relation)) {
        ignored(warnings, 'linking', 'linking without a Marginalia relation');
      } else {
        into.links.push({ relation, otherSourceId: sourceIdOf(sourceIri(parsed.source)) });
      }
      return;
    }
  }
}

const ClaimTypeShape = trimmedText(MAX_CLAIM_TYPE_LENGTH);
const SpeakerShape = trimmedText(MAX_SPEAKER_LENGTH);

function claimOf(
  roles: Map<DescribingRole, string>,
  where: string,
  warnings: Warnings,
): ParsedClaim | null {
  const type = roles.get('claimType')?.trim() ?? '';
  const speaker = roles.get('speaker');
  const status = roles.get('claimStatus');
  if (type === '') {
    if (speaker !== undefined || status !== undefined) {
      warnings.count('claim-without-type', (n) =>
        agree(
          n,
          '1 annotation has a claim speaker or status but no claim type; they were ignored.',
          `${n} annotations have a claim speaker or status but no claim type; they were ignored.`,
        ),
      );
    }
    return null;
  }
  let claimStatus: ClaimStatus = 'unverified';
  if (isOneOf(CLAIM_STATUSES, status)) claimStatus = status;
  else if (status !== undefined) {
    warnings.count('claim-status', (n) =>
      agree(
        n,
        '1 claim has a status Marginalia does not know; it is unverified.',
        `${n} claims have a status Marginalia does not know; they are unverified.`,
      ),
    );
  }
  const cleanSpeaker =
    speaker === undefined ? '' : shape(SpeakerShape, speaker, `${where} speaker`);
  return {
    type: shape(ClaimTypeShape, type, `${where} claim type`),
    speaker: cleanSpeaker === '' ? null : cleanSpeaker,
    status: claimStatus,
  };
}

/** One W3C annotation, or null (counted in the warnings) when it has no quote to anchor. */
function readW3cAnnotation(
  value: unknown,
  where: string,
  warnings: Warnings,
): ParsedAnnotation | null {
  if (!isRecord(value)) fail(`${where} is not an object.`);
  const annotation = shape(W3cAnnotationShape, value, where);
  const named = annotation.id === undefined ? where : `${where} (${shown(annotation.id)})`;
  const types = compactTerms(annotation.type);
  if (annotation.type !== undefined && !types.includes(TYPE.annotation)) {
    fail(`${named} is a ${shown(types.join(', '), 40)}, not an Annotation.`);
  }
  if (annotation.target === undefined || annotation.target === null) {
    fail(`${named} has no target.`);
  }
  if (annotation.body !== undefined && annotation.bodyValue !== undefined) {
    fail(`${named} has both "body" and "bodyValue"; an annotation has one or the other.`);
  }

  const targets = listOf(annotation.target);
  if (targets.length === 0) fail(`${named} has no target.`);
  let chosen: {
    source: string;
    textHash: string | null;
    styleClass: string[];
    quote: ParsedAnnotation['quote'];
    position: Selected['position'];
  } | null = null;
  let quotedTargets = 0;
  for (const [index, target] of targets.entries()) {
    const at = targets.length === 1 ? `${named} target` : `${named} target ${index + 1}`;
    if (typeof target === 'string') continue; // a whole resource: nothing to anchor
    const parsed = shape(W3cTargetShape, target, at);
    const { selector } = parsed;
    if (
      selector !== undefined &&
      selector !== null &&
      typeof selector !== 'string' &&
      typeof selector !== 'object'
    ) {
      fail(`${at} selector: must be an object or a list of objects.`);
    }
    const { quote, position } = select(listOf(selector), at);
    if (quote === null) continue;
    quotedTargets++;
    if (chosen !== null) continue;
    if (parsed.source === undefined) fail(`${at} has a TextQuoteSelector but no source.`);
    chosen = {
      source: sourceIri(parsed.source),
      textHash: parsed[TERM.textHash] ?? null,
      styleClass: compactTerms(parsed.styleClass),
      quote,
      position,
    };
  }
  if (chosen === null) return null;
  const { source, textHash, styleClass, quote, position } = chosen;
  if (quotedTargets > 1) {
    warnings.count('targets', (n) =>
      agree(
        n,
        '1 annotation marks more than one passage; only its first was kept.',
        `${n} annotations mark more than one passage; only the first of each was kept.`,
      ),
    );
  }

  const bodies: Bodies = { comments: [], tags: [], links: [], roles: new Map() };
  const motivations = compactTerms(annotation.motivation);
  const bodyList = listOf(annotation.body);
  bodyList.forEach((body, index) => {
    const at = bodyList.length === 1 ? `${named} body` : `${named} body ${index + 1}`;
    readBody(body, at, motivations, bodies, warnings);
  });
  if (annotation.bodyValue !== undefined) bodies.comments.push(annotation.bodyValue);
  const note = bodies.comments.join('\n\n');
  if (note.length > MAX_NOTE_LENGTH) fail(`${named}: the note ${tooLong(MAX_NOTE_LENGTH)}.`);
  const originalQuote = bodies.roles.get('originalQuote') ?? null;
  if (originalQuote !== null && originalQuote.length > MAX_QUOTE_LENGTH) {
    fail(`${named}: the original quote ${tooLong(MAX_QUOTE_LENGTH)}.`);
  }

  return {
    sourceId: annotation.id === undefined ? null : sourceIdOf(annotation.id),
    targetSource: source,
    targetTextHash: textHash,
    quote,
    codePointPosition: usablePosition(position, warnings),
    color: styleClass.find((c): c is HighlightColor => isOneOf(HIGHLIGHT_COLORS, c)) ?? null,
    note,
    tags: cleanTagNames(bodies.tags),
    claim: claimOf(bodies.roles, named, warnings),
    links: bodies.links,
    originalQuote,
    created: timestampOrNull(annotation.created),
    modified: timestampOrNull(annotation.modified),
  };
}

/** A list of W3C annotations (a page's items, a bare list, or one annotation alone). */
export function readW3cItems(
  items: readonly unknown[],
  label: string | null,
  warnings = new Warnings(),
): ParsedAnnotationFile {
  const annotations: ParsedAnnotation[] = [];
  let skipped = 0;
  items.forEach((item, index) => {
    const parsed = readW3cAnnotation(item, `Annotation ${index + 1}`, warnings);
    if (parsed === null) skipped++;
    else annotations.push(parsed);
  });
  if (skipped > 0) {
    warnings.note(
      agree(
        skipped,
        '1 annotation has no quote to anchor and was skipped.',
        `${skipped} annotations have no quote to anchor and were skipped.`,
      ),
    );
  }
  if (annotations.length === 0) {
    fail(
      items.length === 0
        ? 'The file holds no annotations.'
        : `None of the file’s ${items.length} annotations has a quote to anchor (${NO_QUOTE}).`,
    );
  }
  return { format: 'w3c', label, annotations, warnings: warnings.list() };
}

const PageShape = z.looseObject({
  items: z.array(z.unknown(), { error: 'must be a list of annotations' }),
  next: z.unknown().optional(),
});

const CollectionShape = z.looseObject({
  label: text(MAX_LABEL_LENGTH).optional(),
  first: z.unknown().optional(),
});

/** An AnnotationPage; only its own items are read (a `next` page held elsewhere is not). */
export function readW3cPage(
  page: unknown,
  where: string,
  label: string | null,
): ParsedAnnotationFile {
  const warnings = new Warnings();
  const parsed = shape(PageShape, page, where);
  if (parsed.next !== undefined && parsed.next !== null) {
    warnings.note(
      'The collection continues on further pages held elsewhere; only its first page was read.',
    );
  }
  return readW3cItems(parsed.items, label, warnings);
}

/** An AnnotationCollection whose first page is embedded. */
export function readW3cCollection(collection: JsonRecord): ParsedAnnotationFile {
  const parsed = shape(CollectionShape, collection, 'The collection');
  const label = parsed.label ?? null;
  if (typeof parsed.first === 'string') {
    fail(
      `Pages held elsewhere are not supported: the collection’s first page is only a link ` +
        `(${shown(parsed.first)}). Export the collection with its annotations embedded.`,
    );
  }
  if (parsed.first === undefined || parsed.first === null) {
    fail('The collection holds no annotations (it has no first page).');
  }
  if (!isRecord(parsed.first)) fail('The collection’s first page is not an object.');
  return readW3cPage(parsed.first, 'The collection’s first page', label);
}
