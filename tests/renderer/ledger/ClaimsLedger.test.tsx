/**
 * The claims ledger in Chromium: speakers, then claim types, then dates, with counts; each entry
 * with its status, article and answers, going to its passage; the filter; the empty state.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { ClaimsLedger, matchesLedgerQuery } from '../../../src/renderer/src/ledger/ClaimsLedger';
import type { LedgerClaim } from '../../../src/shared/export/types';
import { ANNOTATIONS, ARTICLE_ID, IDS } from '../annotations/claim-fixtures';
import { cleanup, perform, render, setValue } from '../react-harness';
import '../../../src/renderer/src/styles.css';

afterEach(cleanup);

const OTHER_ARTICLE = '0190a000-0000-7000-8000-000000000099';
const KREMLIN_DENIAL = '0190a000-0000-7000-8000-000000000098';

const sample = { id: ARTICLE_ID, title: 'Negotiations continue', publishedAt: '2022-02-11' };
const other = { id: OTHER_ARTICLE, title: 'Kremlin answers', publishedAt: '2022-02-14' };

const CLAIMS: LedgerClaim[] = [
  ...ANNOTATIONS.filter((a) => a.claim).map((annotation) => ({ article: sample, annotation })),
  {
    article: other,
    annotation: {
      ...ANNOTATIONS[0]!,
      id: KREMLIN_DENIAL,
      articleId: OTHER_ARTICLE,
      quote: { exact: 'Russia denies any plan to invade', prefix: '', suffix: '' },
      claim: { type: 'Denial', speaker: 'russia', status: 'denied' },
      links: [],
    },
  },
];

const region = () => page.getByRole('region', { name: 'Claims ledger' }).element();
const headings = (level: number) =>
  [...region().querySelectorAll(`h${level}`)].map((h) => h.textContent);
/**
 * The rows of one speaker's section (the list is virtual and flat: a row per run of one date's
 * claims), from the row with its heading to the next speaker's.
 */
function speakerRows(name: string): HTMLElement[] {
  const rows = [...region().querySelectorAll<HTMLElement>('.ledger-row')];
  const start = rows.findIndex((row) => row.querySelector('h3')?.textContent?.startsWith(name));
  expect(start).not.toBe(-1);
  const end = rows.findIndex((row, i) => i > start && row.querySelector('h3'));
  return rows.slice(start, end === -1 ? undefined : end);
}
const button = (name: string | RegExp) =>
  page.getByRole('button', { name, exact: true }).element() as HTMLButtonElement;

async function show(claims: readonly LedgerClaim[] | null = CLAIMS) {
  const onGoTo = vi.fn<(articleId: string, annotationId: string) => void>();
  const onExport = vi.fn();
  await render(<ClaimsLedger claims={claims} onGoTo={onGoTo} onExport={onExport} />);
  return { onGoTo, onExport };
}

describe('ClaimsLedger', () => {
  it('groups by speaker, then claim type, then date, with counts', async () => {
    await show();
    expect(headings(2)).toEqual(['Claims ledger']);
    // Speakers by name, case folded ("Russia" and "russia" are one), Unattributed last.
    expect(headings(3)).toEqual([
      'Jens Stoltenberg — 1 claim',
      'Russia — 2 claims',
      'Western intelligence — 1 claim',
      'Unattributed — 1 claim',
    ]);
    expect(headings(4)).toEqual([
      'prediction — 1 claim',
      'denial — 2 claims',
      'accusation — 1 claim',
      'evidence — 1 claim',
    ]);
    const russia = speakerRows('Russia');
    const dates = russia.flatMap((row) =>
      [...row.querySelectorAll('h5')].map((h) => h.textContent),
    );
    expect(dates).toHaveLength(2); // oldest first: the sample (Feb 11), then the Kremlin's (Feb 14)
    expect(dates[0]).toMatch(/2022/);
    expect(dates[0]).toMatch(/published/);
    const quotes = russia.flatMap((row) =>
      [...row.querySelectorAll('blockquote')].map((q) => q.textContent),
    );
    expect(quotes).toEqual(['which Russia denies', 'Russia denies any plan to invade']);
    expect(region().textContent).toContain('5 claims · 3 speakers · 2 articles');
  });

  it('shows each entry’s status, article and what answers it', async () => {
    await show();
    const entry = button('Go to passage: Russia planned to run “false-flag operations”').closest(
      'li',
    )!;
    expect(entry.textContent).toContain('disputed');
    expect(entry.textContent).toContain('in Negotiations continue');
    const links = [...entry.querySelectorAll('.ledger-links li')].map((li) => li.textContent);
    expect(links).toEqual([
      '← denied by ‘which Russia denies’',
      '← supported by ‘a report from another article’ (another article)',
    ]);
  });

  it('goes to the passage of an entry, and to an answer', async () => {
    const { onGoTo } = await show();
    const go = button('Go to passage: Russia denies any plan to invade');
    expect(go.textContent).toBe('Go to passage');
    await perform(() => go.click());
    expect(onGoTo).toHaveBeenLastCalledWith(OTHER_ARTICLE, KREMLIN_DENIAL);

    await perform(() => button('← denied by ‘which Russia denies’').click());
    expect(onGoTo).toHaveBeenLastCalledWith(ARTICLE_ID, IDS.denial);
  });

  it('narrows to the claims whose speaker, type or words match the filter', async () => {
    await show();
    const filter = page.getByRole('searchbox', { name: 'Filter claims' }).element();
    await setValue(filter as HTMLInputElement, 'russia denial');
    expect(headings(3)).toEqual(['Russia — 2 claims']);
    expect(region().textContent).toContain('2 of 5 claims match');

    await setValue(filter as HTMLInputElement, 'prediction');
    expect(headings(3)).toEqual(['Jens Stoltenberg — 1 claim']);

    await setValue(filter as HTMLInputElement, 'nothing like this');
    expect(region().textContent).toContain('No claims match “nothing like this”.');
  });

  it('exports as Markdown from its button', async () => {
    const { onExport } = await show();
    await perform(() => button('Export ledger as Markdown').click());
    expect(onExport).toHaveBeenCalledOnce();
  });

  it('says how to make claims when there are none, and cannot export nothing', async () => {
    await show([]);
    expect(region().textContent).toContain('No claims yet.');
    expect(button('Export ledger as Markdown').disabled).toBe(true);
    expect(region().querySelectorAll('h3')).toHaveLength(0);
  });

  it('matches every word of a query, in any field', () => {
    const denial = CLAIMS.find((c) => c.annotation.id === KREMLIN_DENIAL)!;
    expect(matchesLedgerQuery(denial, '')).toBe(true);
    expect(matchesLedgerQuery(denial, 'RUSSIA denied')).toBe(true);
    expect(matchesLedgerQuery(denial, 'kremlin')).toBe(true); // the article title
    expect(matchesLedgerQuery(denial, 'russia accusation')).toBe(false);
  });
});
