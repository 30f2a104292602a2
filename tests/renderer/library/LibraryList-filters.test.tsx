/**
 * The library's new columns, filters and orders in Chromium: rows say when an article was added
 * and last opened and how many claims it has, in both densities; the filter bar narrows the rows
 * by tag, speaker, claim type, site and "Has orphans" with a live count and an empty state; the
 * choices follow the summaries given; the keyboard works on the narrowed list; and the list
 * sorts by last opened and by claims.
 */
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { DEFAULT_SETTINGS, type ArticleSummary } from '../../../src/shared/contract/entities';
import { LibraryList, type LibraryView } from '../../../src/renderer/src/library/LibraryList';
import { cleanup, perform, press, render } from '../react-harness';
import { articleNamed } from './fixtures';
import '../../../src/renderer/src/styles.css';

const VIEW: LibraryView = {
  librarySort: 'title',
  librarySortDirection: 'ascending',
  libraryDensity: DEFAULT_SETTINGS.libraryDensity,
};

const ESSAY: ArticleSummary = {
  ...articleNamed('Essay on energy', 1),
  site: 'lemonde.fr',
  addedAt: '2024-01-01T12:00:00.000Z',
  lastOpenedAt: new Date().toISOString(),
  annotationCount: 3,
  claimCount: 1,
  orphanCount: 1,
  tags: ['Économie'],
  facets: { annotationTags: ['nato'], speakers: ['Jens Stoltenberg'], claimTypes: ['forecast'] },
};
const REPORT: ArticleSummary = {
  ...articleNamed('Report on gas', 2),
  site: 'bbc.co.uk',
  addedAt: '2024-02-01T12:00:00.000Z',
  lastOpenedAt: '2024-03-05T12:00:00.000Z',
  annotationCount: 2,
  claimCount: 2,
  facets: { annotationTags: ['economie'], speakers: ['Anna Lindh'], claimTypes: ['statistic'] },
};
const NOTE: ArticleSummary = {
  ...articleNamed('Note never opened', 3),
  addedAt: '2024-03-01T12:00:00.000Z',
};
const ALL = [ESSAY, REPORT, NOTE];

function Harness(props: {
  articles: readonly ArticleSummary[];
  view?: LibraryView;
  onOpen?: (id: string) => void;
  onDelete?: (id: string) => void;
}) {
  const [view, setView] = useState(props.view ?? VIEW);
  return (
    <nav className="library" aria-label="Library" style={{ height: 600, width: 280 }}>
      <LibraryList
        articles={props.articles}
        selectedId={null}
        onOpen={props.onOpen ?? (() => {})}
        onDelete={props.onDelete ?? (() => {})}
        view={view}
        onViewChange={(patch) => setView((current) => ({ ...current, ...patch }))}
      />
    </nav>
  );
}

const grid = () => document.querySelector('[role="grid"]') as HTMLElement | null;
const shownTitles = () =>
  [...(grid()?.querySelectorAll('.article-title') ?? [])].map((el) => el.textContent);
const row = (title: string) =>
  [...grid()!.querySelectorAll('button')].find((b) => b.textContent?.includes(title))!;
const combobox = (name: string) =>
  page.getByRole('combobox', { name, exact: true }).element() as HTMLSelectElement;
const count = () => page.getByRole('status').element().textContent;
const optionTexts = (select: HTMLSelectElement) => [...select.options].map((o) => o.text);

