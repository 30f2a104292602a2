/**
 * The claims ledger: every claim in the library, grouped by speaker, then claim type, then date,
 * with counts ("Russia — 3 claims"), so "every denial by Russia across my library" is one
 * section. Each entry shows its quote, status, article and what answers it, and goes to its
 * passage; a filter narrows by speaker, type or text; the ledger exports as Markdown.
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
import { formatPublished } from '../format';

export interface ClaimsLedgerProps {
  /** null while loading. */
  readonly claims: readonly LedgerClaim[] | null;
  /** Opens the article and reveals the annotation. */
  readonly onGoTo: (articleId: string, annotationId: string) => void;
  readonly onExport: () => void;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** True when every word of `query` is in the claim's speaker, type, status, quote, note, tags or article. */
export function matchesLedgerQuery(claim: LedgerClaim, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/u).filter(Boolean);
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
  ]
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

function countArticles(claims: readonly LedgerClaim[]): number {
  return new Set(claims.map((c) => c.article.id)).size;
}

export function ClaimsLedger({ claims, onGoTo, onExport }: ClaimsLedgerProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [query, setQuery] = useState('');
  const all = useMemo(() => claims ?? [], [claims]);
  const shown = useMemo(() => all.filter((c) => matchesLedgerQuery(c, query)), [all, query]);
  const groups = useMemo(() => groupLedger(shown), [shown]);
  const speakers = groups.filter((g) => g.speaker !== null).length;

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
      <div className="ledger-body">
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
          groups.map((group) => (
            <SpeakerSection
              key={group.speaker ?? '\u0000unattributed'}
              group={group}
              onGoTo={onGoTo}
            />
          ))
        )}
      </div>
    </section>
  );
}

interface GoTo {
  readonly onGoTo: ClaimsLedgerProps['onGoTo'];
}

function SpeakerSection({ group, onGoTo }: { readonly group: LedgerSpeakerGroup } & GoTo) {
  return (
    <div className="ledger-speaker">
      <h3>
        {group.speaker === null ? <em>{UNATTRIBUTED}</em> : group.speaker}
        <span className="ledger-count"> — {plural(group.count, 'claim', 'claims')}</span>
      </h3>
      {group.types.map((type) => (
        <TypeSection key={type.type} type={type} onGoTo={onGoTo} />
      ))}
    </div>
  );
}

function TypeSection({ type, onGoTo }: { readonly type: LedgerTypeGroup } & GoTo) {
  return (
    <div className="ledger-type">
      <h4>
        {type.type}
        <span className="ledger-count"> — {plural(type.count, 'claim', 'claims')}</span>
      </h4>
      {type.dates.map((date) => (
        <DateSection key={`${date.date} ${date.basis}`} date={date} onGoTo={onGoTo} />
      ))}
    </div>
  );
}

function DateSection({ date, onGoTo }: { readonly date: LedgerDateGroup } & GoTo) {
  const id = useId();
  return (
    <div className="ledger-date">
      <h5 id={id}>
        {formatPublished(date.date)}
        <span className="ledger-basis">
          {date.basis === 'published' ? ' · published' : ' · annotated (no publication date)'}
        </span>
      </h5>
      <ul className="ledger-entries" aria-labelledby={id}>
        {date.claims.map((claim) => (
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
