/**
 * The library list in Chromium: the sort and density controls report the choice (the caller
 * saves it), the rows follow the order given, the list is one tab stop that arrows, Home and End
 * move through, Enter opens and Delete deletes, and 5,000 articles put only a window of rows in
 * the DOM (the time to first rows is printed, not asserted).
 */
import { act, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { DEFAULT_SETTINGS, type ArticleSummary } from '../../../src/shared/contract/entities';
import { LibraryList, type LibraryView } from '../../../src/renderer/src/library/LibraryList';
import { cleanup, perform, press, render } from '../react-harness';
import { articleNamed } from './fixtures';
import '../../../src/renderer/src/styles.css';

const VIEW: LibraryView = {
  librarySort: DEFAULT_SETTINGS.librarySort,
  librarySortDirection: DEFAULT_SETTINGS.librarySortDirection,
  libraryDensity: DEFAULT_SETTINGS.libraryDensity,
};

function articles(count: number): ArticleSummary[] {
  return Array.from({ length: count }, (_, i) => ({
    ...articleNamed(`Article ${String(i + 1).padStart(5, '0')}`, i + 1),
    addedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    annotationCount: i % 7,
  }));
}

/** The list inside a nav as tall as the app's, so the rows on screen are a real window. */
function Harness(props: {
  articles: readonly ArticleSummary[];
  view?: LibraryView;
  onOpen?: (id: string) => void;
  onDelete?: (id: string) => void;
  onViewChange?: (patch: Partial<LibraryView>) => void;
}) {
  const [view, setView] = useState(props.view ?? VIEW);
  return (
    <nav className="library" aria-label="Library" style={{ height: 600 }}>
      <LibraryList
        articles={props.articles}
        selectedId={null}
        onOpen={props.onOpen ?? (() => {})}
        onDelete={props.onDelete ?? (() => {})}
        view={view}
        onViewChange={(patch) => {
          props.onViewChange?.(patch);
          setView((current) => ({ ...current, ...patch }));
        }}
      />
    </nav>
  );
}

const grid = () => document.querySelector('[role="grid"]') as HTMLElement;
const shownTitles = () =>
  [...grid().querySelectorAll('.article-title')].map((el) => el.textContent);
const rowButton = (title: string) =>
  [...grid().querySelectorAll('button')].find((b) => b.textContent?.includes(title))!;
const select = (label: string) =>
  [...document.querySelectorAll('label')]
    .find((l) => l.textContent?.startsWith(label))!
    .querySelector('select')!;

async function choose(element: HTMLSelectElement, value: string) {
  await perform(() => {
    element.value = value;
    element.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

afterEach(cleanup);

describe('the library list', () => {
  it('is newest first by default and re-sorts when another order is chosen, reporting it', async () => {
    const onViewChange = vi.fn();
    await render(<Harness articles={articles(3)} onViewChange={onViewChange} />);
    expect(shownTitles()).toEqual(['Article 00003', 'Article 00002', 'Article 00001']);

    await choose(select('Sort by'), 'title');
    expect(onViewChange).toHaveBeenLastCalledWith({ librarySort: 'title' });
    await choose(select('Order'), 'ascending');
    expect(onViewChange).toHaveBeenLastCalledWith({ librarySortDirection: 'ascending' });
    expect(shownTitles()).toEqual(['Article 00001', 'Article 00002', 'Article 00003']);
    expect([...select('Order').options].map((o) => o.text)).toEqual(['A to Z', 'Z to A']);
  });

  it('starts in the order it is given (a saved choice)', async () => {
    await render(
      <Harness
        articles={articles(3)}
        view={{ ...VIEW, librarySort: 'annotations', librarySortDirection: 'descending' }}
      />,
    );
    expect(select('Sort by').value).toBe('annotations');
    expect(shownTitles()).toEqual(['Article 00003', 'Article 00002', 'Article 00001']);
  });

  it('switches between comfortable and compact rows, reporting the choice', async () => {
    const onViewChange = vi.fn();
    const list = articles(2).map((a) => ({ ...a, byline: 'Ann Author' }));
    await render(<Harness articles={list} onViewChange={onViewChange} />);
    const view = document.querySelector('.library-view') as HTMLElement;
    // Compact rows leave the source line out (the title, last opened and counts stay).
    const meta = () => {
      const element = grid().querySelector('.article-meta');
      return element ? getComputedStyle(element).display : 'none';
    };
    expect(view.dataset['density']).toBe('comfortable');
    expect(meta()).not.toBe('none');
    const rowBox = () => grid().querySelector('.article-item')!.getBoundingClientRect();
    const tall = rowBox().height;

    const toggle = document.querySelector('input[type="checkbox"]') as HTMLInputElement;
    await perform(() => toggle.click());
    expect(onViewChange).toHaveBeenLastCalledWith({ libraryDensity: 'compact' });
    expect(view.dataset['density']).toBe('compact');
    expect(meta()).toBe('none');
    expect(rowBox().height).toBeLessThan(tall);

    await perform(() => toggle.click());
    expect(onViewChange).toHaveBeenLastCalledWith({ libraryDensity: 'comfortable' });
  });

  it('is one tab stop that arrows, Home and End move through', async () => {
    await render(<Harness articles={articles(5)} />);
    const tabStops = () =>
      [...grid().querySelectorAll('button')].filter((b) => b.tabIndex === 0).length;
    expect(tabStops()).toBe(1);
    const clear = [...document.querySelectorAll('button')].find(
      (b) => b.textContent === 'Clear filters',
    )!;
    await perform(() => clear.focus());
    await act(() => userEvent.keyboard('{Tab}'));
    // Tab reaches the list after the sort and filter controls, at its first row.
    expect(document.activeElement).toBe(rowButton('Article 00005'));

    await press('ArrowDown');
    expect(document.activeElement).toBe(rowButton('Article 00004'));
    await press('ArrowDown');
    await press('ArrowUp');
    expect(document.activeElement).toBe(rowButton('Article 00004'));
    await press('End');
    expect(document.activeElement).toBe(rowButton('Article 00001'));
    await press('ArrowDown');
    expect(document.activeElement).toBe(rowButton('Article 00001'));
    await press('Home');
    expect(document.activeElement).toBe(rowButton('Article 00005'));
    expect(tabStops()).toBe(1);
    expect(rowButton('Article 00005').tabIndex).toBe(0);
  });

  it('opens the focused article on Enter and deletes it on Delete, focus moving to the next', async () => {
    const onOpen = vi.fn();
    let list = articles(3);
    const onDelete = vi.fn();
    const mounted = await render(<Harness articles={list} onOpen={onOpen} onDelete={onDelete} />);
    await perform(() => rowButton('Article 00003').focus());
    await press('ArrowDown');
    await press('Enter');
    expect(onOpen).toHaveBeenCalledExactlyOnceWith(list[1]!.id);

    await press('Delete');
    expect(onDelete).toHaveBeenCalledExactlyOnceWith(list[1]!.id);
    // The caller's reply removes it; focus stays in the list, on the row that took its place.
    list = list.filter((a) => a.id !== onDelete.mock.calls[0]![0]);
    await mounted.rerender(<Harness articles={list} onOpen={onOpen} onDelete={onDelete} />);
    expect(document.activeElement).toBe(rowButton('Article 00001'));
  });

  it('with 5,000 articles renders only a window of rows, and End reaches the last', async () => {
    const many = articles(5000);
    // Printed for the report, never asserted: the first mount is cold, the later ones warm.
    const times: string[] = [];
    for (let i = 0; i < 5; i++) {
      if (i > 0) await cleanup();
      const started = performance.now();
      await render(<Harness articles={many} />);
      times.push((performance.now() - started).toFixed(1));
    }
    console.info(`library of 5,000 articles: first rows in ${times.join(', ')} ms`);

    const rows = grid().querySelectorAll('[role="row"]').length;
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThan(40);
    expect(grid().getAttribute('aria-rowcount')).toBe('5000');
    expect(shownTitles()[0]).toBe('Article 05000');

    await perform(() => rowButton('Article 05000').focus());
    await press('End');
    expect(document.activeElement?.textContent).toContain('Article 00001');
    expect(grid().querySelectorAll('[role="row"]').length).toBeLessThan(40);
  });
});
