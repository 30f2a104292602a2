/**
 * The claims ledger: every claim in the library, grouped by speaker, then claim type, then date,
 * with counts ("Russia — 3 claims"), so "every denial by Russia across my library" is one
 * section. Each entry shows its quote, status, article and what answers it, and goes to its
 * passage; a filter narrows by speaker, type or text; the ledger exports as Markdown. Only
 * the rows on screen are rendered: each row is a run of one date's claims (at most
 * `ROW_CLAIMS`), with the speaker, type and date headings it opens.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { AnnotationLink } from '../../../shared/contract/entities';
import { excerpt, linkText } from '../../../shared/annotations/wording';
import {
  UNATTRIBUTED,
  groupLedger,
  type LedgerDateGroup,
  type LedgerSpeakerGroup,
  type LedgerTypeGroup,
} from '../../../shared/export/ledger';
import type { LedgerClaim } from '../../../shared/export/types';
import { searchFold } from '../../../shared/text/fold';
import { plural } from '../../../shared/text/plural';
import { useVirtualRows } from '../components/use-virtual-rows';
import { formatPublished } from '../format';
import { PassageChangeBadge } from '../annotations/word-diff-view';

export interface ClaimsLedgerProps {
  /** null while loading. */
  readonly claims: readonly LedgerClaim[] | null;
  /** Opens the article and reveals the annotation. */
  readonly onGoTo: (articleId: string, annotationId: string) => void;
  readonly onExport: () => void;
}

/** True when every word of `query` is in the claim's speaker, type, status, quote, note, tags or article. */
export function matchesLedgerQuery(claim: LedgerClaim, query: string): boolean {
  const words = searchFold(query).split(/\s+/u).filter(Boolean);
  if (words.length === 0) return true;
  const { annotation, article } = claim;
  const haystack = [
    annotation.claim?.speaker ?? UNATTRIBUTED,
    annotation.claim?.type ?? '',
    annotation.claim?.status ?? '',
    annotation.quote.exact,
    annotation.note,
    article.title,
    ...annotation.tags,
  ].join('\n');
  const folded = searchFold(haystack);
  return words.every((word) => folded.includes(word));
}

function countArticles(claims: readonly LedgerClaim[]): number {
  return new Set(claims.map((c) => c.article.id)).size;
}

/** Most claims in one row of the virtual list. */
const ROW_CLAIMS = 20;

/** One row: a run of one date group's claims, and the headings that start before it. */
interface LedgerRow {
  readonly key: string;
  readonly speaker: LedgerSpeakerGroup | null;
  readonly type: LedgerTypeGroup | null;
  readonly date: LedgerDateGroup | null;
  /** Index of its date group, for the heading's id. */
  readonly dateIndex: number;
  readonly claims: readonly LedgerClaim[];
}

function ledgerRows(groups: readonly LedgerSpeakerGroup[]): LedgerRow[] {
  const rows: LedgerRow[] = [];
  let dateIndex = 0;
  for (const speaker of groups) {
    speaker.types.forEach((type, t) => {
      type.dates.forEach((date, d) => {
        for (let at = 0; at < date.claims.length; at += ROW_CLAIMS) {
          const first = at === 0;
          rows.push({
            key: `${speaker.speaker ?? '\u0000'}|${type.type}|${date.date}|${date.basis}|${at}`,
            speaker: first && t === 0 && d === 0 ? speaker : null,
            type: first && d === 0 ? type : null,
            date: first ? date : null,
            dateIndex,
            claims: date.claims.slice(at, at + ROW_CLAIMS),
          });
        }
        dateIndex++;
      });
    });
  }
  return rows;
}

/** A row's estimated height before it is measured. */
const ESTIMATED_ROW_HEIGHT = 400;

