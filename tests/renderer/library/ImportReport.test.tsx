/**
 * The report at the end of an import of several files, in Chromium: the counts, every file under
 * what happened to it (refused with the reason; imported and already there with Open), a
 * cancelled or stopped import said so, and long sections shortened until asked.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { ImportReport, REPORT_LINES_SHOWN } from '../../../src/renderer/src/library/ImportReport';
import { describeCounts } from '../../../src/renderer/src/library/import-items';
import { cleanup, perform, press, render } from '../react-harness';
import { duplicate, imported, refused } from './fixtures';
import '../../../src/renderer/src/styles.css';

afterEach(cleanup);

const ITEMS = [
  imported('a.html', 'Talks resume in Geneva', 1),
  imported('sub/b.txt', 'Markets steady', 2, ['Some bytes could not be decoded (U+FFFD)']),
  duplicate('c.html', 'Negotiations continue', 3),
  refused('photo.html', 'photo.html is a binary file (PNG image), not a page'),
];

const dialog = () => page.getByRole('dialog').element() as HTMLElement;
const section = (name: RegExp) => page.getByRole('region', { name }).element() as HTMLElement;

describe('ImportReport', () => {
  it('says how many other files in the folders were left aside, and nothing when none were', async () => {
    await render(
      <ImportReport
        report={{ items: ITEMS, cancelled: false, stoppedBy: null, skipped: 3 }}
        onOpen={() => {}}
        onClose={() => {}}
      />,
    );
    expect(dialog().textContent).toContain(
      '3 other files in the folders were left aside: they are not articles by their type.',
    );
  });

  it('heads with the counts and lists each file under what happened to it', async () => {
    await render(
      <ImportReport
        report={{ items: ITEMS, cancelled: false, stoppedBy: null, skipped: 0 }}
        onOpen={() => {}}
        onClose={() => {}}
      />,
    );
    expect(page.getByRole('dialog', { name: 'Import finished' }).elements()).toHaveLength(1);
    expect(dialog().querySelector('.imports-report-counts')?.textContent).toBe(
      '2 imported · 1 already in your library · 1 refused',
    );
    expect(section(/^Imported \(2\)/).textContent).toContain('Talks resume in Geneva');
    expect(section(/^Imported/).textContent).toContain('sub/b.txt');
    expect(section(/^Imported/).textContent).toContain('could not be decoded');
    expect(section(/^Already in your library \(1\)/).textContent).toContain(
      'Negotiations continue',
    );
    expect(section(/^Refused \(1\)/).textContent).toContain(
      'photo.html is a binary file (PNG image), not a page',
    );
    // A refused file has nothing to open.
    expect(section(/^Refused/).querySelector('button')).toBeNull();
    expect(dialog().textContent).not.toMatch(/cancel/i);
  });

  it('opens an imported article and one already in the library by their Open buttons', async () => {
    const onOpen = vi.fn();
    await render(
      <ImportReport
        report={{ items: ITEMS, cancelled: false, stoppedBy: null, skipped: 0 }}
        onOpen={onOpen}
        onClose={() => {}}
      />,
    );
    const open = (title: string) =>
      page.getByRole('button', { name: `Open ${title}` }).element() as HTMLElement;
    await perform(() => open('Markets steady').click());
    await perform(() => open('Negotiations continue').click());
    expect(onOpen.mock.calls).toEqual([[ITEMS[1]!.article!.id], [ITEMS[2]!.article!.id]]);
  });

  it('says a cancelled import was cancelled, and closes with Escape', async () => {
    const onClose = vi.fn();
    await render(
      <ImportReport
        report={{ items: ITEMS.slice(0, 2), cancelled: true, stoppedBy: null, skipped: 0 }}
        onOpen={() => {}}
        onClose={onClose}
      />,
    );
    expect(page.getByRole('dialog', { name: 'Import cancelled' }).elements()).toHaveLength(1);
    expect(dialog().textContent).toContain('Cancelled after 2 files.');
    await press('Escape');
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('says what stopped an import before its end', async () => {
    await render(
      <ImportReport
        report={{
          items: ITEMS.slice(0, 1),
          cancelled: false,
          stoppedBy: 'the disk is full',
          skipped: 0,
        }}
        onOpen={() => {}}
        onClose={() => {}}
      />,
    );
    expect(page.getByRole('dialog', { name: 'Import stopped' }).elements()).toHaveLength(1);
    expect(dialog().textContent).toContain('Stopped after 1 file: the disk is full.');
  });

  it('shows the first lines of a long section, and the rest when asked', async () => {
    const many = Array.from({ length: REPORT_LINES_SHOWN + 5 }, (_, i) =>
      imported(`page-${i}.html`, `Page ${i}`, i + 10),
    );
    await render(
      <ImportReport
        report={{ items: many, cancelled: false, stoppedBy: null, skipped: 0 }}
        onOpen={() => {}}
        onClose={() => {}}
      />,
    );
    const lines = () => section(/^Imported/).querySelectorAll('li.imports-report-line').length;
    expect(lines()).toBe(REPORT_LINES_SHOWN);
    const more = page.getByRole('button', { name: `Show all ${many.length}` }).element();
    await perform(() => (more as HTMLElement).click());
    expect(lines()).toBe(many.length);
  });

  it('counts only what there is', () => {
    expect(describeCounts([])).toBe('Nothing imported');
    expect(describeCounts([refused('x', 'no')])).toBe('1 refused');
    expect(describeCounts(ITEMS.slice(0, 2))).toBe('2 imported');
  });
});
