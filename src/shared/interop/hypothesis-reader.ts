/**
 * Reading Hypothesis's annotations (its JSON export, an API search result, or a bare list).
 * Their selectors are W3C's; their TextPositionSelectors count UTF-16 units in the page's DOM
 * text, which is not our canonical text, so Hypothesis annotations have no position and
 * re-anchor by their quote. Page notes and replies quote nothing and are skipped.
 */
import { z } from 'zod';
import { MAX_NOTE_LENGTH } from '../text/limits';
import { agree } from '../text/plural';
import { cleanTagNames } from '../text/tag-name';
import { fail, iri, isRecord, shape, shown, text } from './json-guard';
import {
  NO_QUOTE,
  select,
  timestampOrNull,
  Warnings,
  type ParsedAnnotation,
  type ParsedAnnotationFile,
} from './reading';

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

/** Hypothesis's export file: `{ export_date, export_userid, client_version, annotations }`. */
export const HypothesisExportShape = z.looseObject({
  annotations: z.array(z.unknown(), { error: 'must be a list of annotations' }),
});
/** A Hypothesis API search result: `{ total, rows }`. */
export const HypothesisSearchShape = z.looseObject({
  rows: z.array(z.unknown(), { error: 'must be a list of annotations' }),
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
    tags: cleanTagNames(annotation.tags ?? []),
    claim: null,
    links: [],
    originalQuote: null,
    created: timestampOrNull(annotation.created),
    modified: timestampOrNull(annotation.updated),
  };
}

export function readHypothesis(items: readonly unknown[]): ParsedAnnotationFile {
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
      agree(
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
