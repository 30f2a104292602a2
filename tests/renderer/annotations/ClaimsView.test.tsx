/** The Claims view in Chromium: only claims, sortable headers, rows that jump to passages. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { ClaimsView } from '../../../src/renderer/src/annotations/ClaimsView';
import { ANNOTATIONS, IDS } from './claim-fixtures';
import { cleanup, perform, render } from '../react-harness';

afterEach(cleanup);

const region = () => page.getByRole('region', { name: 'Claims' }).element();
const header = (name: string) => page.getByRole('columnheader', { name }).element();
const button = (name: string) =>
  page.getByRole('button', { name, exact: true }).element() as HTMLButtonElement;
/** The quote in each body row, top to bottom. */
const quotes = () =>
  [...region().querySelectorAll('tbody tr')].map((tr) => tr.querySelector('td')?.textContent);

describe('ClaimsView', () => {
  it('lists only the claims, in document order, with what answers them', async () => {
    await render(<ClaimsView annotations={ANNOTATIONS} onJump={() => {}} />);
    expect(quotes()).toEqual([
      'a White House finding of January 14th',
      'Russia planned to run “false-flag operations”',
      'which Russia denies',
      'the number of Russian forces is going up',
    ]);
    expect(region().textContent).not.toContain('NATO Secretary General');
    expect(region().textContent).toContain('denied by ‘which Russia denies’');
    expect(region().textContent).toContain(
      'denies ‘Russia planned to run “false-flag operations”’',
    );
    expect(region().textContent).toContain('Unattributed');
    for (const name of ['Quote', 'Type', 'Speaker', 'Status', 'Answered by']) {
      expect(header(name).getAttribute('scope')).toBe('col');
    }
  });

  it('sorts by a column when its header is clicked, and flips on a second click', async () => {
    await render(<ClaimsView annotations={ANNOTATIONS} onJump={() => {}} />);
    expect(header('Quote').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Speaker').hasAttribute('aria-sort')).toBe(false);

    await perform(() => button('Speaker').click());
    expect(header('Speaker').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Quote').hasAttribute('aria-sort')).toBe(false);
    expect(quotes()[0]).toBe('the number of Russian forces is going up'); // Jens Stoltenberg

    await perform(() => button('Speaker').click());
    expect(header('Speaker').getAttribute('aria-sort')).toBe('descending');
    expect(quotes()[0]).toBe('Russia planned to run “false-flag operations”'); // Western …
    expect(quotes()[3]).toBe('a White House finding of January 14th'); // unattributed: last
  });

  it('jumps to a claim’s passage from its row, and to an answer in this article', async () => {
    const onJump = vi.fn<(id: string) => void>();
    await render(<ClaimsView annotations={ANNOTATIONS} onJump={onJump} />);
    await perform(() => button('which Russia denies').click());
    expect(onJump).toHaveBeenLastCalledWith(IDS.denial);

    await perform(() => button('denied by ‘which Russia denies’').click());
    expect(onJump).toHaveBeenLastCalledWith(IDS.denial);
    // An answer in another article is shown but is not a button here.
    expect(page.getByRole('button', { name: /another article/ }).elements()).toHaveLength(0);
  });

  it('reaches every row by Tab: each row’s jump button is in the tab order', async () => {
    await render(<ClaimsView annotations={ANNOTATIONS} onJump={() => {}} />);
    const jumps = [
      ...region().querySelectorAll<HTMLButtonElement>('tbody tr td:first-child button'),
    ];
    expect(jumps).toHaveLength(4);
    for (const button of jumps) expect(button.tabIndex).toBe(0);
  });

  it('says how to mark a claim when there are none', async () => {
    const plain = ANNOTATIONS.filter((a) => a.claim === null);
    await render(<ClaimsView annotations={plain} onJump={() => {}} />);
    expect(region().textContent).toContain(
      'No claims yet. Select a passage and press C to mark one.',
    );
    expect(region().querySelector('table')).toBeNull();
  });
});
