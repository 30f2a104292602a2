/**
 * Reading an annotation file for import: W3C Web Annotations (ours, from `w3c-writer.ts`, or
 * another tool's; `w3c-reader.ts`) and Hypothesis's JSON export (`hypothesis-reader.ts`),
 * normalised to one list of `ParsedAnnotation`. This module tells which it is. Nothing is
 * anchored here: the importer finds each quote in its article's text.
 *
 * Accepted shapes:
 * - W3C: an AnnotationCollection whose `first` page is embedded (`{ type: 'AnnotationPage',
 *   items }`; a `first` that is only a link is refused: pages held elsewhere are not supported),
 *   an AnnotationPage, a single Annotation, or a list of Annotations.
 * - Hypothesis: its export `{ export_date, export_userid, client_version, annotations: [...] }`,
 *   an API search result `{ total, rows: [...] }`, or a bare list of its annotations.
 *
 * Anything malformed (a value of the wrong type, a missing target, a string beyond our limits,
 * a nesting deeper than any annotation needs, or a `__proto__`/`constructor`/`prototype` key)
 * throws `ServiceError('invalid_request', …)` saying what and where (`json-guard.ts`).
 */
import { z } from 'zod';
import { toWellFormed } from '../text/well-formed';
import { HypothesisExportShape, HypothesisSearchShape, readHypothesis } from './hypothesis-reader';
import { checkStructure, fail, isRecord, shape, shown, stringOrList } from './json-guard';
import type { ParsedAnnotation, ParsedAnnotationFile } from './reading';
import { compactTerms, TYPE } from './vocabulary';
import { readW3cCollection, readW3cItems, readW3cPage } from './w3c-reader';

export type { ParsedAnnotation, ParsedAnnotationFile, ParsedClaim, ParsedLink } from './reading';

/** Whether a list holds W3C annotations (they have a type or a context) or Hypothesis ones. */
function looksW3c(items: readonly unknown[]): boolean {
  return items.some((item) => isRecord(item) && ('type' in item || '@context' in item));
}

/**
 * Reads an annotation file (already parsed from JSON) for import; see the file comment for the
 * shapes accepted. Throws `ServiceError('invalid_request', …)` on anything malformed.
 */
export function parseAnnotationFile(json: unknown): ParsedAnnotationFile {
  const file = readAnnotationFile(json);
  return { ...file, annotations: file.annotations.map(wholeCharacters) };
}

/**
 * The annotation with half a character (a lone surrogate, which JSON can spell as "\ud83d") in
 * any of its words read as U+FFFD, as a decoder reads a broken byte: it could not be stored.
 */
function wholeCharacters(annotation: ParsedAnnotation): ParsedAnnotation {
  const fix = toWellFormed;
  return {
    ...annotation,
    quote: {
      exact: fix(annotation.quote.exact),
      prefix: fix(annotation.quote.prefix),
      suffix: fix(annotation.quote.suffix),
    },
    note: fix(annotation.note),
    tags: [...new Set(annotation.tags.map(fix))],
    claim: annotation.claim && {
      ...annotation.claim,
      type: fix(annotation.claim.type),
      speaker: annotation.claim.speaker === null ? null : fix(annotation.claim.speaker),
    },
    originalQuote: annotation.originalQuote === null ? null : fix(annotation.originalQuote),
  };
}

function readAnnotationFile(json: unknown): ParsedAnnotationFile {
  checkStructure(json);
  if (Array.isArray(json)) {
    if (json.length === 0) fail('The file is an empty list: there are no annotations to import.');
    return looksW3c(json) ? readW3cItems(json, null) : readHypothesis(json);
  }
  if (!isRecord(json)) {
    fail(
      `The file is not an annotation file: it holds ${json === null ? 'null' : `a ${typeof json}`}, ` +
        'not a JSON object or list.',
    );
  }
  if (json.type !== undefined) {
    const types = compactTerms(shape(z.object({ type: stringOrList }), json, 'The file').type);
    if (types.includes(TYPE.collection)) return readW3cCollection(json);
    if (types.includes(TYPE.page)) return readW3cPage(json, 'The annotation page', null);
    if (types.includes(TYPE.annotation)) return readW3cItems([json], null);
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