async function choose(select: HTMLSelectElement, value: string) {
  await perform(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

afterEach(cleanup);

describe('the library rows', () => {
  it('say when each article was added and last opened, and its claims beside its annotations', async () => {
    await render(<Harness articles={ALL} />);
    const essay = row('Essay on energy');
    expect(essay.querySelector('.article-dates')!.textContent).toMatch(
      /^Added .*2024 · Opened today$/,
    );
    expect(essay.querySelector('.article-counts')!.textContent).toBe('3 annotations · 1 claim');
    expect(row('Report on gas').querySelector('.article-dates')!.textContent).toMatch(
      /^Added .*2024 · Opened .*2024$/,
    );
    // Never opened: nothing about opening, and no counts when there is nothing to count.
    const note = row('Note never opened');
    expect(note.querySelector('.article-dates')!.textContent).toMatch(/^Added .*2024$/);
    expect(note.querySelector('.article-counts')).toBeNull();
  });

  it('keep both counts in the compact density, and when last opened while sorted by it, spelled out for screen readers', async () => {
    await render(
      <Harness
        articles={ALL}
        view={{ ...VIEW, librarySort: 'opened', libraryDensity: 'compact' }}
      />,
    );
    const essay = row('Essay on energy');
    expect(essay.querySelector('.article-opened')!.textContent).toBe('Opened today');
    const counts = essay.querySelector('.article-counts') as HTMLElement;
    expect(counts.title).toBe('3 annotations, 1 claim');
    expect(counts.querySelector('.visually-hidden')!.textContent).toBe('3 annotations, 1 claim');
    expect(counts.querySelector('.article-claims-badge')!.textContent).toBe('1');
    // One line: the title shares it with the date and the counts.
    const box = (el: Element) => el.getBoundingClientRect();
    expect(
      Math.abs(box(essay.querySelector('.article-title')!).top - box(counts).top),
    ).toBeLessThan(8);
    expect(row('Note never opened').querySelector('.article-opened')).toBeNull();
    // Sorted by something else, the title gets the room; the counts stay.
    await choose(combobox('Sort by'), 'title');
    expect(row('Essay on energy').querySelector('.article-opened')).toBeNull();
    expect(row('Essay on energy').querySelector('.article-counts')).not.toBeNull();
  });
});

describe('the library filters', () => {
  it('offer the distinct values of the library, tags from articles and annotations alike', async () => {
    await render(<Harness articles={ALL} />);
    expect(optionTexts(combobox('Tag'))).toEqual(['Any', 'Économie', 'nato']);
    expect(optionTexts(combobox('Speaker'))).toEqual(['Any', 'Anna Lindh', 'Jens Stoltenberg']);
    expect(optionTexts(combobox('Claim type'))).toEqual(['Any', 'forecast', 'statistic']);
    expect(optionTexts(combobox('Site'))).toEqual(['Any', 'bbc.co.uk', 'lemonde.fr']);
    expect(count()).toBe('3 articles');
  });

  it('narrow the rows by each facet, with a live count, and Clear filters shows them all again', async () => {
    await render(<Harness articles={ALL} />);
    // A status region: announced politely when the count changes.
    expect(page.getByRole('status').element().className).toBe('library-count');

    await choose(combobox('Tag'), 'Économie');
    expect(shownTitles()).toEqual(['Essay on energy', 'Report on gas']);
    expect(count()).toBe('2 of 3 articles');

    await choose(combobox('Speaker'), 'Anna Lindh');
    expect(shownTitles()).toEqual(['Report on gas']);
    expect(count()).toBe('1 of 3 articles');

    await perform(() =>
      (page.getByRole('button', { name: 'Clear filters' }).element() as HTMLElement).click(),
    );
    expect(shownTitles()).toEqual(['Essay on energy', 'Note never opened', 'Report on gas']);
    expect(combobox('Tag').value).toBe('');
    expect(count()).toBe('3 articles');

    await choose(combobox('Claim type'), 'forecast');
    expect(shownTitles()).toEqual(['Essay on energy']);
    await choose(combobox('Claim type'), '');
    await choose(combobox('Site'), 'bbc.co.uk');
    expect(shownTitles()).toEqual(['Report on gas']);
    await choose(combobox('Site'), '');

    const orphans = page.getByRole('checkbox', { name: 'Has orphans' }).element() as HTMLElement;
    await perform(() => orphans.click());
    expect(shownTitles()).toEqual(['Essay on energy']);
    expect(count()).toBe('1 of 3 articles');
  });

  it('say so plainly when nothing matches, and keep the bar to get out of it', async () => {
    await render(<Harness articles={ALL} />);
    await choose(combobox('Site'), 'bbc.co.uk');
    await perform(() =>
      (page.getByRole('checkbox', { name: 'Has orphans' }).element() as HTMLElement).click(),
    );
    expect(grid()).toBeNull();
    expect(document.querySelector('.library-no-match')!.textContent).toContain(
      'No articles match these filters.',
    );
    expect(count()).toBe('0 of 3 articles');
    await perform(() =>
      (page.getByRole('button', { name: 'Clear filters' }).element() as HTMLElement).click(),
    );
    expect(shownTitles()).toHaveLength(3);
  });

  it('follow the summaries as replies change them: a new tag is offered and matched at once', async () => {
    const mounted = await render(<Harness articles={ALL} />);
    await choose(combobox('Tag'), 'nato');
    expect(shownTitles()).toEqual(['Essay on energy']);
    const tagged = { ...NOTE, facets: { ...NOTE.facets, annotationTags: ['NATO', 'fresh'] } };
    await mounted.rerender(<Harness articles={[ESSAY, REPORT, tagged]} />);
    expect(optionTexts(combobox('Tag'))).toContain('fresh');
    expect(shownTitles()).toEqual(['Essay on energy', 'Note never opened']);
    expect(count()).toBe('2 of 3 articles');
  });

  it('leave the keyboard working on the narrowed list: arrows move, Enter opens, Delete deletes', async () => {
    const onOpen = vi.fn();
    const onDelete = vi.fn();
    await render(<Harness articles={ALL} onOpen={onOpen} onDelete={onDelete} />);
    await choose(combobox('Tag'), 'Économie');
    expect(shownTitles()).toEqual(['Essay on energy', 'Report on gas']);
    await perform(() => row('Essay on energy').focus());
    await press('ArrowDown');
    expect(document.activeElement).toBe(row('Report on gas'));
    await press('ArrowDown');
    expect(document.activeElement).toBe(row('Report on gas'));
    await press('Enter');
    expect(onOpen).toHaveBeenCalledExactlyOnceWith(REPORT.id);
    await press('ArrowUp');
    await press('Delete');
    expect(onDelete).toHaveBeenCalledExactlyOnceWith(ESSAY.id);
  });
});

describe('sorting by the new keys', () => {
  it('sorts by last opened, the never-opened last both ways, with directions said plainly', async () => {
    await render(<Harness articles={ALL} />);
    await choose(combobox('Sort by'), 'opened');
    expect(combobox('Sort by').selectedOptions[0]!.text).toBe('Last opened');
    expect(optionTexts(combobox('Order'))).toEqual(['Longest ago first', 'Most recent first']);
    expect(shownTitles()).toEqual(['Report on gas', 'Essay on energy', 'Note never opened']);
    await choose(combobox('Order'), 'descending');
    expect(shownTitles()).toEqual(['Essay on energy', 'Report on gas', 'Note never opened']);
  });

  it('sorts by claims, and sorting keeps the filter', async () => {
    await render(<Harness articles={ALL} view={{ ...VIEW, librarySortDirection: 'descending' }} />);
    await choose(combobox('Sort by'), 'claims');
    expect(combobox('Sort by').selectedOptions[0]!.text).toBe('Claims');
    expect(shownTitles()).toEqual(['Report on gas', 'Essay on energy', 'Note never opened']);
    await choose(combobox('Tag'), 'Économie');
    await choose(combobox('Order'), 'ascending');
    expect(shownTitles()).toEqual(['Essay on energy', 'Report on gas']);
  });
});
