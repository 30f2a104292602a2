/** The claims table as data: which rows, how answers are worded, and how each column sorts. */
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_ORDER,
  claimRows,
  nextSort,
  previewQuote,
  sortClaimRows,
  type ClaimRow,
} from '../../../src/renderer/src/annotations/claims-table';
import { ANNOTATIONS, IDS } from './claim-fixtures';

const ids = (rows: readonly ClaimRow[]) => rows.map((r) => r.id);
const rows = claimRows(ANNOTATIONS);

describe('claimRows', () => {
  it('keeps only claims, in document order', () => {
    expect(ids(rows)).toEqual([IDS.finding, IDS.accusation, IDS.denial, IDS.warning]);
  });

  it('words links from this claim’s side: incoming first, then outgoing', () => {
    const accusation = rows.find((r) => r.id === IDS.accusation);
    expect(accusation?.answers.map((a) => a.text)).toEqual([
      'denied by ‘which Russia denies’',
      'supported by ‘a report from another article’',
    ]);
    const denial = rows.find((r) => r.id === IDS.denial);
    expect(denial?.answers.map((a) => a.text)).toEqual([
      'denies ‘Russia planned to run “false-flag operations”’',
    ]);
  });

  it('leaves out same-claim-as links, which restate rather than answer', () => {
    const denial = ANNOTATIONS.find((a) => a.id === IDS.denial);
    if (!denial) throw new Error('no denial in the fixtures');
    const links = denial.links.map((link) => ({ ...link, relation: 'same-claim-as' as const }));
    const restated = claimRows([{ ...denial, links }]);
    expect(restated[0]?.answers).toEqual([]);
  });
});

describe('sortClaimRows', () => {
  it('sorts the Quote column by position: ascending is document order', () => {
    expect(ids(sortClaimRows(rows, DOCUMENT_ORDER))).toEqual(ids(rows));
    expect(ids(sortClaimRows(rows, { key: 'quote', direction: 'descending' }))).toEqual(
      ids(rows).reverse(),
    );
  });

  it('sorts by speaker either way, with unattributed claims last both times', () => {
    expect(ids(sortClaimRows(rows, { key: 'speaker', direction: 'ascending' }))).toEqual([
      IDS.warning, // Jens Stoltenberg
      IDS.denial, // Russia
      IDS.accusation, // Western intelligence
      IDS.finding, // unattributed
    ]);
    expect(ids(sortClaimRows(rows, { key: 'speaker', direction: 'descending' }))).toEqual([
      IDS.accusation,
      IDS.denial,
      IDS.warning,
      IDS.finding,
    ]);
  });

  it('breaks ties in document order', () => {
    expect(ids(sortClaimRows(rows, { key: 'status', direction: 'descending' }))).toEqual([
      IDS.denial, // unverified, at 150
      IDS.warning, // unverified, at 400
      IDS.accusation, // disputed
      IDS.finding, // confirmed
    ]);
  });

  it('sorts by type and by what answers, claims with no answer last', () => {
    expect(ids(sortClaimRows(rows, { key: 'type', direction: 'ascending' }))).toEqual([
      IDS.accusation,
      IDS.denial,
      IDS.finding,
      IDS.warning,
    ]);
    expect(ids(sortClaimRows(rows, { key: 'answers', direction: 'ascending' }))).toEqual([
      IDS.accusation, // "denied by …"
      IDS.denial, // "denies …"
      IDS.finding,
      IDS.warning,
    ]);
  });

  it('does not change the rows it is given', () => {
    const before = ids(rows);
    sortClaimRows(rows, { key: 'speaker', direction: 'descending' });
    expect(ids(rows)).toEqual(before);
  });
});

describe('nextSort', () => {
  it('ascends on a new column and flips on the same one', () => {
    const bySpeaker = nextSort(DOCUMENT_ORDER, 'speaker');
    expect(bySpeaker).toEqual({ key: 'speaker', direction: 'ascending' });
    expect(nextSort(bySpeaker, 'speaker')).toEqual({ key: 'speaker', direction: 'descending' });
    expect(nextSort(nextSort(bySpeaker, 'speaker'), 'speaker').direction).toBe('ascending');
    expect(nextSort(DOCUMENT_ORDER, 'quote').direction).toBe('descending');
  });
});

describe('previewQuote', () => {
  it('flattens whitespace and shortens long quotes with an ellipsis', () => {
    expect(previewQuote('a\n\nb  c')).toBe('a b c');
    const long = previewQuote('word '.repeat(40), 20);
    expect(long.length).toBeLessThanOrEqual(20);
    expect(long.endsWith('…')).toBe(true);
  });
});
