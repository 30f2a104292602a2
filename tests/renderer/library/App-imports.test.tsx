/**
 * Articles in from anywhere, in the whole window (Chromium, a fake client, fake jobs and a fake
 * desktop bridge): a paste on the library becomes an article whose title can be changed at once;
 * a paste into a text field is left alone; files picked in web mode are sent one by one and end
 * in a report; one file already in the library is a notice with Open, not an error; the desktop
 * app's Import… runs the import job with its progress and Cancel; drops of a link, of text and
 * of files; Ctrl+Shift+O asks for an address. Every reply's changes reach the library list.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { App } from '../../../src/renderer/src/App';
import type { AppCommand, DesktopBridge } from '../../../src/shared/contract/desktop';
import {
  DEFAULT_SETTINGS,
  type Article,
  type ArticleSummary,
} from '../../../src/shared/contract/entities';
import { ServiceError } from '../../../src/shared/contract/errors';
import type {
  FileImportReport,
  ImportProgress,
  JobClient,
  JobOptions,
} from '../../../src/shared/contract/jobs';
import type { Client, ImportOutcome, RequestOf } from '../../../src/shared/contract/operations';
import { changesOf } from '../../support/annotation-builder';
import { cleanup, perform, render, setValue } from '../react-harness';
import { articleNamed, duplicate, imported } from './fixtures';
import '../../../src/renderer/src/styles.css';

const SAMPLE = articleNamed('Negotiations continue', 1);

function asArticle(summary: ArticleSummary): Article {
  return {
    ...summary,
    document: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Text.' }] }],
    },
    contentHash: 'hash',
    damaged: false,
    readingPosition: null,
  };
}

function outcomeOf(article: ArticleSummary, already: 'content' | null = null): ImportOutcome {
  return {
    article,
    warnings: [],
    alreadyInLibrary: already,
    changes: already ? changesOf() : changesOf({ articles: [article] }),
  };
}

function fakeClient() {
  const known = new Map<string, ArticleSummary>([[SAMPLE.id, SAMPLE]]);
  const fns = {
    listArticles: vi.fn(async () => ({ articles: [SAMPLE] })),
    getSettings: vi.fn(async () => ({ settings: DEFAULT_SETTINGS })),
    getArticle: vi.fn(async ({ id }: { id: string }) => {
      const summary = known.get(id);
      if (!summary) throw new ServiceError('not_found', `no article with id ${id}`);
      return { article: asArticle(summary) };
    }),
    listAnnotations: vi.fn(async () => ({ annotations: [] })),
    listTags: vi.fn(async () => ({ tags: [] })),
    listSpeakers: vi.fn(async () => ({ speakers: [] })),
    listClaimTypes: vi.fn(async () => ({ types: [] })),
    setReadingPosition: vi.fn(async () => ({})),
    markArticleOpened: vi.fn(async ({ id }: { id: string }) => ({
      article: known.get(id)!,
      changes: changesOf(),
    })),
    importArticle: vi.fn<(r: RequestOf<'importArticle'>) => Promise<ImportOutcome>>(),
    importPaste: vi.fn<(r: RequestOf<'importPaste'>) => Promise<ImportOutcome>>(),
    importUrl: vi.fn<(r: RequestOf<'importUrl'>) => Promise<ImportOutcome>>(),
    updateArticle: vi.fn(async ({ id, title }: { id: string; title: string }) => {
      const article = { ...known.get(id)!, title };
      known.set(id, article);
      return { article, previousTitle: title, changes: changesOf({ articles: [article] }) };
    }),
  };
  /** Makes an article the fake library knows (so the reader can open it). */
  const add = (title: string, n: number) => {
    const article = articleNamed(title, n);
    known.set(article.id, article);
    return article;
  };
  return { fns, add, client: fns as unknown as Client };
}

/** A job client whose one job the test drives: progress, then the result it is given. */
function fakeJobs() {
  let finish!: (report: FileImportReport) => void;
  let options: JobOptions<ImportProgress> = {};
  const run = vi.fn((_name: string, _request: unknown, given?: JobOptions<ImportProgress>) => {
    options = given ?? {};
    return new Promise<FileImportReport>((resolve) => (finish = resolve));
  });
  return {
    run,
    jobs: { run } as unknown as JobClient,
    progress: (event: ImportProgress) => act(async () => options.onProgress?.(event)),
    signal: () => options.signal,
    finish: (report: FileImportReport) => act(async () => finish(report)),
  };
}

function fakeDesktop(paths: string[]) {
  const desktop = {
    saveFile: vi.fn(async () => null),
    chooseFolder: vi.fn<DesktopBridge['chooseFolder']>(async () => '/home/me/pages'),
    chooseImportFiles: vi.fn<DesktopBridge['chooseImportFiles']>(async () => paths),
    pathForFile: vi.fn<DesktopBridge['pathForFile']>((file) => `/dropped/${file.name}`),
    onCommand: (_listener: (command: AppCommand) => void) => () => {},
  };
  window.marginalia = { desktop } as unknown as NonNullable<Window['marginalia']>;
  return desktop;
}

