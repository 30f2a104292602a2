/**
 * Annotations from the sample article for claims tests: an accusation and the denial that
 * answers it (linked both ways), two more claims, and a plain highlight that is not a claim.
 */
import type { Annotation, AnnotationLink, Claim } from '../../../src/shared/contract/entities';
import { buildAnnotation } from '../../support/annotation-builder';

export const ARTICLE_ID = '0190a000-0000-7000-8000-000000000000';
const id = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;

export const IDS = {
  accusation: id(1),
  denial: id(2),
  highlight: id(3),
  finding: id(4),
  warning: id(5),
  link: id(10),
  elsewhere: id(11),
  elsewhereLink: id(12),
  otherArticle: id(13),
} as const;

function annotation(
  n: string,
  exact: string,
  start: number,
  claim: Claim | null,
  links: AnnotationLink[] = [],
): Annotation {
  return buildAnnotation({ id: n, articleId: ARTICLE_ID, exact, start, claim, links });
}

const ACCUSATION = 'Russia planned to run “false-flag operations”';
const DENIAL = 'which Russia denies';

export const ANNOTATIONS: readonly Annotation[] = [
  // Out of document order on purpose: the view must sort by position.
  annotation(IDS.denial, DENIAL, 150, { type: 'denial', speaker: 'Russia', status: 'unverified' }, [
    {
      id: IDS.link,
      relation: 'denies',
      direction: 'outgoing',
      otherId: IDS.accusation,
      otherArticleId: ARTICLE_ID,
      otherQuote: ACCUSATION,
    },
  ]),
  annotation(
    IDS.accusation,
    ACCUSATION,
    100,
    { type: 'accusation', speaker: 'Western intelligence', status: 'disputed' },
    [
      {
        id: IDS.link,
        relation: 'denies',
        direction: 'incoming',
        otherId: IDS.denial,
        otherArticleId: ARTICLE_ID,
        otherQuote: DENIAL,
      },
      {
        id: IDS.elsewhereLink,
        relation: 'supports',
        direction: 'incoming',
        otherId: IDS.elsewhere,
        otherArticleId: IDS.otherArticle,
        otherQuote: 'a report from another article',
      },
    ],
  ),
  annotation(IDS.highlight, 'NATO Secretary General Jens Stoltenberg', 300, null),
  annotation(IDS.finding, 'a White House finding of January 14th', 20, {
    type: 'evidence',
    speaker: null,
    status: 'confirmed',
  }),
  annotation(IDS.warning, 'the number of Russian forces is going up', 400, {
    type: 'prediction',
    speaker: 'Jens Stoltenberg',
    status: 'unverified',
  }),
];
