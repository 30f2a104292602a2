/**
 * Reading an annotation file for import: W3C Web Annotations (ours, from `w3c.ts`, or another
 * tool's) and Hypothesis's JSON export, normalised to one list of `ParsedAnnotation`. Nothing is
 * anchored here: the importer finds each quote in its article's text.
 *
 * Accepted shapes:
 * - W3C: an AnnotationCollection whose `first` page is embedded (`{ type: 'AnnotationPage',
 *   items }`; a `first` that is only a link is refused: pages held elsewhere are not supported),
 *   an AnnotationPage, a single Annotation, or a list of Annotations.
 * - Hypothesis: its export `{ export_date, export_userid, client_version, annotations: [...] }`,
 *   an API search result `{ total, rows: [...] }`, or a bare list of its annotations.
 *
 * W3C reading is the exact inverse of `w3c.ts`, and tolerant of other tools' files:
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
 *   with an offset give null; tags are cleaned as Marginalia tag names (see `cleanTag`).
 * W3C TextPositionSelector offsets count code points and are returned as such
 * (`codePointPosition`); Hypothesis's count UTF-16 units in the page's DOM text, which is not our
 * canonical text, so Hypothesis annotations have no position and re-anchor by their quote.
 *
 * Anything malformed (a value of the wrong type, a missing target, a string beyond our limits,
 * a nesting deeper than any annotation needs, or a `__proto__`/`constructor`/`prototype` key)
 * throws `ServiceError('invalid_request', …)` saying what and where.
 */
import { z } from 'zod';
import {
  CLAIM_STATUSES,
  HIGHLIGHT_COLORS,
  IdSchema,
  LINK_RELATIONS,
  MAX_NOTE_LENGTH,
  MAX_QUOTE_LENGTH,
  TimestampSchema,
  type ClaimStatus,
  type HighlightColor,
  type LinkRelation,
} from '../contract/entities';
import { ServiceError } from '../contract/errors';

export interface ParsedLink {
  readonly relation: LinkRelation;
  /** The other annotation's id as the file writes it (a `urn:uuid:` IRI reduced to its UUID). */
  readonly otherSourceId: string;
}

export interface ParsedClaim {
  readonly type: string;
  readonly speaker: string | null;
  readonly status: ClaimStatus;
}

export interface ParsedAnnotation {
  /** The id in the file: W3C `urn:uuid:<uuid>` reduced to the UUID, other ids as written. */
  readonly sourceId: string | null;
  /** The target's source IRI as written (ours: `urn:uuid:<article id>`; Hypothesis: the URL). */
  readonly targetSource: string;
  /** Ours: the SHA-256 of the article's canonical text, to find the same text in any library. */
  readonly targetTextHash: string | null;
  readonly quote: { readonly exact: string; readonly prefix: string; readonly suffix: string };
  /** W3C TextPositionSelector offsets, in code points; null when absent or from Hypothesis. */
  readonly codePointPosition: { readonly start: number; readonly end: number } | null;
  readonly color: HighlightColor | null;
  readonly note: string;
  readonly tags: readonly string[];
  readonly claim: ParsedClaim | null;
  /** Outgoing links only. */
  readonly links: readonly ParsedLink[];
  readonly originalQuote: string | null;
  /** ISO 8601 timestamps, when the file has valid ones. */
  readonly created: string | null;
  readonly modified: string | null;
}

export interface ParsedAnnotationFile {
  readonly format: 'w3c' | 'hypothesis';
  /** The collection's label, when the file is a labelled W3C AnnotationCollection. */
  readonly label: string | null;
  readonly annotations: readonly ParsedAnnotation[];
  readonly warnings: readonly string[];
}

/** Deeper than any annotation file needs (ours is 6 levels); stops stack-hungry inputs. */
export const MAX_DEPTH = 32;
/** Longest list anywhere in a file (annotations, bodies, tags…). */
export const MAX_LIST_LENGTH = 100_000;
/** Longest id or IRI. */
export const MAX_IRI_LENGTH = 8_192;
export const MAX_LABEL_LENGTH = 1_000;
export const MAX_TAG_LENGTH = 100;
/** Quote context is kept to this many characters each side (the entity's limit). */
export const MAX_CONTEXT_LENGTH = 200;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const NO_QUOTE = 'no TextQuoteSelector';

