/**
 * The Claims view: a sortable table of the article's claims (quote, type, speaker, status and
 * what answers each one); every quote is a button that jumps to its passage. Only the rows on
 * screen are rendered, between two spacer rows; the table tells its full size
 * (`aria-rowcount`) and each row its place (`aria-rowindex`).
 */
import { useMemo, useState } from 'react';
import { useVirtualRows } from '../components/use-virtual-rows';
import type { Annotation } from '../../../shared/contract/entities';
import { useAnnotationList } from '../store/hooks';
import {
  DOCUMENT_ORDER,
  claimRows,
  nextSort,
  previewQuote,
  sortClaimRows,
  type ClaimRow,
  type ClaimSort,
  type ClaimSortKey,
} from './claims-table';
import { plural } from '../../../shared/text/plural';
import { PassageChangeBadge, passageChange } from './word-diff-view';

export interface ClaimsViewProps {
  readonly annotations: readonly Annotation[];
  readonly onJump: (id: string) => void;
}

const COLUMNS: readonly { key: ClaimSortKey; label: string }[] = [
  { key: 'quote', label: 'Quote' },
  { key: 'type', label: 'Type' },
  { key: 'speaker', label: 'Speaker' },
  { key: 'status', label: 'Status' },
  { key: 'answers', label: 'Answered by' },
];

function describeSort(sort: ClaimSort): string {
  if (sort.key === 'quote') {
    return sort.direction === 'ascending' ? 'in document order' : 'in reverse document order';
  }
  const label = COLUMNS.find((c) => c.key === sort.key)?.label.toLowerCase() ?? sort.key;
  return `sorted by ${label}, ${sort.direction}`;
}

export function ClaimsView({ annotations, onJump }: ClaimsViewProps) {
  const [sort, setSort] = useState<ClaimSort>(DOCUMENT_ORDER);
  // "Words changed": only the claims whose passage reads differently now, or is gone.
  const [changedOnly, setChangedOnly] = useState(false);
  const byId = useMemo(() => new Map(annotations.map((a) => [a.id, a])), [annotations]);
  const anyChanged = useMemo(
    () => annotations.some((a) => a.claim !== null && passageChange(a) !== null),
    [annotations],
  );
  const filtering = changedOnly && anyChanged;
  const rows = useMemo(() => {
    const sorted = sortClaimRows(claimRows(annotations), sort);
    if (!filtering) return sorted;
    return sorted.filter((row) => {
      const a = byId.get(row.id);
      return a !== undefined && passageChange(a) !== null;
    });
  }, [annotations, byId, filtering, sort]);
  const here = byId;
  const { scrollRef, virtualizer } = useVirtualRows<HTMLDivElement>({
    count: rows.length,
    keyOf: (index) => rows[index]!.id,
    estimatedHeight: ESTIMATED_ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <section className="claims-view" aria-label="Claims">
      <h3>Claims</h3>
      {anyChanged && (
        <label className="claims-changed-filter">
          <input
            type="checkbox"
            checked={changedOnly}
            onChange={(event) => setChangedOnly(event.target.checked)}
          />{' '}
          Words changed
        </label>
      )}
      {rows.length === 0 ? (
        <p className="muted">No claims yet. Select a passage and press C to mark one.</p>
      ) : (
        <div ref={scrollRef} className="claims-scroll">
          <table className="claims-table" aria-rowcount={rows.length + 1}>
            <caption className="visually-hidden">
              {plural(rows.length, 'claim', 'claims')}
              {filtering ? ' whose words changed' : ''}, {describeSort(sort)}
            </caption>
            <thead>
              <tr aria-rowindex={1}>
                {COLUMNS.map(({ key, label }) => (
                  <th
                    key={key}
                    scope="col"
                    aria-sort={sort.key === key ? sort.direction : undefined}
                  >
                    <button
                      type="button"
                      className="claims-sort"
                      onClick={() => setSort((current) => nextSort(current, key))}
                    >
                      {label}
                      <span className="claims-sort-arrow" aria-hidden="true">
                        {sort.key !== key ? '' : sort.direction === 'ascending' ? ' ▲' : ' ▼'}
                      </span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {before > 0 && <tr aria-hidden="true" style={{ height: before }} />}
              {items.map((item) => (
                <ClaimTableRow
                  key={item.key}
                  index={item.index}
                  measure={virtualizer.measureElement}
                  row={rows[item.index]!}
                  annotation={byId.get(rows[item.index]!.id)}
                  here={here}
                  onJump={onJump}
                />
              ))}
              {after > 0 && <tr aria-hidden="true" style={{ height: after }} />}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A row's estimated height before it is measured. */
const ESTIMATED_ROW_HEIGHT = 56;

interface ClaimTableRowProps {
  /** The row's place among all rows (0-based). */
  readonly index: number;
  readonly measure: (element: HTMLTableRowElement | null) => void;
  readonly row: ClaimRow;
  /** Ids of annotations in this article: answers among them can be jumped to. */
  readonly here: ReadonlyMap<string, unknown>;
  /** The claim's annotation, for its "Words changed" or "Passage removed" badge. */
  readonly annotation: Annotation | undefined;
  readonly onJump: (id: string) => void;
}

function ClaimTableRow({ index, measure, row, annotation, here, onJump }: ClaimTableRowProps) {
  const quote = previewQuote(row.quote, 140);
  return (
    <tr ref={measure} data-index={index} aria-rowindex={index + 2}>
      <td>
        <button
          type="button"
          className="claims-jump"
          title={row.quote.length > quote.length ? row.quote : undefined}
          onClick={() => onJump(row.id)}
        >
          {quote || 'Go to passage'}
        </button>
        {annotation && <PassageChangeBadge annotation={annotation} />}
      </td>
      <td>{row.type}</td>
      <td>{row.speaker ?? <span className="muted">Unattributed</span>}</td>
      <td>
        <span className={`claim-status claim-status-${row.status}`}>{row.status}</span>
      </td>
      <td>
        {row.answers.length === 0 ? (
          <span className="muted">
            <span aria-hidden="true">—</span>
            <span className="visually-hidden">Nothing yet</span>
          </span>
        ) : (
          <ul className="claims-answers">
            {row.answers.map((answer) => (
              <li key={answer.id}>
                {here.has(answer.otherId) ? (
                  <button
                    type="button"
                    className="claims-answer"
                    onClick={() => onJump(answer.otherId)}
                  >
                    {answer.text}
                  </button>
                ) : (
                  answer.text
                )}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

/** The claims view of the open article, from the store. */
export function OpenArticleClaimsView({ onJump }: Pick<ClaimsViewProps, 'onJump'>) {
  return <ClaimsView annotations={useAnnotationList()} onJump={onJump} />;
}