afterEach(async () => {
  await cleanup();
  delete window.marginalia;
});

const settle = () => act(async () => new Promise((r) => setTimeout(r, 50)));
const button = (name: string) =>
  page.getByRole('button', { name, exact: true }).element() as HTMLButtonElement;
const libraryTitles = () =>
  [...document.querySelectorAll('.article-list .article-title')].map((el) => el.textContent);
const alertText = () => document.querySelector('.error-banner')?.textContent ?? '';
const dialogNamed = (name: string) => page.getByRole('dialog', { name }).elements();

function transfer(entries: Record<string, string>, files: File[] = []): DataTransfer {
  const data = new DataTransfer();
  for (const [type, value] of Object.entries(entries)) data.setData(type, value);
  for (const file of files) data.items.add(file);
  return data;
}

async function paste(data: DataTransfer, target: EventTarget = document.body) {
  await perform(() =>
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    ),
  );
}

async function drop(data: DataTransfer) {
  await perform(() => {
    document.body.dispatchEvent(
      new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
    document.body.dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
  });
}

async function pick(files: File[]) {
  const input = page.getByLabelText('Files to import').element() as HTMLInputElement;
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  await perform(() => {
    input.files = data.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('App: paste on the library', () => {
  it('makes an article of pasted HTML, opens it, and saves a new title on Enter', async () => {
    const { fns, add, client } = fakeClient();
    const pasted = add('Talks resume in Geneva', 2);
    fns.importPaste.mockResolvedValue(outcomeOf(pasted));
    await render(<App client={client} />);
    await settle();
    await paste(
      transfer({
        'text/html': '<h1>Talks resume in Geneva</h1><p>Text.</p>',
        'text/plain': 'Talks resume in Geneva\nText.',
      }),
    );
    await settle();
    expect(fns.importPaste).toHaveBeenCalledExactlyOnceWith({
      html: '<h1>Talks resume in Geneva</h1><p>Text.</p>',
      text: 'Talks resume in Geneva\nText.',
    });
    expect(libraryTitles()).toContain('Talks resume in Geneva');
    expect(fns.getArticle).toHaveBeenCalledWith({ id: pasted.id });
    expect(dialogNamed('Pasted as a new article')).toHaveLength(1);
    const title = page.getByLabelText('Title', { exact: true }).element() as HTMLInputElement;
    expect(document.activeElement).toBe(title);
    await act(() => userEvent.keyboard('Geneva, day two{Enter}'));
    await settle();
    expect(fns.updateArticle).toHaveBeenCalledExactlyOnceWith({
      id: pasted.id,
      title: 'Geneva, day two',
    });
    expect(dialogNamed('Pasted as a new article')).toHaveLength(0);
    expect(libraryTitles()).toContain('Geneva, day two');
    expect(libraryTitles()).not.toContain('Talks resume in Geneva');
  });

  it('leaves a paste into a text field alone, and says when the paste failed', async () => {
    const { fns, client } = fakeClient();
    fns.importPaste.mockRejectedValue(
      new ServiceError('unsupported_file', 'the clipboard held no article text'),
    );
    await render(<App client={client} />);
    const field = document.createElement('input');
    document.body.append(field);
    try {
      await paste(transfer({ 'text/plain': 'my search' }), field);
      expect(fns.importPaste).not.toHaveBeenCalled();
    } finally {
      field.remove();
    }
    await paste(transfer({ 'text/plain': '   ' }));
    expect(fns.importPaste).not.toHaveBeenCalled(); // nothing to import: not even an error
    await paste(transfer({ 'text/plain': 'A line' }));
    await settle();
    expect(fns.importPaste).toHaveBeenCalledExactlyOnceWith({ html: null, text: 'A line' });
    expect(alertText()).toContain('the clipboard held no article text');
  });
});

describe('App: files picked in web mode', () => {
  it('imports each file, applies each reply, and reports imported, already there and refused', async () => {
    const { fns, add, client } = fakeClient();
    const first = add('Talks resume in Geneva', 2);
    fns.importArticle.mockImplementation(async ({ fileName }) => {
      if (fileName === 'a.html') return outcomeOf(first);
      if (fileName === 'b.txt') return outcomeOf(SAMPLE, 'content');
      throw new ServiceError('unsupported_file', 'c.html is a binary file (PNG image), not a page');
    });
    await render(<App client={client} />);
    await settle();
    await pick([
      new File(['<p>a</p>'], 'a.html', { type: 'text/html' }),
      new File(['b'], 'b.txt', { type: 'text/plain' }),
      new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'c.html'),
    ]);
    // Each file is read, sent and answered in turn: wait for the report, however slow the machine.
    await expect.poll(() => dialogNamed('Import finished').length, { timeout: 5000 }).toBe(1);
    expect(fns.importArticle.mock.calls.map(([r]) => [r.fileName, atob(r.contentBase64)])).toEqual([
      ['a.html', '<p>a</p>'],
      ['b.txt', 'b'],
      ['c.html', '\x89PNG'],
    ]);
    expect(libraryTitles()).toContain('Talks resume in Geneva');
    expect(dialogNamed('Import finished')).toHaveLength(1);
    const report = page.getByRole('dialog').element();
    expect(report.querySelector('.imports-report-counts')?.textContent).toBe(
      '1 imported · 1 already in your library · 1 refused',
    );
    expect(report.textContent).toContain('c.html is a binary file (PNG image), not a page');
    // Open on the report closes it and opens the article.
    await perform(() => button('Open Talks resume in Geneva').click());
    await settle();
    expect(dialogNamed('Import finished')).toHaveLength(0);
    expect(fns.getArticle).toHaveBeenLastCalledWith({ id: first.id });
    // The report can be seen again.
    await perform(() =>
      button('Last import: 1 imported · 1 already in your library · 1 refused').click(),
    );
    expect(dialogNamed('Import finished')).toHaveLength(1);
  });

  it('says a single file already in the library is there, with Open, and no error', async () => {
    const { fns, client } = fakeClient();
    fns.importArticle.mockResolvedValue(outcomeOf(SAMPLE, 'content'));
    await render(<App client={client} />);
    await settle();
    await pick([new File(['same'], 'again.txt', { type: 'text/plain' })]);
    await settle();
    expect(alertText()).toBe('');
    expect(dialogNamed('Import finished')).toHaveLength(0);
    const notice = document.querySelector('.imports-notice')!;
    expect(notice.textContent).toContain('Already in your library: Negotiations continue');
    await perform(() => button('Open').click());
    await settle();
    expect(fns.getArticle).toHaveBeenCalledWith({ id: SAMPLE.id });
    expect(document.querySelector('.imports-notice')).toBeNull();
  });

  it('shows a single refused file’s reason as an error', async () => {
    const { fns, client } = fakeClient();
    fns.importArticle.mockRejectedValue(
      new ServiceError('unsupported_file', 'x.zip is a ZIP archive, not a page'),
    );
    await render(<App client={client} />);
    await pick([new File(['PK'], 'x.zip')]);
    await settle();
    expect(alertText()).toContain('Could not import x.zip: x.zip is a ZIP archive, not a page');
  });
});

describe('App: the desktop app’s Import…', () => {
  it('runs the import job on the chosen paths, with progress and Cancel, then the report', async () => {
    fakeDesktop(['/home/me/a.html', '/home/me/b.html', '/home/me/c.html']);
    const { client } = fakeClient();
    const job = fakeJobs();
    await render(<App client={client} jobs={job.jobs} />);
    await settle();
    await perform(() => button('Import…').click());
    await settle();
    expect(job.run).toHaveBeenCalledWith(
      'importFiles',
      { paths: ['/home/me/a.html', '/home/me/b.html', '/home/me/c.html'], recursive: true },
      expect.anything(),
    );
    await job.progress({ done: 1, total: 3, current: 'b.html' });
    const bar = page.getByRole('progressbar').element();
    expect(bar.getAttribute('aria-valuenow')).toBe('1');
    expect(document.querySelector('.imports-progress-text')?.textContent).toBe('1 of 3 · b.html');
    // One import at a time: asking again says so.
    await perform(() => button('Import…').click());
    expect(alertText()).toContain('An import is already under way');
    await perform(() => button('Cancel import').click());
    expect(job.signal()?.aborted).toBe(true);
    const geneva = articleNamed('Talks resume in Geneva', 2);
    await job.finish({
      skipped: 0,
      stoppedBy: null,
      items: [imported('a.html', geneva.title, 2)],
      cancelled: true,
      changes: changesOf({ articles: [geneva] }),
    });
    await settle();
    expect(page.getByRole('progressbar').elements()).toHaveLength(0);
    expect(dialogNamed('Import cancelled')).toHaveLength(1);
    expect(libraryTitles()).toContain('Talks resume in Geneva');
  });

  it('opens the one file a job imported, without a report', async () => {
    fakeDesktop(['/home/me/a.html']);
    const { add, fns, client } = fakeClient();
    const geneva = add('Talks resume in Geneva', 2);
    const job = fakeJobs();
    await render(<App client={client} jobs={job.jobs} />);
    await perform(() => button('Import…').click());
    await settle();
    await job.finish({
      skipped: 0,
      stoppedBy: null,
      items: [imported('a.html', geneva.title, 2)],
      cancelled: false,
      changes: changesOf({ articles: [geneva] }),
    });
    await settle();
    expect(page.getByRole('dialog').elements()).toHaveLength(0);
    expect(fns.getArticle).toHaveBeenLastCalledWith({ id: geneva.id });
  });

  it('hands dropped files to the job by their paths', async () => {
    const desktop = fakeDesktop([]);
    const { client } = fakeClient();
    const job = fakeJobs();
    await render(<App client={client} jobs={job.jobs} />);
    await drop(transfer({}, [new File(['a'], 'a.html'), new File(['b'], 'b.md')]));
    await settle();
    expect(desktop.pathForFile).toHaveBeenCalledTimes(2);
    expect(job.run).toHaveBeenCalledWith(
      'importFiles',
      { paths: ['/dropped/a.html', '/dropped/b.md'], recursive: true },
      expect.anything(),
    );
    await job.finish({
      skipped: 0,
      stoppedBy: null,
      items: [duplicate('a.html', 'A', 2), duplicate('b.md', 'B', 3)],
      cancelled: false,
      changes: changesOf(),
    });
    await settle();
    expect(dialogNamed('Import finished')).toHaveLength(1);
  });
});

describe('App: drops and shortcuts in web mode', () => {
  it('shows the drop overlay while files are dragged over the window', async () => {
    const { client } = fakeClient();
    await render(<App client={client} />);
    const data = transfer({}, [new File(['a'], 'a.html')]);
    await perform(() =>
      document.body.dispatchEvent(
        new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }),
      ),
    );
    expect(document.querySelector('.imports-drop')?.textContent).toContain('Drop to import');
    await perform(() =>
      document.body.dispatchEvent(
        new DragEvent('dragleave', { dataTransfer: data, bubbles: true }),
      ),
    );
    expect(document.querySelector('.imports-drop')).toBeNull();
  });

  it('fetches a dropped link in the Add from URL dialog', async () => {
    const { fns, add, client } = fakeClient();
    const page1 = add('From the web', 4);
    const run = vi.fn(async () => outcomeOf(page1));
    await render(<App client={client} jobs={{ run } as unknown as JobClient} />);
    await drop(transfer({ 'text/uri-list': '# a comment\nhttps://news.example/a\n' }));
    await settle();
    expect(run).toHaveBeenCalledExactlyOnceWith(
      'importUrl',
      { url: 'https://news.example/a' },
      { signal: expect.any(AbortSignal) },
    );
    expect(dialogNamed('Add from URL')).toHaveLength(0);
    expect(libraryTitles()).toContain('From the web');
    expect(fns.getArticle).toHaveBeenLastCalledWith({ id: page1.id });
  });

  it('closing Add from URL while it fetches cancels the fetch, adding nothing and saying nothing', async () => {
    const { client } = fakeClient();
    let signal: AbortSignal | undefined;
    const run = vi.fn(
      (_name: string, _request: unknown, options?: { signal?: AbortSignal }) =>
        new Promise<never>((_resolve, reject) => {
          signal = options?.signal;
          signal?.addEventListener('abort', () =>
            reject(new Error('Fetching https://news.example/slow was cancelled')),
          );
        }),
    );
    await render(<App client={client} jobs={{ run } as unknown as JobClient} />);
    await perform(() => button('Add from URL…').click());
    const field = page.getByLabelText('Address').element() as HTMLInputElement;
    await setValue(field, 'https://news.example/slow');
    await perform(() => button('Add').click());
    await settle();
    expect(button('Fetching…')).toBeTruthy();
    await perform(() => button('Close').click());
    await settle();
    expect(signal?.aborted).toBe(true);
    expect(dialogNamed('Add from URL')).toHaveLength(0);
    expect(document.querySelector('[role="alert"]')).toBeNull();
  });

  it('says what a dropped piece of text is not, importing nothing', async () => {
    const { fns, client } = fakeClient();
    await render(<App client={client} />);
    await drop(transfer({ 'text/plain': 'some words' }));
    await settle();
    expect(alertText()).toContain(
      'Nothing imported: that was text, not a file, a folder or a link.',
    );
    expect(fns.importArticle).not.toHaveBeenCalled();
    expect(fns.importUrl).not.toHaveBeenCalled();
  });

  it('opens Add from URL with Ctrl+Shift+O', async () => {
    const { client } = fakeClient();
    await render(<App client={client} />);
    await act(() => userEvent.keyboard('{Control>}{Shift>}o{/Shift}{/Control}'));
    await settle();
    expect(dialogNamed('Add from URL')).toHaveLength(1);
    expect(document.activeElement).toBe(page.getByLabelText('Address').element());
  });
});