function fail(message: string): never {
  throw new ServiceError('invalid_request', message);
}

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/** A value shown in a message: short, on one line. */
function shown(value: string, max = 80): string {
  const flat = value.replace(/\s+/gu, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * Refuses keys that pollute prototypes when code copies objects, nesting deeper than MAX_DEPTH
 * and lists longer than MAX_LIST_LENGTH, before any other look at the file.
 */
function checkStructure(json: unknown): void {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: json, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: (string | number)[] };
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_DEPTH) {
      fail(`The file is nested more than ${MAX_DEPTH} levels deep (at ${pathText(path)}).`);
    }
    if (Array.isArray(value)) {
      if (value.length > MAX_LIST_LENGTH) {
        const where = path.length === 0 ? 'the top level' : pathText(path);
        fail(`A list in the file has more than ${MAX_LIST_LENGTH} items (at ${where}).`);
      }
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
    } else {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) {
          const where = path.length === 0 ? 'at the top level' : `in ${pathText(path)}`;
          fail(`The file has a key "${key}" ${where}, which is not allowed.`);
        }
        stack.push({ value: (value as JsonRecord)[key], path: [...path, key] });
      }
    }
  }
}

/** Parses `value` with `schema`, or fails naming `where` and the first problem. */
function shape<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const at = issue === undefined || issue.path.length === 0 ? '' : ` ${pathText(issue.path)}`;
  fail(`${where}${at}: ${issue?.message ?? 'is malformed'}.`);
}

const text = (max: number) =>
  z.string().max(max, { error: `is longer than ${max.toLocaleString('en')} characters` });
const iri = text(MAX_IRI_LENGTH);
const stringOrList = z.union([z.string(), z.array(z.string())], {
  error: 'must be a string or a list of strings',
});

