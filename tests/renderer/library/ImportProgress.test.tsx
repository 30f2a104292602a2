/**
 * The import progress bar in Chromium: a progressbar with its value and maximum and a text of
 * where it is, an indeterminate bar while the files are counted, and a Cancel that says when it
 * was pressed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { ImportProgress, describeProgress } from '../../../src/renderer/src/library/ImportProgress';
import { cleanup, perform, render } from '../react-harness';
import '../../../src/renderer/src/styles.css';

afterEach(cleanup);

const bar = () => page.getByRole('progressbar', { name: 'Importing articles' }).element();

describe('ImportProgress', () => {
  it('shows done of total and the file being read, as text and as the bar’s value', async () => {
    await render(
      <ImportProgress
        progress={{ done: 12, total: 40, current: 'current-file.html' }}
        cancelling={false}
        onCancel={() => {}}
      />,
    );
    expect(bar().getAttribute('aria-valuenow')).toBe('12');
    expect(bar().getAttribute('aria-valuemax')).toBe('40');
    expect(bar().getAttribute('aria-valuetext')).toBe('12 of 40 files');
    expect(document.querySelector('.imports-progress-text')?.textContent).toBe(
      '12 of 40 · current-file.html',
    );
    const fill = document.querySelector<HTMLElement>('.imports-progress-fill')!;
    expect(fill.style.width).toBe('30%');
  });

  it('has no value while the files are still being counted', async () => {
    await render(<ImportProgress progress={null} cancelling={false} onCancel={() => {}} />);
    expect(bar().hasAttribute('aria-valuenow')).toBe(false);
    expect(bar().hasAttribute('data-indeterminate')).toBe(true);
    expect(describeProgress(null)).toBe('Looking for files…');
    expect(describeProgress({ done: 0, total: 0, current: null })).toBe('Looking for files…');
    expect(describeProgress({ done: 3, total: 3, current: null })).toBe('3 of 3');
  });

  it('cancels from its button, then says it is cancelling', async () => {
    const onCancel = vi.fn();
    const progress = { done: 1, total: 4, current: 'b.txt' };
    const mounted = await render(
      <ImportProgress progress={progress} cancelling={false} onCancel={onCancel} />,
    );
    const cancel = page.getByRole('button', { name: 'Cancel import' }).element() as HTMLElement;
    await perform(() => cancel.click());
    expect(onCancel).toHaveBeenCalledOnce();
    await mounted.rerender(<ImportProgress progress={progress} cancelling onCancel={onCancel} />);
    const cancelling = page.getByRole('button', { name: 'Cancelling import' }).element();
    expect(cancelling.getAttribute('aria-disabled')).toBe('true');
    expect(cancelling.textContent).toBe('Cancelling…');
    expect(document.querySelector('.imports-progress-text')?.textContent).toBe(
      'Cancelling… 1 of 4 · b.txt',
    );
  });
});
