/**
 * The window's export, import and link plumbing in Chromium, with a fake client and a fake desktop
 * bridge: an export saves once however often it is asked while one is on its way; an import whose
 * dialog was closed still reports how it went, and its reply's changes are applied as they are; the desktop app's `open-link` commands open the
 * passage or fail visibly for bad ids; "Copy all as Markdown" with nothing to copy says so.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { App } from '../../src/renderer/src/App';
import type { AppCommand, DesktopBridge } from '../../src/shared/contract/desktop';
import {
  DEFAULT_SETTINGS,
  type Annotation,
  type Article,
  type ArticleSummary,
} from '../../src/shared/contract/entities';
import { ServiceError } from '../../src/shared/contract/errors';
import type { ExportedFile, ImportReport } from '../../src/shared/contract/interop';
import type { Client, ResponseOf } from '../../src/shared/contract/operations';
import { passageLink } from '../../src/shared/export/deep-link';
import { changesOf } from '../support/annotation-builder';
import { ANNOTATIONS, ARTICLE_ID } from './annotations/claim-fixtures';
import { cleanup, perform, render, setValue } from './react-harness';
import '../../src/renderer/src/styles.css';

const TEXT = 'Western intelligence reports have said that Russia planned to run operations.';
const SUMMARY: ArticleSummary = {
  id: ARTICLE_ID,
  title: 'Negotiations continue',
  byline: null,
  site: null,
  sourceUrl: null,
  publishedAt: '2022-02-11',
  addedAt: '2024-01-01T00:00:00.000Z',
  annotationCount: 0,
  canonicalUrl: null,
  language: null,
  direction: null,
  origin: 'file',
  sourceFileName: null,
  lastOpenedAt: null,
  claimCount: 0,
  orphanCount: 0,
  tags: [],
  facets: { annotationTags: [], speakers: [], claimTypes: [] },
};
const ARTICLE: Article = {
  ...SUMMARY,
  document: {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: TEXT }] }],
  },
  contentHash: 'hash',
  damaged: false,
  readingPosition: null,
};
const CLAIM = ANNOTATIONS.find((a) => a.claim)!;
const LEDGER_FILE: ExportedFile = {
  fileName: 'Claims ledger.md',
  mediaType: 'text/markdown',
  content: '# Claims ledger\n',
};
const REPORT: ImportReport = {
  format: 'w3c',
  total: 3,
  anchored: 2,
  changed: 0,
  orphaned: 1,
  alreadyPresent: 0,
  linksCreated: 0,
  linksUnresolved: 0,
  otherPages: 0,
  articles: [{ id: ARTICLE_ID, title: SUMMARY.title, imported: 2 }],
  orphans: [{ quote: 'gone', articleId: ARTICLE_ID }],
  warnings: [],
};

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function fakeClient(annotations: readonly Annotation[] = []) {
  const fns = {
    listArticles: vi.fn(async () => ({ articles: [SUMMARY] })),
    getSettings: vi.fn(async () => ({ settings: DEFAULT_SETTINGS })),
    getArticle: vi.fn(async ({ id }: { id: string }) => {
      if (id !== ARTICLE_ID) throw new ServiceError('not_found', `no article with id ${id}`);
      return { article: ARTICLE };
    }),
    listAnnotations: vi.fn(async () => ({ annotations })),
    listTags: vi.fn(async () => ({ tags: [] })),
    listSpeakers: vi.fn(async () => ({ speakers: [] })),
    listClaimTypes: vi.fn(async () => ({ types: [] })),
    setReadingPosition: vi.fn(async () => ({})),
    markArticleOpened: vi.fn(async () => ({ article: SUMMARY, changes: changesOf() })),
    getClaimsLedger: vi.fn(async () => ({
      claims: [{ article: SUMMARY, annotation: CLAIM }],
    })),
    exportLibrary: vi.fn<() => Promise<{ file: ExportedFile }>>(),
    importAnnotations: vi.fn<() => Promise<ResponseOf<'importAnnotations'>>>(),
  };
  return { fns, client: fns as unknown as Client };
}

function fakeDesktop() {
  const listeners = new Set<(command: AppCommand) => void>();
  const desktop = {
    saveFile: vi.fn<DesktopBridge['saveFile']>(async ({ fileName }) => ({
      path: `/d/${fileName}`,
    })),
    chooseFolder: vi.fn<DesktopBridge['chooseFolder']>(async () => null),
    chooseImportFiles: vi.fn<DesktopBridge['chooseImportFiles']>(async () => null),
    pathForFile: vi.fn<DesktopBridge['pathForFile']>(() => null),
    onCommand: (listener: (command: AppCommand) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  window.marginalia = { desktop } as unknown as NonNullable<Window['marginalia']>;
  const send = (command: AppCommand) =>
    act(async () => {
      for (const listener of listeners) listener(command);
    });
  return { desktop, send, listeners };
}

afterEach(async () => {
  await cleanup();
  delete window.marginalia;
});

const button = (name: string) =>
  page.getByRole('button', { name, exact: true }).element() as HTMLButtonElement;
const alertText = () => document.querySelector('.error-banner')?.textContent ?? '';
const settle = () => act(async () => new Promise((r) => setTimeout(r, 20)));

describe('App: exports', () => {
  it('saves the ledger once for a double click, and again once it is done', async () => {
    const { desktop } = fakeDesktop();
    const { fns, client } = fakeClient();
    const made = deferred<{ file: ExportedFile }>();
    fns.exportLibrary.mockReturnValue(made.promise);
    await render(<App client={client} />);
    await perform(() => button('Claims ledger').click());
    await settle();
    const exportButton = button('Export ledger as Markdown');
    await perform(() => exportButton.click());
    await perform(() => exportButton.click());
    made.resolve({ file: LEDGER_FILE });
    await settle();
    expect(fns.exportLibrary).toHaveBeenCalledTimes(1);
    expect(desktop.saveFile).toHaveBeenCalledTimes(1);
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe(
      'Saved /d/Claims ledger.md',
    );

    fns.exportLibrary.mockResolvedValue({ file: LEDGER_FILE });
    await perform(() => exportButton.click());
    await settle();
    expect(desktop.saveFile).toHaveBeenCalledTimes(2);
  });
});

describe('App: an import whose dialog was closed', () => {
  async function startImport() {
    const { fns, client } = fakeClient();
    const importing = deferred<ResponseOf<'importAnnotations'>>();
    fns.importAnnotations.mockReturnValue(importing.promise);
    await render(<App client={client} />);
    await perform(() => button('Import annotations…').click());
    const input = page.getByLabelText('Annotation file').element() as HTMLInputElement;
    const files = new DataTransfer();
    files.items.add(new File(['{}'], 'notes.jsonld', { type: 'application/ld+json' }));
    await perform(() => {
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await perform(() => button('Import').click());
    await settle();
    expect(fns.importAnnotations).toHaveBeenCalledOnce();
    await perform(() => button('Close').click());
    expect(document.querySelector('[role="dialog"]')).toBeNull();
    return { fns, importing };
  }

  it('shows the failure in the window', async () => {
    const { importing } = await startImport();
    importing.reject(new ServiceError('invalid_request', 'the file is not JSON'));
    await settle();
    expect(alertText()).toContain('Importing annotations failed: the file is not JSON');
  });

  it('says what came in and what did not, and applies what changed without reading again', async () => {
    const { fns, importing } = await startImport();
    const read = () =>
      [fns.listArticles, fns.listAnnotations, fns.listTags, fns.getArticle].map(
        (fn) => fn.mock.calls.length,
      );
    const before = read();
    expect(document.querySelector('.article-count')).toBeNull();
    importing.resolve({
      report: REPORT,
      changes: changesOf({ articles: [{ ...SUMMARY, annotationCount: 2 }] }),
    });
    await settle();
    // The reply's changes are in the library list, and nothing was fetched again.
    expect(document.querySelector('.article-count')?.textContent).toBe('2 annotations');
    expect(read()).toEqual(before);
    expect(alertText()).toContain('2 anchored, 0 changed, 1 orphaned');
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe(
      'Annotations imported: 2 anchored, 0 changed, 1 orphaned',
    );
  });
});

describe('App: marginalia:// links from the desktop app', () => {
  it('refuses a link with a bad id, visibly, without asking the library', async () => {
    const { send } = fakeDesktop();
    const { fns, client } = fakeClient();
    await render(<App client={client} />);
    await send({ type: 'open-link', url: 'marginalia://open?article=../../etc/passwd' });
    expect(alertText()).toContain('That is not a Marginalia link');
    expect(fns.getArticle).not.toHaveBeenCalled();
  });

  it('says when the linked article is not in the library', async () => {
    const { send } = fakeDesktop();
    const { client } = fakeClient();
    await render(<App client={client} />);
    await send({
      type: 'open-link',
      url: passageLink('01950000-0000-7000-8000-0000000000ff'),
    });
    await settle();
    expect(alertText()).toMatch(/not in the library/);
  });

  it('opens the article of a link, and says when its annotation is gone', async () => {
    const { send } = fakeDesktop();
    const { client } = fakeClient();
    await render(<App client={client} />);
    await send({
      type: 'open-link',
      url: passageLink(ARTICLE_ID, '0190a000-0000-7000-8000-0000000000ee'),
    });
    await settle();
    expect(page.getByRole('heading', { name: SUMMARY.title, level: 2 }).elements()).toHaveLength(1);
    expect(alertText()).toMatch(/not in “Negotiations continue” any more/);
  });

  it('runs the window command a menu item names: Search Library… opens the search window', async () => {
    const { send } = fakeDesktop();
    const { client } = fakeClient();
    await render(<App client={client} />);
    expect(page.getByRole('dialog', { name: /search/i }).elements()).toHaveLength(0);
    await send({ type: 'run-command', command: 'search' });
    await settle();
    expect(page.getByRole('dialog', { name: /search/i }).elements()).toHaveLength(1);
    // With a dialog open, a menu item's key (which the dialog kept from the window) does nothing.
    await send({ type: 'run-command', command: 'library-annotations' });
    await settle();
    expect(document.querySelectorAll('[aria-modal="true"]')).toHaveLength(1);
    expect(page.getByRole('region', { name: 'All annotations' }).elements()).toHaveLength(0);
  });

  it('stops listening when the window unmounts', async () => {
    const { listeners } = fakeDesktop();
    const { client } = fakeClient();
    const mounted = await render(<App client={client} />);
    expect(listeners.size).toBe(1);
    await mounted.unmount();
    expect(listeners.size).toBe(0);
  });
});

describe('App: Copy all as Markdown', () => {
  it('says visibly that there is nothing to copy', async () => {
    const { client } = fakeClient();
    await render(<App client={client} />);
    await perform(() => (document.querySelector('.article-item') as HTMLElement).click());
    await settle();
    await perform(() => button('Export').click());
    await perform(() =>
      (
        page.getByRole('menuitem', { name: 'Copy all as Markdown' }).element() as HTMLElement
      ).click(),
    );
    expect(alertText()).toMatch(/nothing to copy/);
  });
});

describe('App: a library export whose dialog was closed', () => {
  it('shows the failure in the window', async () => {
    const { fns, client } = fakeClient();
    const exporting = deferred<never>();
    const exportLibraryToFolder = vi.fn(() => exporting.promise);
    Object.assign(fns, { exportLibraryToFolder });
    await render(<App client={client} />);
    await perform(() => button('Export library…').click());
    const folder = page.getByLabelText('Folder', { exact: true }).element() as HTMLInputElement;
    await setValue(folder, '/nowhere/vault');
    await perform(() => button('Export').click());
    expect(exportLibraryToFolder).toHaveBeenCalledOnce();
    await perform(() => button('Close').click());
    exporting.reject(new ServiceError('not_found', 'the folder /nowhere/vault does not exist'));
    await settle();
    expect(alertText()).toContain(
      'Exporting the library failed: the folder /nowhere/vault does not exist',
    );
  });
});

describe('App: exporting the library to a folder in web mode', () => {
  it('says that only a folder allowed when web mode started can be written, and shows a refusal', async () => {
    const { fns, client } = fakeClient();
    const refusal =
      'Web mode may export only inside /home/me/vault; /etc is not inside it. ' +
      'To allow it, start web mode with: npm run web -- --export-folder /etc';
    const exportLibraryToFolder = vi.fn(async () => {
      throw new ServiceError('invalid_request', refusal);
    });
    Object.assign(fns, { exportLibraryToFolder });
    await render(<App client={client} />);
    await perform(() => button('Export library…').click());
    const folder = page.getByLabelText('Folder', { exact: true }).element() as HTMLInputElement;
    const hint = document.getElementById(folder.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toContain('writes only inside a folder you allowed');
    expect(hint?.textContent).toContain('npm run web -- --export-folder /path/to/folder');
    await setValue(folder, '/etc');
    await perform(() => button('Export').click());
    await settle();
    expect(exportLibraryToFolder).toHaveBeenCalledOnce();
    expect(document.querySelector('.dialog-error')?.textContent).toBe(refusal);
  });

  it('says nothing of it in the desktop app, where the folder is chosen in a dialog', async () => {
    fakeDesktop();
    const { client } = fakeClient();
    await render(<App client={client} />);
    await perform(() => button('Export library…').click());
    const folder = page.getByLabelText('Folder', { exact: true }).element() as HTMLInputElement;
    const hint = document.getElementById(folder.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toContain('The full path of an existing folder');
    expect(hint?.textContent).not.toContain('--export-folder');
  });
});