/** `["oa:Annotation"]` → ['Annotation']: types and purposes, in any of their JSON-LD spellings. */
function terms(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  const list = typeof value === 'string' ? [value] : value;
  return list.map((term) => term.replace(/^(oa:|https?:\/\/www\.w3\.org\/ns\/oa#)/u, ''));
}

/** A `urn:uuid:` IRI reduced to its UUID; any other id as written. */
function sourceIdOf(id: string): string {
  const match = /^urn:uuid:(.*)$/iu.exec(id);
  const uuid = match?.[1];
  return uuid !== undefined && IdSchema.safeParse(uuid).success ? uuid : id;
}

function timestampOrNull(value: string | undefined): string | null {
  return value !== undefined && TimestampSchema.safeParse(value).success ? value : null;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** The first `max` code units of `value`, not splitting a surrogate pair. */
function head(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = isHighSurrogate(value.charCodeAt(max - 1)) ? max - 1 : max;
  return value.slice(0, cut);
}

/** The last `max` code units of `value`, not splitting a surrogate pair. */
function tail(value: string, max: number): string {
  if (value.length <= max) return value;
  const from = value.length - max;
  return value.slice(isLowSurrogate(value.charCodeAt(from)) ? from + 1 : from);
}

/**
 * A tag as a Marginalia tag name: a leading `#` dropped, commas and `#` turned into spaces,
 * trimmed, at most MAX_TAG_LENGTH characters; empty gives null. Our own tags come back unchanged.
 */
export function cleanTag(tag: string): string | null {
  const cleaned = head(
    tag.trim().replace(/^#+/u, '').replace(/[,#]/gu, ' ').trim(),
    MAX_TAG_LENGTH,
  ).trim();
  return cleaned === '' ? null : cleaned;
}

function cleanTags(tags: Iterable<string>): string[] {
  const kept = new Set<string>();
  for (const tag of tags) {
    const cleaned = cleanTag(tag);
    if (cleaned !== null) kept.add(cleaned);
  }
  return [...kept];
}

/** Counts of things skipped or ignored, turned into one warning per kind at the end. */
class Warnings {
  private readonly counts = new Map<string, { count: number; say: (count: number) => string }>();
  private readonly notes: string[] = [];

  count(kind: string, say: (count: number) => string): void {
    const entry = this.counts.get(kind);
    if (entry === undefined) this.counts.set(kind, { count: 1, say });
    else entry.count++;
  }

  note(message: string): void {
    this.notes.push(message);
  }

  list(): string[] {
    return [...this.notes, ...[...this.counts.values()].map(({ count, say }) => say(count))];
  }
}

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

const QuoteSelectorShape = z.looseObject({
  exact: text(MAX_QUOTE_LENGTH),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});

const PositionSelectorShape = z.looseObject({ start: z.number(), end: z.number() });

const SelectorShape = z.looseObject({ type: stringOrList.optional() });

interface Selected {
  quote: ParsedAnnotation['quote'] | null;
  /** Whatever start/end the TextPositionSelector held, checked later. */
  position: { start: number; end: number } | null;
}

/** The TextQuoteSelector and TextPositionSelector among `selectors`. */
function select(selectors: readonly unknown[], where: string): Selected {
  let quote: Selected['quote'] = null;
  let position: Selected['position'] = null;
  for (const [index, selector] of selectors.entries()) {
    const at = `${where} selector ${index + 1}`;
    if (typeof selector === 'string') continue; // a selector held elsewhere: not followed
    const types = terms(shape(SelectorShape, selector, at).type);
    if (quote === null && types.includes('TextQuoteSelector')) {
      const parsed = shape(QuoteSelectorShape, selector, at);
      if (parsed.exact !== '') {
        quote = {
          exact: parsed.exact,
          prefix: tail(parsed.prefix ?? '', MAX_CONTEXT_LENGTH),
          suffix: head(parsed.suffix ?? '', MAX_CONTEXT_LENGTH),
        };
      }
    } else if (position === null && types.includes('TextPositionSelector')) {
      const { start, end } = shape(PositionSelectorShape, selector, at);
      position = { start, end };
    }
  }
  return { quote, position };
}

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
    plural(
      n,
      '1 annotation has an unusable TextPositionSelector; its quote alone will place it.',
      `${n} annotations have unusable TextPositionSelectors; their quotes alone will place them.`,
    ),
  );
  return null;
}

// ---- W3C Web Annotations -------------------------------------------------------------------

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
  'marginalia:textHash': z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

const W3cBodyShape = z.looseObject({
  type: stringOrList.optional(),
  purpose: stringOrList.optional(),
  value: z.string().optional(),
  source: SourceShape.optional(),
  'marginalia:role': z.string().optional(),
  'marginalia:relation': z.string().optional(),
});

const KNOWN_PURPOSES = ['commenting', 'tagging', 'describing', 'linking'] as const;
type KnownPurpose = (typeof KNOWN_PURPOSES)[number];

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function sourceIri(source: z.infer<typeof SourceShape>): string {
  return typeof source === 'string' ? source : source.id;
}

interface Bodies {
  comments: string[];
  tags: string[];
  links: ParsedLink[];
  roles: Map<string, string>;
}

/** Counts a body that was not read; `what` describes it after "Ignored 2 bodies". */
function ignored(warnings: Warnings, kind: string, what: string): void {
  warnings.count(`body:${kind}`, (n) => `Ignored ${plural(n, '1 body', `${n} bodies`)} ${what}.`);
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
  const purposes = terms(parsed.purpose);
  let purpose: string | undefined = purposes.find((p) => isOneOf(KNOWN_PURPOSES, p)) ?? purposes[0];
  if (purpose === undefined && parsed.value !== undefined) {
    purpose = motivations.includes('tagging') ? 'tagging' : 'commenting';
  }
  if (purpose === undefined) {
    ignored(warnings, 'no-purpose', 'with no purpose and no text');
    return;
  }
  if (!isOneOf<KnownPurpose>(KNOWN_PURPOSES, purpose)) {
    ignored(warnings, `purpose:${purpose}`, `with purpose “${shown(purpose, 40)}”`);
    return;
  }
  const value = parsed.value;
  switch (purpose) {
    case 'commenting':
      if (value === undefined) ignored(warnings, 'comment-elsewhere', 'commenting with no text');
      else into.comments.push(value);
      return;
    case 'tagging':
      if (value === undefined) ignored(warnings, 'tag-elsewhere', 'tagging with no text');
      else into.tags.push(value);
      return;
    case 'describing': {
      const role = parsed['marginalia:role'] ?? roleOf(body);
      if (role === undefined || value === undefined || !ROLE_NAMES.has(role)) {
        ignored(warnings, 'describing', 'describing without a Marginalia role');
      } else if (!into.roles.has(role)) {
        into.roles.set(role, value);
      }
      return;
    }
    case 'linking': {
      const relation = parsed['marginalia:relation'] ?? relationOf(body);
      if (parsed.source === undefined || !isOneOf(LINK_RELATIONS, relation)) {
        ignored(warnings, 'linking', 'linking without a Marginalia relation');
      } else {
        into.links.push({ relation, otherSourceId: sourceIdOf(sourceIri(parsed.source)) });
      }
      return;
    }
  }
}

const ROLE_NAMES = new Set(['claimType', 'speaker', 'claimStatus', 'originalQuote']);

/** `marginalia:role` written with the full namespace IRI. */
function roleOf(body: unknown): string | undefined {
  const role = isRecord(body) ? body['https://marginalia.app/ns#role'] : undefined;
  return typeof role === 'string' ? role : undefined;
}

function relationOf(body: unknown): string | undefined {
  const relation = isRecord(body) ? body['https://marginalia.app/ns#relation'] : undefined;
  return typeof relation === 'string' ? relation : undefined;
}

const ClaimTypeShape = z.string().trim().max(60, { error: 'is longer than 60 characters' });
const SpeakerShape = z.string().trim().max(200, { error: 'is longer than 200 characters' });

function claimOf(
  roles: Map<string, string>,
  where: string,
  warnings: Warnings,
): ParsedClaim | null {
  const type = roles.get('claimType')?.trim() ?? '';
  const speaker = roles.get('speaker');
  const status = roles.get('claimStatus');
  if (type === '') {
    if (speaker !== undefined || status !== undefined) {
      warnings.count('claim-without-type', (n) =>
        plural(
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
      plural(
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
  const types = terms(annotation.type);
  if (annotation.type !== undefined && !types.includes('Annotation')) {
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
      textHash: parsed['marginalia:textHash'] ?? null,
      styleClass: terms(parsed.styleClass),
      quote,
      position,
    };
  }
  if (chosen === null) return null;
  const { source, textHash, styleClass, quote, position } = chosen;
  if (quotedTargets > 1) {
    warnings.count('targets', (n) =>
      plural(
        n,
        '1 annotation marks more than one passage; only its first was kept.',
        `${n} annotations mark more than one passage; only the first of each was kept.`,
      ),
    );
  }

  const bodies: Bodies = { comments: [], tags: [], links: [], roles: new Map() };
  const motivations = terms(annotation.motivation);
  const bodyList = listOf(annotation.body);
  bodyList.forEach((body, index) => {
    const at = bodyList.length === 1 ? `${named} body` : `${named} body ${index + 1}`;
    readBody(body, at, motivations, bodies, warnings);
  });
  if (annotation.bodyValue !== undefined) bodies.comments.push(annotation.bodyValue);
  const note = bodies.comments.join('\n\n');
  if (note.length > MAX_NOTE_LENGTH) {
    fail(`${named}: the note is longer than ${MAX_NOTE_LENGTH.toLocaleString('en')} characters.`);
  }
  const originalQuote = bodies.roles.get('originalQuote') ?? null;
  if (originalQuote !== null && originalQuote.length > MAX_QUOTE_LENGTH) {
    fail(
      `${named}: the original quote is longer than ` +
        `${MAX_QUOTE_LENGTH.toLocaleString('en')} characters.`,
    );
  }

  return {
    sourceId: annotation.id === undefined ? null : sourceIdOf(annotation.id),
    targetSource: source,
    targetTextHash: textHash,
    quote,
    codePointPosition: usablePosition(position, warnings),
    color: styleClass.find((c): c is HighlightColor => isOneOf(HIGHLIGHT_COLORS, c)) ?? null,
    note,
    tags: cleanTags(bodies.tags),
    claim: claimOf(bodies.roles, named, warnings),
    links: bodies.links,
    originalQuote,
    created: timestampOrNull(annotation.created),
    modified: timestampOrNull(annotation.modified),
  };
}

function readW3cItems(
  items: readonly unknown[],
  label: string | null,
  warnings: Warnings,
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
      plural(
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

function readPage(page: unknown, where: string, label: string | null): ParsedAnnotationFile {
  const warnings = new Warnings();
  const parsed = shape(PageShape, page, where);
  if (parsed.next !== undefined && parsed.next !== null) {
    warnings.note(
      'The collection continues on further pages held elsewhere; only its first page was read.',
    );
  }
  return readW3cItems(parsed.items, label, warnings);
}

function readCollection(collection: JsonRecord): ParsedAnnotationFile {
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
  return readPage(parsed.first, 'The collection’s first page', label);
}

// ---- Hypothesis ----------------------------------------------------------------------------

const HypothesisTargetShape = z.looseObject({
  source: iri.optional(),
  selector: z.array(z.unknown(), { error: 'must be a list of selectors' }).optional(),
});

const HypothesisAnnotationShape = z.looseObject({
  id: iri.optional(),
  created: z.string().optional(),
  updated: z.string().optional(),
  uri: iri.optional(),
  text: text(MAX_NOTE_LENGTH).optional(),
  tags: z.array(z.string()).optional(),
  target: z.array(HypothesisTargetShape, { error: 'must be a list of targets' }),
});

/** One Hypothesis annotation, or null when it quotes no passage (a page note or a reply). */
function readHypothesisAnnotation(value: unknown, where: string): ParsedAnnotation | null {
  if (!isRecord(value)) fail(`${where} is not an object.`);
  const named = typeof value.id === 'string' ? `${where} (${shown(value.id)})` : where;
  if (value.target === undefined || value.target === null) fail(`${named} has no target.`);
  const annotation = shape(HypothesisAnnotationShape, value, named);
  let chosen: { source: string | undefined; quote: ParsedAnnotation['quote'] } | null = null;
  for (const [index, target] of annotation.target.entries()) {
    const at = annotation.target.length === 1 ? `${named} target` : `${named} target ${index + 1}`;
    const { quote } = select(target.selector ?? [], at);
    if (quote !== null) {
      chosen = { source: target.source, quote };
      break;
    }
  }
  if (chosen === null) return null;
  const { source, quote } = chosen;
  const targetSource = source ?? annotation.uri;
  if (targetSource === undefined) fail(`${named} has neither a target source nor a uri.`);
  return {
    sourceId: annotation.id ?? null,
    targetSource,
    targetTextHash: null,
    quote,
    // Hypothesis counts UTF-16 units in the page's DOM text, not in our canonical text.
    codePointPosition: null,
    color: null,
    note: annotation.text ?? '',
    tags: cleanTags(annotation.tags ?? []),
    claim: null,
    links: [],
    originalQuote: null,
    created: timestampOrNull(annotation.created),
    modified: timestampOrNull(annotation.updated),
  };
}

function readHypothesis(items: readonly unknown[]): ParsedAnnotationFile {
  const warnings = new Warnings();
  const annotations: ParsedAnnotation[] = [];
  let skipped = 0;
  items.forEach((item, index) => {
    const parsed = readHypothesisAnnotation(item, `Annotation ${index + 1}`);
    if (parsed === null) skipped++;
    else annotations.push(parsed);
  });
  if (skipped > 0) {
    warnings.note(
      plural(
        skipped,
        '1 Hypothesis annotation quotes no passage (a page note or a reply) and was skipped.',
        `${skipped} Hypothesis annotations quote no passage (page notes or replies) and were skipped.`,
      ),
    );
  }
  if (annotations.length === 0) {
    fail(
      items.length === 0
        ? 'The Hypothesis export holds no annotations.'
        : `None of the export’s ${items.length} Hypothesis annotations quotes a passage ` +
            `(${NO_QUOTE}): only page notes or replies.`,
    );
  }
  return { format: 'hypothesis', label: null, annotations, warnings: warnings.list() };
}

const HypothesisExportShape = z.looseObject({
  annotations: z.array(z.unknown(), { error: 'must be a list of annotations' }),
});
const HypothesisSearchShape = z.looseObject({
  rows: z.array(z.unknown(), { error: 'must be a list of annotations' }),
});

// ---- The file ------------------------------------------------------------------------------

/** Whether a list holds W3C annotations (they have a type or a context) or Hypothesis ones. */
function looksW3c(items: readonly unknown[]): boolean {
  return items.some((item) => isRecord(item) && ('type' in item || '@context' in item));
}

/**
 * Reads an annotation file (already parsed from JSON) for import; see the file comment for the
 * shapes accepted. Throws `ServiceError('invalid_request', …)` on anything malformed.
 */
export function parseAnnotationFile(json: unknown): ParsedAnnotationFile {
  checkStructure(json);
  if (Array.isArray(json)) {
    if (json.length === 0) fail('The file is an empty list: there are no annotations to import.');
    return looksW3c(json) ? readW3cItems(json, null, new Warnings()) : readHypothesis(json);
  }
  if (!isRecord(json)) {
    fail(
      `The file is not an annotation file: it holds ${json === null ? 'null' : `a ${typeof json}`}, ` +
        'not a JSON object or list.',
    );
  }
  if (json.type !== undefined) {
    const types = terms(shape(z.object({ type: stringOrList }), json, 'The file').type);
    if (types.includes('AnnotationCollection')) return readCollection(json);
    if (types.includes('AnnotationPage')) return readPage(json, 'The annotation page', null);
    if (types.includes('Annotation')) return readW3cItems([json], null, new Warnings());
    fail(
      `The file is a “${shown(types.join(', '), 40)}”, not a W3C AnnotationCollection, ` +
        'AnnotationPage or Annotation.',
    );
  }
  if ('annotations' in json) {
    return readHypothesis(shape(HypothesisExportShape, json, 'The Hypothesis export').annotations);
  }
  if ('rows' in json) {
    return readHypothesis(shape(HypothesisSearchShape, json, 'The Hypothesis search result').rows);
  }
  if ('target' in json && ('uri' in json || 'user' in json)) return readHypothesis([json]);
  fail(
    'The file is neither W3C Web Annotations (no "type") nor a Hypothesis export (no ' +
      '"annotations").',
  );
}
