/**
 * The library-wide claims ledger: every claim, grouped by who made it, then by claim type, then
 * by date, so "every denial by Russia across my library" is one section of one file. Grouping
 * is pure data (`groupLedger`); `ledgerToMarkdown` renders it as plain CommonMark.
 */
import type { Claim } from '../contract/entities';
import { cleanName, nameKey } from '../text/fold';
import { plural } from '../text/plural';
import { linkLine } from './annotation-markdown';
import { passageLink } from './deep-link';
import { escapeInline, linkDestination, markdownBlockquote } from './markdown-text';
import type { LedgerClaim } from './types';

/**
 * What a date group's date is: the article's publication date, or (when the article has none)
 * the day the claim was annotated. Kept apart so a timeline never passes one off as the other.
 */
export type LedgerDateBasis = 'published' | 'annotated';

export interface LedgerDateGroup {
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly basis: LedgerDateBasis;
  readonly count: number;
  /** By article title, then document order. */
  readonly claims: readonly LedgerClaim[];
}

export interface LedgerTypeGroup {
  readonly type: string;
  readonly count: number;
  /** Oldest first: the ledger reads as a timeline. */
  readonly dates: readonly LedgerDateGroup[];
}

export interface LedgerSpeakerGroup {
  /** null: claims with no speaker, the "Unattributed" group, always last. */
  readonly speaker: string | null;
  readonly count: number;
  /** Sorted by name, ignoring case. */
  readonly types: readonly LedgerTypeGroup[];
}

export const UNATTRIBUTED = 'Unattributed';

const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

/** Case-insensitive in the user's locale; code-unit order breaks ties, so sorting is stable. */
function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:$|T)/;

/**
 * The claim's date: the article's publication date when it is a date (the importers store
 * YYYY-MM-DD), else the day it was annotated, as the annotating machine's clock had it.
 */
export function ledgerDate(claim: LedgerClaim): { date: string; basis: LedgerDateBasis } {
  const published = claim.article.publishedAt?.trim() ?? '';
  const match = ISO_DATE.exec(published);
  if (match?.[1]) return { date: match[1], basis: 'published' };
  return { date: claim.annotation.createdAt.slice(0, 10), basis: 'annotated' };
}

function compareEntries(a: LedgerClaim, b: LedgerClaim): number {
  return (
    compareNames(a.article.title, b.article.title) ||
    (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0) ||
    a.annotation.position.start - b.annotation.position.start ||
    a.annotation.position.end - b.annotation.position.end ||
    (a.annotation.id < b.annotation.id ? -1 : a.annotation.id > b.annotation.id ? 1 : 0)
  );
}

/** Groups by a key, keeping the first spelling met as the group's name. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string, nameOf: (item: T) => string) {
  const groups = new Map<string, { name: string; items: T[] }>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.items.push(item);
    else groups.set(key, { name: nameOf(item), items: [item] });
  }
  return [...groups.values()];
}

function dateGroups(claims: readonly LedgerClaim[]): LedgerDateGroup[] {
  const dated = claims.map((claim) => ({ claim, ...ledgerDate(claim) }));
  return groupBy(
    dated,
    (d) => `${d.date} ${d.basis}`,
    (d) => d.date,
  )
    .map(({ items }) => ({
      date: items[0]!.date,
      basis: items[0]!.basis,
      count: items.length,
      claims: items.map((d) => d.claim).sort(compareEntries),
    }))
    .sort(
      (a, b) =>
        (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
        // On the same day, publication dates first: they are the firmer timeline.
        (a.basis === b.basis ? 0 : a.basis === 'published' ? -1 : 1),
    );
}

type Claimed = LedgerClaim & { readonly annotation: { readonly claim: Claim } };

/**
 * The ledger's groups. Claims without a claim (not expected) are left out; a speaker that is
 * missing or blank goes to the Unattributed group. Speakers and types that differ only in case
 * or spacing are one group, named as first met (the store already keeps one spelling of each).
 */
