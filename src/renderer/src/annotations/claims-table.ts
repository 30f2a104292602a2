/**
 * The claims table as data: which annotations are claims, what answers each one (its typed
 * links, worded from this claim's side), and how the rows sort. Pure, so tests need no DOM.
 */
import { relationWords } from '../../../shared/annotations/wording';
import type { Annotation, ClaimStatus, LinkRelation } from '../../../shared/contract/entities';

/** Relations that answer a claim; 'same-claim-as' restates rather than answers, so it is left out. */
const ANSWERING: ReadonlySet<LinkRelation> = new Set([
  'denies',
  'responds-to',
  'contradicts',
  'supports',
]);

const QUOTE_PREVIEW = 60;

export interface ClaimAnswer {
  /** The link's id. */
  readonly id: string;
  readonly otherId: string;
  readonly otherArticleId: string;
  readonly direction: 'incoming' | 'outgoing';
  /** "denied by ‘which Russia denies’". */
  readonly text: string;
}

export interface ClaimRow {
  readonly id: string;
  readonly quote: string;
  readonly start: number;
  readonly type: string;
  readonly speaker: string | null;
  readonly status: ClaimStatus;
  /** Incoming answers first (what answers this claim), then what this claim answers. */
  readonly answers: readonly ClaimAnswer[];
}

export const SORT_KEYS = ['quote', 'type', 'speaker', 'status', 'answers'] as const;
export type ClaimSortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';
export interface ClaimSort {
  readonly key: ClaimSortKey;
  readonly direction: SortDirection;
}

/** Document order: the Quote column sorted ascending means "as the passages appear". */
export const DOCUMENT_ORDER: ClaimSort = { key: 'quote', direction: 'ascending' };

export function previewQuote(quote: string, max = QUOTE_PREVIEW): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** The rows of the table: only annotations that are claims, in document order. */
export function claimRows(annotations: readonly Annotation[]): ClaimRow[] {
  const rows = annotations.flatMap((a): ClaimRow[] => {
    if (!a.claim) return [];
    const answers = a.links
      .filter((link) => ANSWERING.has(link.relation))
      .map((link): ClaimAnswer => ({
        id: link.id,
        otherId: link.otherId,
        otherArticleId: link.otherArticleId,
        direction: link.direction,
        text: `${relationWords(link.relation, link.direction)} ‘${previewQuote(link.otherQuote)}’`,
      }))
      .sort((x, y) => (x.direction === y.direction ? 0 : x.direction === 'incoming' ? -1 : 1));
    return [
      {
        id: a.id,
        quote: a.quote.exact,
        start: a.position.start,
        type: a.claim.type,
        speaker: a.claim.speaker,
        status: a.claim.status,
        answers,
      },
    ];
  });
  return rows.sort(byPosition);
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function byPosition(a: ClaimRow, b: ClaimRow): number {
  return a.start - b.start || a.id.localeCompare(b.id);
}

/** The text a column sorts by; null sorts last in either direction (an empty cell is no value). */
function sortText(row: ClaimRow, key: Exclude<ClaimSortKey, 'quote'>): string | null {
  switch (key) {
    case 'type':
      return row.type;
    case 'speaker':
      return row.speaker;
    case 'status':
      return row.status;
    case 'answers':
      return row.answers.length === 0 ? null : row.answers.map((a) => a.text).join('; ');
  }
}

/**
 * Sorts rows by a column. Quote sorts by position in the article (alphabetical quotes would
 * mean nothing); other columns alphabetically, ties in document order, empty cells last.
 */
export function sortClaimRows(rows: readonly ClaimRow[], sort: ClaimSort): ClaimRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const { key } = sort;
  if (key === 'quote') return [...rows].sort((a, b) => sign * byPosition(a, b));
  return [...rows].sort((a, b) => {
    const x = sortText(a, key);
    const y = sortText(b, key);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
      return byPosition(a, b);
    }
    return sign * collator.compare(x, y) || byPosition(a, b);
  });
}

/** The next sort after a click on a column header: a new column ascends, the same one flips. */
export function nextSort(current: ClaimSort, key: ClaimSortKey): ClaimSort {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
