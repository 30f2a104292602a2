/**
 * The import dialogs in Chromium. Add from URL: the address field takes the focus, Add says
 * "Fetching…" while the service works, a failure is shown with the address kept for another
 * try, Escape closes. Import folder (web mode): a path and "Include subfolders", on by default.
 * Pasted as a new article: the title prefilled and selected, Enter saves it, Escape keeps it.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { ServiceError } from '../../../src/shared/contract/errors';
import { AddFromUrlDialog } from '../../../src/renderer/src/library/AddFromUrlDialog';
import { ImportFolderDialog } from '../../../src/renderer/src/library/ImportFolderDialog';
import { PastedTitleDialog } from '../../../src/renderer/src/library/PastedTitleDialog';
import { cleanup, render } from '../react-harness';
import { articleNamed } from './fixtures';
import '../../../src/renderer/src/styles.css';

afterEach(cleanup);

const keys = (text: string) => act(() => userEvent.keyboard(text));
const settle = () => act(async () => new Promise((r) => setTimeout(r, 10)));
const field = (label: string) =>
  page.getByLabelText(label, { exact: true }).element() as HTMLInputElement;

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('AddFromUrlDialog', () => {
  it('fetches the typed address, saying so, and closes when it is in', async () => {
    const fetching = deferred();
    const onAdd = vi.fn(() => fetching.promise);
    const onClose = vi.fn();
    await render(<AddFromUrlDialog onAdd={onAdd} onError={() => {}} onClose={onClose} />);
    await settle();
    expect(document.activeElement).toBe(field('Address'));
    await keys('https://news.example/talks{Enter}');
    expect(onAdd).toHaveBeenCalledWith('https://news.example/talks', expect.any(AbortSignal));
    const busy = page.getByRole('button', { name: 'Fetching…' }).element();
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    // A second Enter while it is fetching asks nothing more.
    await keys('{Enter}');
    expect(onAdd).toHaveBeenCalledOnce();
    fetching.resolve();
    await settle();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('shows the service’s error and keeps the address for another try', async () => {
    const onAdd = vi
      .fn<(url: string) => Promise<void>>()
      .mockRejectedValueOnce(
        new ServiceError('network', 'http://127.0.0.1:9/a: the server answered 404 Not Found'),
      )
      .mockResolvedValueOnce();
    const onClose = vi.fn();
    await render(<AddFromUrlDialog onAdd={onAdd} onError={() => {}} onClose={onClose} />);
    await settle();
    await keys('http://127.0.0.1:9/a{Enter}');
    await settle();
    const alert = page.getByRole('alert').element();
    expect(alert.textContent).toBe('http://127.0.0.1:9/a: the server answered 404 Not Found');
    expect(field('Address').value).toBe('http://127.0.0.1:9/a');
    expect(field('Address').getAttribute('aria-invalid')).toBe('true');
    expect(field('Address').getAttribute('aria-describedby')).toContain(alert.id);
    expect(document.activeElement).toBe(field('Address'));
    expect(onClose).not.toHaveBeenCalled();
    await keys('{Enter}');
    await settle();
    expect(onAdd).toHaveBeenCalledTimes(2);
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('Escape while fetching cancels the fetch, and its failure is not reported', async () => {
    const fetching = deferred();
    let signal: AbortSignal | undefined;
    const onError = vi.fn();
    const onClose = vi.fn();
    const mounted = await render(
      <AddFromUrlDialog
        onAdd={(_url, given) => ((signal = given), fetching.promise)}
        onError={onError}
        onClose={onClose}
      />,
    );
    await settle();
    await keys('https://news.example/slow{Enter}');
    await keys('{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
    expect(signal?.aborted).toBe(true);
    await mounted.unmount();
    fetching.reject(
      new ServiceError('network', 'Fetching https://news.example/slow was cancelled'),
    );
    await settle();
    expect(onError).not.toHaveBeenCalled();
  });

  it('a failure that arrives after the dialog went away otherwise goes to the window', async () => {
    const fetching = deferred();
    const onError = vi.fn();
    const mounted = await render(
      <AddFromUrlDialog onAdd={() => fetching.promise} onError={onError} onClose={() => {}} />,
    );
    await settle();
    await keys('https://news.example/slow{Enter}');
    await mounted.unmount();
    const failure = new ServiceError('network', 'timed out');
    fetching.reject(failure);
    await settle();
    expect(onError).toHaveBeenCalledWith(failure);
  });

  it('fetches a dropped link at once', async () => {
    const onAdd = vi.fn(() => new Promise<void>(() => {}));
    await render(
      <AddFromUrlDialog
        initialUrl="https://news.example/dropped"
        fetchAtOnce
        onAdd={onAdd}
        onError={() => {}}
        onClose={() => {}}
      />,
    );
    await settle();
    expect(onAdd).toHaveBeenCalledExactlyOnceWith(
      'https://news.example/dropped',
      expect.any(AbortSignal),
    );
    expect(page.getByRole('button', { name: 'Fetching…' }).elements()).toHaveLength(1);
  });
});

describe('ImportFolderDialog', () => {
  it('asks for a path, with subfolders included unless unticked', async () => {
    const onImport = vi.fn();
    await render(<ImportFolderDialog onImport={onImport} onClose={() => {}} />);
    await settle();
    expect(document.activeElement).toBe(field('Folder'));
    const sub = page.getByRole('checkbox', { name: 'Include subfolders' }).element();
    expect((sub as HTMLInputElement).checked).toBe(true);
    const submit = page.getByRole('button', { name: 'Import', exact: true }).element();
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    await keys('/tmp/pages{Enter}');
    expect(onImport).toHaveBeenLastCalledWith('/tmp/pages', true);
    await act(() => userEvent.click(sub));
    await act(() => userEvent.click(submit));
    expect(onImport).toHaveBeenLastCalledWith('/tmp/pages', false);
  });
});

describe('PastedTitleDialog', () => {
  const article = articleNamed('Talks resume in Geneva', 7);

  it('selects the title, and Enter saves a new one', async () => {
    const onRename = vi.fn(async () => {});
    const onClose = vi.fn();
    await render(<PastedTitleDialog article={article} onRename={onRename} onClose={onClose} />);
    await settle();
    expect(page.getByRole('dialog', { name: 'Pasted as a new article' }).elements()).toHaveLength(
      1,
    );
    const title = field('Title');
    expect(document.activeElement).toBe(title);
    expect([title.selectionStart, title.selectionEnd]).toEqual([0, article.title.length]);
    await keys('Geneva talks, day two{Enter}');
    await settle();
    expect(onRename).toHaveBeenCalledExactlyOnceWith('Geneva talks, day two');
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('keeps the title on Escape, and refuses an empty one', async () => {
    const onRename = vi.fn(async () => {});
    const onClose = vi.fn();
    await render(<PastedTitleDialog article={article} onRename={onRename} onClose={onClose} />);
    await settle();
    await keys('{Backspace}{Enter}');
    expect(page.getByRole('alert').element().textContent).toBe('A title cannot be empty.');
    expect(onRename).not.toHaveBeenCalled();
    await keys('{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
    expect(onRename).not.toHaveBeenCalled();
  });
});