export function groupLedger(claims: readonly LedgerClaim[]): LedgerSpeakerGroup[] {
  const withClaims = claims.filter((c): c is Claimed => c.annotation.claim !== null);
  const speakerOf = (c: Claimed) => {
    const speaker = c.annotation.claim.speaker;
    return speaker && speaker.trim() !== '' ? cleanName(speaker) : null;
  };
  const named = withClaims.filter((c) => speakerOf(c) !== null);
  const unattributed = withClaims.filter((c) => speakerOf(c) === null);
  const typeGroups = (list: readonly Claimed[]): LedgerTypeGroup[] =>
    groupBy(
      list,
      (c) => nameKey(c.annotation.claim.type),
      (c) => cleanName(c.annotation.claim.type),
    )
      .sort((a, b) => compareNames(a.name, b.name))
      .map(({ name, items }) => ({ type: name, count: items.length, dates: dateGroups(items) }));
  const speakers: LedgerSpeakerGroup[] = groupBy(
    named,
    (c) => nameKey(speakerOf(c)!),
    (c) => speakerOf(c)!,
  )
    .sort((a, b) => compareNames(a.name, b.name))
    .map(({ name, items }) => ({ speaker: name, count: items.length, types: typeGroups(items) }));
  if (unattributed.length > 0) {
    speakers.push({
      speaker: null,
      count: unattributed.length,
      types: typeGroups(unattributed),
    });
  }
  return speakers;
}

function entryMarkdown(entry: LedgerClaim): string {
  const { annotation, article } = entry;
  const title = cleanName(article.title) || 'Untitled article';
  const href = linkDestination(passageLink(annotation.articleId, annotation.id));
  const status = annotation.claim?.status ?? 'unverified';
  // What answers this claim first, then what it answers.
  const links = [
    ...annotation.links.filter((l) => l.direction === 'incoming'),
    ...annotation.links.filter((l) => l.direction === 'outgoing'),
  ];
  const lines = [`— *${status}* · from [${escapeInline(title)}](${href})`, ...links.map(linkLine)];
  // A blank line after the quote: without it the lines would continue the blockquote lazily.
  return `${markdownBlockquote(annotation.quote.exact)}\n\n${lines.join('\\\n')}`;
}

/**
 * The ledger as Markdown: `#` title, a line of counts, then `##` speaker, `###` claim type and
 * `####` date headings, each claim a blockquote with its status, its article (linked back into
 * the app) and its links. Every piece of user text is escaped; nothing in it becomes Markdown.
 */
export function ledgerToMarkdown(
  groups: readonly LedgerSpeakerGroup[],
  exportedAt: string,
): string {
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  const speakers = groups.filter((g) => g.speaker !== null).length;
  const articles = new Set(
    groups.flatMap((g) =>
      g.types.flatMap((t) => t.dates.flatMap((d) => d.claims.map((c) => c.article.id))),
    ),
  ).size;
  const sections = [
    '# Claims ledger',
    [
      `Exported ${exportedAt.slice(0, 10)}`,
      plural(total, 'claim', 'claims'),
      plural(speakers, 'speaker', 'speakers'),
      plural(articles, 'article', 'articles'),
    ].join(' · '),
  ];
  if (total === 0) sections.push('No claims yet: mark a passage as a claim to see it here.');
  for (const group of groups) {
    // The Unattributed heading is emphasised, so it never reads as a speaker of that name.
    const name = group.speaker === null ? `*${UNATTRIBUTED}*` : escapeInline(group.speaker);
    sections.push(`## ${name} (${plural(group.count, 'claim', 'claims')})`);
    for (const type of group.types) {
      sections.push(`### ${escapeInline(type.type)} (${type.count})`);
      for (const date of type.dates) {
        const note = date.basis === 'annotated' ? ' (annotated; publication date unknown)' : '';
        sections.push(`#### ${date.date}${note}`);
        sections.push(...date.claims.map(entryMarkdown));
      }
    }
  }
  return sections.join('\n\n') + '\n';
}
