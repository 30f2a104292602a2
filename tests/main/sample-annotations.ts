/**
 * The sample article annotated as in the Reader issue: the accusation, the denial linked to it,
 * the White House and UK Foreign Office findings, and Stoltenberg's warning, with a note and tags.
 * Golden files, round trips, the CLI tests and the benchmark all start from it.
 */
import type { Service } from '../../src/main/service';
import { SAMPLE_ARTICLE_ID } from '../../src/main/sample';
import type { Annotation } from '../../src/shared/contract/entities';
import { create } from './helpers';

export const ACCUSATION =
  'Western intelligence reports have said that Russia planned to run “false-flag operations”';
export const DENIAL = 'which Russia denies';
export const WHITE_HOUSE =
  'the White House announced an intelligence finding that Russia had been stirring misinformation';
export const FOREIGN_OFFICE = 'the UK Foreign Office reported that Russia also planned';
export const WARNING = 'the warning time for a possible attack is going down';

export interface AnnotatedSample {
  readonly accusation: Annotation;
  readonly denial: Annotation;
  readonly whiteHouse: Annotation;
  readonly foreignOffice: Annotation;
  readonly warning: Annotation;
}

export function annotateSample(service: Service, articleId = SAMPLE_ARTICLE_ID): AnnotatedSample {
  const accusation = create(service, articleId, ACCUSATION, {
    color: 'pink',
    note: 'Repeated on February 3rd by the US.\nNo evidence published.',
    tags: ['false flag', 'intelligence'],
    claim: { type: 'accusation', speaker: 'Western intelligence', status: 'disputed' },
  });
  const denial = create(service, articleId, DENIAL, {
    color: 'blue',
    claim: { type: 'denial', speaker: 'Russia', status: 'unverified' },
  });
  service.createLink({ fromId: denial.id, toId: accusation.id, relation: 'denies' });
  const whiteHouse = create(service, articleId, WHITE_HOUSE, {
    tags: ['false flag'],
    claim: { type: 'evidence', speaker: 'White House', status: 'unverified' },
  });
  service.createLink({ fromId: whiteHouse.id, toId: accusation.id, relation: 'supports' });
  const foreignOffice = create(service, articleId, FOREIGN_OFFICE, {
    claim: { type: 'accusation', speaker: 'UK Foreign Office', status: 'unverified' },
  });
  const warning = create(service, articleId, WARNING, {
    color: 'green',
    note: 'Stoltenberg, February 10th.',
    claim: { type: 'prediction', speaker: 'Jens Stoltenberg', status: 'confirmed' },
  });
  const reread = (a: Annotation) =>
    service.listAnnotations({ articleId }).annotations.find((b) => b.id === a.id)!;
  return {
    accusation: reread(accusation),
    denial: reread(denial),
    whiteHouse: reread(whiteHouse),
    foreignOffice: reread(foreignOffice),
    warning: reread(warning),
  };
}
