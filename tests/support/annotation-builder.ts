/**
 * The one way tests make an `Annotation` value (for views, exporters and fakes): every field has
 * a plain default, the anchor follows the position unless given, and a passage can be placed in
 * a real text so that its quote carries its context.
 */
import { describeRange } from '../../src/shared/anchoring/selectors';
import type { Annotation, Changes } from '../../src/shared/contract/entities';

export interface AnnotationBuild extends Partial<Annotation> {
  /** The passage's words (default: the quote's, or "passage"). */
  readonly exact?: string;
  /** Where the passage starts (default: where `exact` first occurs in `text`, else 0). */
  readonly start?: number;
  /** The article's text: the quote and position are then described from it, with context. */
  readonly text?: string;
}

let counter = 0;

/** UUID-shaped test ids: 0195b000-0000-7000-8000-<n in 12 hex digits>. */
export function testId(n: number): string {
  return `0195b000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function buildAnnotation(build: AnnotationBuild = {}): Annotation {
  const { exact: exactGiven, start: startGiven, text, ...fields } = build;
  const exact = exactGiven ?? fields.quote?.exact ?? 'passage';
  let selectors: Pick<Annotation, 'quote' | 'position'>;
  if (text !== undefined) {
    const start = startGiven ?? text.indexOf(exact);
    if (start < 0) throw new Error(`buildAnnotation: “${exact}” is not in the text`);
    selectors = describeRange(text, start, start + exact.length);
  } else {
    const start = startGiven ?? fields.position?.start ?? 0;
    selectors = {
      quote: fields.quote ?? { exact, prefix: '', suffix: '' },
      position: fields.position ?? { start, end: start + exact.length },
    };
  }
  const created = fields.createdAt ?? '2024-01-01T00:00:00.000Z';
  return {
    id: testId(++counter),
    articleId: testId(0),
    color: 'yellow',
    note: '',
    claim: null,
    tags: [],
    links: [],
    originalQuote: null,
    anchor: { status: 'anchored', ...selectors.position },
    createdAt: created,
    updatedAt: created,
    ...selectors,
    ...fields,
  };
}

/** A `Changes` with nothing in it but what is given. */
export function changesOf(fields: Partial<Changes> = {}): Changes {
  return { annotations: [], removedAnnotations: [], articles: [], removedArticles: [], ...fields };
}