export function ClaimsLedger({ claims, onGoTo, onExport }: ClaimsLedgerProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [query, setQuery] = useState('');
  const all = useMemo(() => claims ?? [], [claims]);
  const shown = useMemo(() => all.filter((c) => matchesLedgerQuery(c, query)), [all, query]);
  const groups = useMemo(() => groupLedger(shown), [shown]);
  const rows = useMemo(() => ledgerRows(groups), [groups]);
  const speakers = groups.filter((g) => g.speaker !== null).length;
  const idBase = useId();
  const { scrollRef: bodyRef, virtualizer } = useVirtualRows<HTMLDivElement>({
    count: rows.length,
    keyOf: (index) => rows[index]!.key,
    estimatedHeight: ESTIMATED_ROW_HEIGHT,
    overscan: 2,
  });

  // Opening the ledger takes the reader here.
  useEffect(() => headingRef.current?.focus(), []);

  const summary =
    query.trim() === ''
      ? `${plural(all.length, 'claim', 'claims')} · ${plural(speakers, 'speaker', 'speakers')} · ${plural(countArticles(all), 'article', 'articles')}`
      : `${shown.length} of ${plural(all.length, 'claim', 'claims')} match`;

  return (
    <section className="ledger" aria-label="Claims ledger">
      <header className="ledger-header">
        <div className="ledger-header-inner">
          <div className="ledger-title">
            <h2 ref={headingRef} tabIndex={-1}>
              Claims ledger
            </h2>
            {claims && (
              <p className="ledger-summary" role="status">
                {summary}
              </p>
            )}
          </div>
          <div className="ledger-tools">
            <input
              type="search"
              className="ledger-filter"
              aria-label="Filter claims"
              placeholder="Filter: speaker, type or words"
              value={query}
              disabled={all.length === 0}
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={(event) => {
                if (event.key !== 'Escape' || !query) return;
                event.preventDefault();
                event.stopPropagation();
                setQuery('');
              }}
            />
            <button type="button" onClick={onExport} disabled={all.length === 0}>
              Export ledger as Markdown
            </button>
          </div>
        </div>
      </header>
      <div ref={bodyRef} className="ledger-body">
        {claims === null ? (
          <p className="muted">Loading…</p>
        ) : all.length === 0 ? (
          <p className="ledger-empty">
            No claims yet. Open an article, select a passage and press C to mark it as a claim;
            every claim in the library is listed here by who made it.
          </p>
        ) : groups.length === 0 ? (
          <p className="ledger-empty">No claims match “{query.trim()}”.</p>
        ) : (
          <div className="ledger-rows" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => (
              <Row
                key={item.key}
                row={rows[item.index]!}
                index={item.index}
                start={item.start}
                measure={virtualizer.measureElement}
                dateId={`${idBase}-date-${rows[item.index]!.dateIndex}`}
                onGoTo={onGoTo}
              />
            ))}
          </div>
        )}
      </div>
    </section>
  );
}

interface GoTo {
  readonly onGoTo: ClaimsLedgerProps['onGoTo'];
}

interface RowProps extends GoTo {
  readonly row: LedgerRow;
  readonly index: number;
  readonly start: number;
  readonly measure: (element: HTMLDivElement | null) => void;
  /** The id of its date's heading, which names the list of claims. */
  readonly dateId: string;
}

function Row({ row, index, start, measure, dateId, onGoTo }: RowProps) {
  const { speaker, type, date } = row;
  return (
    <div
      ref={measure}
      data-index={index}
      className="ledger-row"
      style={{ transform: `translateY(${start}px)` }}
    >
      {speaker && (
        <h3>
          {speaker.speaker === null ? <em>{UNATTRIBUTED}</em> : speaker.speaker}
          <span className="ledger-count"> — {plural(speaker.count, 'claim', 'claims')}</span>
        </h3>
      )}
      {type && (
        <h4>
          {type.type}
          <span className="ledger-count"> — {plural(type.count, 'claim', 'claims')}</span>
        </h4>
      )}
      {date && (
        <h5 id={dateId}>
          {formatPublished(date.date)}
          <span className="ledger-basis">
            {date.basis === 'published' ? ' · published' : ' · annotated (no publication date)'}
          </span>
        </h5>
      )}
      <ul className="ledger-entries" aria-labelledby={dateId}>
        {row.claims.map((claim) => (
          <Entry key={claim.annotation.id} claim={claim} onGoTo={onGoTo} />
        ))}
      </ul>
    </div>
  );
}

/** What answers the claim first, then what it answers. */
function orderedLinks(links: readonly AnnotationLink[]): AnnotationLink[] {
  return [
    ...links.filter((l) => l.direction === 'incoming'),
    ...links.filter((l) => l.direction === 'outgoing'),
  ];
}

function Entry({ claim, onGoTo }: { readonly claim: LedgerClaim } & GoTo) {
  const { annotation, article } = claim;
  const status = annotation.claim?.status ?? 'unverified';
  const links = orderedLinks(annotation.links);
  const short = excerpt(annotation.quote.exact, 60);
  return (
    <li className="ledger-entry">
      <div className="ledger-entry-main">
        <blockquote className="ledger-quote" title={annotation.quote.exact}>
          {excerpt(annotation.quote.exact, 280)}
        </blockquote>
        <p className="ledger-meta">
          <span className={`claim-status claim-status-${status}`}>
            <span className="visually-hidden">Status: </span>
            {status}
          </span>
          <span className="ledger-source">
            in <cite>{article.title || 'Untitled article'}</cite>
          </span>
        </p>
        <PassageChangeBadge annotation={annotation} />
        {links.length > 0 && (
          <ul className="ledger-links" aria-label="Links">
            {links.map((link) => (
              <li key={link.id}>
                <button
                  type="button"
                  className="ledger-link"
                  onClick={() => onGoTo(link.otherArticleId, link.otherId)}
                >
                  {linkText(link)}
                </button>
                {link.otherArticleId !== annotation.articleId && (
                  <span className="muted"> (another article)</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      <button
        type="button"
        className="ledger-go"
        aria-label={`Go to passage: ${short}`}
        onClick={() => onGoTo(annotation.articleId, annotation.id)}
      >
        Go to passage
      </button>
    </li>
  );
}
