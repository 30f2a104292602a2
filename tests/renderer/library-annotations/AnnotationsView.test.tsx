/**
 * All annotations in Chromium: every annotation with its colour, quote, note, tags, claim and
 * article; the count; the article and sidebar filters; the orders; the one-tab-stop keyboard
 * (arrows, Home, End, Enter) and Escape; and 10,000 annotations with only the rows on screen
 * rendered (time to first rows printed, not asserted).
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { AnnotationsView } from '../../../src/renderer/src/library-annotations/AnnotationsView';
import { DEFAULT_SETTINGS } from '../../../src/shared/contract/entities';
import type { LibraryAnnotation } from '../../../src/shared/contract/library-annotations';
import { cleanup, perform, press, render, setValue } from '../react-harness';
import { ENTRIES, KYIV, manyEntries, ZEBRA } from './fixtures';
import '../../../src/renderer/src/styles.css';

afterEach(cleanup);

async function show(annotations: readonly LibraryAnnotation[] | null = ENTRIES) {
  const onGoTo = vi.fn<(articleId: string, annotationId: string) => void>();
  const onClose = vi.fn();
  const mounted = await render(
    <div style={{ height: '600px', display: 'flex' }}>
      <AnnotationsView
        annotations={annotations}
        colorLabels={DEFAULT_SETTINGS.colorLabels}
        onGoTo={onGoTo}
        onClose={onClose}
      />
    </div>,
  );
  return { onGoTo, onClose, mounted };
}

const region = () => page.getByRole('region', { name: 'All annotations' }).element();
const rows = () => [...region().querySelectorAll<HTMLButtonElement>('.aa-item')];
const quotes = () => rows().map((r) => r.querySelector('.aa-quote')!.textContent);
const summary = () => region().querySelector('.ledger-summary')!.textContent;
const select = (label: string) =>
  page.getByLabelText(label, { exact: true }).element() as HTMLSelectElement;

async function choose(label: string, value: string) {
  await act(async () => {
    const el = select(label);
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('AnnotationsView', () => {
  it('lists every annotation newest first, each with its note, tags, claim and article', async () => {
    await show();
    expect(summary()).toBe('4 annotations · 3 articles');
    expect(quotes()).toEqual([
      'Green: stripes painted across the road',
      'Blue: which Russia denies',
      'Yellow: the harvest came early',
      'Pink: Russia planned to run false-flag operations',
    ]);
    const accusation = rows()[3]!;
    expect(accusation.querySelector('.aa-note')!.textContent).toBe('Note: No evidence published.');
    expect([...accusation.querySelectorAll('.aa-tag')].map((t) => t.textContent)).toEqual([
      'Tag: false flag',
      'Tag: climate',
    ]);
    expect(accusation.querySelector('.aa-claim')!.textContent).toBe(
      'Claim: accusation · Western intelligencedisputed',
    );
    expect(accusation.querySelector('.aa-article')!.textContent).toMatch(
      /^in Negotiations continue · .*2022/,
    );
    expect(accusation.querySelector('.aa-created')!.textContent).toMatch(/^annotated .*2024/);
    expect(accusation.querySelector('.aa-mark.swatch-pink')).not.toBeNull();
  });

  it('narrows by article and by the sidebar’s filters, and counts what is shown', async () => {
    await show();
    await choose('Article', KYIV.id);
    expect(summary()).toBe('2 of 4 annotations');
    expect(quotes()).toEqual([
      'Blue: which Russia denies',
      'Pink: Russia planned to run false-flag operations',
    ]);
    await choose('Speaker', 'Russia');
    expect(summary()).toBe('1 of 4 annotations');
    await choose('Speaker', '');
    await setValue(
      page.getByLabelText('Filter annotations').element() as HTMLInputElement,
      'evidence',
    );
    expect(quotes()).toEqual(['Pink: Russia planned to run false-flag operations']);
    await choose('Article', ZEBRA.id);
    expect(rows()).toHaveLength(0);
    expect(region().textContent).toContain('No annotations match these filters.');
    const clear = page.getByRole('button', { name: 'Clear filters' }).element() as HTMLElement;
    expect(clear.getAttribute('aria-disabled')).toBe('false');
    await perform(() => (clear.focus(), clear.click()));
    expect(summary()).toBe('4 annotations · 3 articles');
    expect(select('Article').value).toBe('');
    // It stays where the keyboard is, saying there is nothing more to clear.
    expect(document.activeElement).toBe(clear);
    expect(clear.getAttribute('aria-disabled')).toBe('true');
  });

  it('sorts oldest first and by article', async () => {
    await show();
    await choose('Sort', 'oldest');
    expect(quotes()[0]).toBe('Pink: Russia planned to run false-flag operations');
    await choose('Sort', 'article');
    expect(rows().map((r) => r.querySelector('cite')!.textContent)).toEqual([
      'Apple harvest',
      'Negotiations continue',
      'Negotiations continue',
      'Zebra crossings',
    ]);
  });

  it('is one tab stop: arrows, Home and End move, Enter and a click open the passage', async () => {
    const { onGoTo } = await show();
    expect(rows().map((r) => r.tabIndex)).toEqual([0, -1, -1, -1]);
    await perform(() => rows()[0]!.focus());
    await press('ArrowDown');
    expect(document.activeElement).toBe(rows()[1]);
    await press('End');
    expect(document.activeElement).toBe(rows()[3]);
    await press('ArrowDown');
    expect(document.activeElement).toBe(rows()[3]);
    await press('Home');
    expect(document.activeElement).toBe(rows()[0]);
    await press('ArrowDown');
    await press('Enter');
    expect(onGoTo).toHaveBeenLastCalledWith(KYIV.id, ENTRIES[1]!.annotation.id);
    expect(rows().map((r) => r.tabIndex)).toEqual([-1, 0, -1, -1]);
    await perform(() => rows()[0]!.click());
    expect(onGoTo).toHaveBeenLastCalledWith(ZEBRA.id, ENTRIES[0]!.annotation.id);
  });

  it('goes back on Escape, but first clears a filter being typed', async () => {
    const { onClose } = await show();
    expect(document.activeElement?.textContent).toBe('All annotations'); // the heading
    const field = page.getByLabelText('Filter annotations').element() as HTMLInputElement;
    await perform(() => field.focus());
    await setValue(field, 'russia');
    expect(await press('Escape')).toBe(false);
    expect(field.value).toBe('');
    expect(onClose).not.toHaveBeenCalled();
    await perform(() => rows()[2]!.focus());
    await press('Escape');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('says so while loading and when the library has no annotations', async () => {
    const { mounted } = await show(null);
    expect(region().textContent).toContain('Loading…');
    await mounted.unmount();
    await show([]);
    expect(region().textContent).toContain('No annotations yet.');
    expect(region().querySelector('select')).toBeNull();
  });

  it('renders only the rows on screen of 10,000 annotations (time printed)', async () => {
    const many = manyEntries(10_000);
    const started = performance.now();
    await show(many);
    await vi.waitFor(() => expect(rows().length).toBeGreaterThan(0));
    const firstRows = performance.now() - started;
    console.log(
      `All annotations: first rows of 10,000 in ${firstRows.toFixed(0)} ms; ${rows().length} rows in the DOM`,
    );
    expect(rows().length).toBeLessThan(40);
    expect(summary()).toBe('10,000 annotations · 200 articles');
    expect(quotes()[0]).toContain('Passage 9999 ');

    const filtering = performance.now();
    await choose('Article', many[0]!.article.id);
    console.log(
      `All annotations: filtered by article in ${(performance.now() - filtering).toFixed(0)} ms`,
    );
    expect(summary()).toBe('50 of 10,000 annotations');

    // End reaches the last (oldest) one, rendered on demand.
    await perform(() => rows()[0]!.focus());
    await press('End');
    await vi.waitFor(() => expect(document.activeElement?.textContent).toContain('Passage 199 '));
  });
});
