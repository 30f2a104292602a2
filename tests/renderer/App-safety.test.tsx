/**
 * The window's safety in Chromium, with the contract's fake handlers as the client: the banners
 * come from getLibraryStatus (read-only, recovered at open), a refused change shows the service's
 * read_only words, a damaged article says so, and "Restore from backup…" (the library's button,
 * the File menu, the banners) restores the chosen file, reloads the window, and the window that
 * comes back offers "Undo restore", which restores the file kept aside. In the desktop app the
 * reload goes through the main process (the window refuses the page's own navigations), and a
 * note typed before a restore is stored before it starts, none after.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { App } from '../../src/renderer/src/App';
import type { AppCommand, DesktopBridge } from '../../src/shared/contract/desktop';
import { ServiceError } from '../../src/shared/contract/errors';
import type { LibraryStatus } from '../../src/shared/contract/library-safety';
import {
  DEFAULT_SETTINGS,
  type Article,
  type ArticleSummary,
} from '../../src/shared/contract/entities';
import type { OperationName } from '../../src/shared/contract/operation-names';
import type { Client, RequestOf, ResponseOf } from '../../src/shared/contract/operations';
import { formatBackupDate } from '../../src/renderer/src/safety/backup-format';
import { buildAnnotation, changesOf } from '../support/annotation-builder';
import { DAILY, WEEKLY } from './safety/fixtures';
import { until } from './safety/until';
import { cleanup, perform, render } from './react-harness';
import '../../src/renderer/src/styles.css';

const STATUS: LibraryStatus = {
  file: '/data/marginalia.db',
  backupsFolder: '/data/backups',
  readOnly: null,
  recovered: null,
};

const summary: ArticleSummary = {
  id: '0190d6e4-8f6b-7c3a-9d2e-1a2b3c4d5e6f',
  title: 'Negotiations continue between Western and Russian diplomats',
  byline: 'Simon C.',
  site: null,
  sourceUrl: null,
  publishedAt: '2022-02-11',
  addedAt: '2024-05-01T10:00:00.000Z',
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
  ...summary,
  document: {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Talks continue.' }] }],
  },
  contentHash: 'sha256:0',
  damaged: false,
  readingPosition: null,
};
/** The backup a restore keeps aside, as the service names it. */
const KEPT_ASIDE = { ...DAILY, kind: 'before-restore' as const, file: '/data/backups/kept.db' };

type Handlers = {
  [K in OperationName]?: (request: RequestOf<K>) => ResponseOf<K> | Promise<ResponseOf<K>>;
};

/** A service answering what the window asks, recording each call; a test may replace a handler. */
function fakeClient(status: LibraryStatus = STATUS) {
  /** Every call, in the order the window made them. */
  const calls: { operation: OperationName; request: unknown }[] = [];
  const handlers: Handlers = {
    listArticles: () => ({ articles: [summary] }),
    getSettings: () => ({ settings: DEFAULT_SETTINGS }),
    getArticle: () => ({ article: ARTICLE }),
    listAnnotations: () => ({ annotations: [] }),
    listTags: () => ({ tags: [] }),
    listSpeakers: () => ({ speakers: [] }),
    listClaimTypes: () => ({ types: [] }),
    setReadingPosition: () => ({}),
    deleteArticle: ({ id }) => ({ id, changes: changesOf() }),
    getLibraryStatus: () => ({ status }),
    listBackups: () => ({ backups: [DAILY, WEEKLY] }),
    backupNow: async () => ({ backup: DAILY }),
    restoreBackup: async ({ file }) => ({
      restored: [DAILY, WEEKLY, KEPT_ASIDE].find((b) => b.file === file) ?? DAILY,
      keptAside: KEPT_ASIDE,
    }),
  };
  // Each call finds the handler as it is then, so a test may replace one after rendering.
  const client = new Proxy({} as Client, {
    get: (_target, operation: OperationName) => async (request: unknown) => {
      calls.push({ operation, request });
      const handler = handlers[operation] as ((request: unknown) => unknown) | undefined;
      if (!handler) throw new Error(`the fake service does not answer ${operation}`);
      return handler(request);
    },
  });
  const called = (operation: OperationName) =>
    calls.filter((c) => c.operation === operation).map((c) => c.request);
  return { handlers, client, called, calls };
}

const button = (name: string) =>
  page.getByRole('button', { name, exact: true }).element() as HTMLButtonElement;
const dialog = () => page.getByRole('dialog', { name: 'Restore from backup' });
const errorBanner = () => document.querySelector('.error-banner')?.textContent ?? '';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Opens the article from the library, once listed; answers when the reader shows it. */
async function openArticle() {
  const listed = await until(
    () =>
      page
        .getByRole('navigation', { name: 'Library' })
        .getByRole('button', { name: summary.title })
        .element() as HTMLButtonElement,
  );
  await perform(() => listed.click());
  await until(() => expect(document.querySelector('.reader')).not.toBeNull());
}

/** Opens "Restore from backup…", chooses the backup named by `name` and asks to restore it. */
async function askToRestore(name: RegExp) {
  await perform(() => button('Restore from backup…').click());
  const radio = await until(
    () => dialog().getByRole('radio', { name }).element() as HTMLInputElement,
  );
  await perform(() => radio.click());
  await perform(() => button('Restore…').click());
  await until(() => button('Restore this backup'));
}

/** The desktop bridge, as the preload gives it, with the main process's reload as a spy. */
function fakeDesktop(reloadWindow: DesktopBridge['reloadWindow'] = async () => {}) {
  const listeners = new Set<(command: AppCommand) => void>();
  const desktop = {
    saveFile: async () => null,
    chooseFolder: async () => null,
    chooseImportFiles: async () => null,
    pathForFile: () => null,
    onCommand: (listener: (command: AppCommand) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    reloadWindow: vi.fn(reloadWindow),
  };
  window.marginalia = { desktop } as unknown as NonNullable<Window['marginalia']>;
  return { desktop, listeners };
}

/** Types into a field the way a keystroke does, so React's onChange sees it. */
async function typeInto(field: HTMLTextAreaElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  await act(async () => {
    setter?.call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

afterEach(async () => {
  await cleanup();
  sessionStorage.clear();
  delete window.marginalia;
});

describe('App: the library’s status', () => {
  it('R19 a read-only library: a banner, and a refused change shows the service’s words', async () => {
    const { handlers, client } = fakeClient({
      ...STATUS,
      readOnly: { reason: 'the folder /data is not writable' },
    });
    const refusal = 'The library /data/marginalia.db is open read-only: nothing was changed.';
    handlers.deleteArticle = () => {
      throw new ServiceError('read_only', refusal);
    };
    await render(<App client={client} reload={() => {}} />);
    await until(() =>
      expect(page.getByRole('status', { name: 'Read-only library' }).element().textContent).toBe(
        'This library is open read-only: the folder /data is not writable. Changes can’t be saved.',
      ),
    );
    await openArticle();
    await perform(() => button('Delete article').click());
    await until(() => expect(errorBanner()).toContain(refusal));
    // The banner stays: the library is still read-only.
    expect(page.getByRole('status', { name: 'Read-only library' }).elements()).toHaveLength(1);
  });

  it('R22 recovered at open: the notice at start; dismissed, it stays dismissed after a reload', async () => {
    const { client } = fakeClient({
      ...STATUS,
      recovered: {
        problem: 'page 3 is damaged',
        movedTo: '/data/damaged/2024-05-03',
        openedFrom: 'backup',
        backup: DAILY,
      },
    });
    const first = await render(<App client={client} reload={() => {}} />);
    const alert = await until(() =>
      page.getByRole('alert', { name: 'The library was damaged' }).element(),
    );
    expect(alert.textContent).toContain('(page 3 is damaged)');
    expect(alert.querySelector('code')?.textContent).toBe('/data/damaged/2024-05-03');
    expect(alert.textContent).toContain(`the daily backup of ${formatBackupDate(DAILY.createdAt)}`);

    await perform(() =>
      (
        page
          .getByRole('alert', { name: 'The library was damaged' })
          .getByRole('button', { name: 'Restore from backup…' })
          .element() as HTMLButtonElement
      ).click(),
    );
    await until(() => expect(dialog().element().textContent).toContain('/data/backups'));
    await perform(() => button('Close').click());

    await perform(() => button('Dismiss').click());
    expect(page.getByRole('alert', { name: 'The library was damaged' }).elements()).toHaveLength(0);
    await first.unmount();
    await render(<App client={client} reload={() => {}} />);
    // The status is read again (the dialog shows its backups folder): still no notice.
    await perform(() => button('Restore from backup…').click());
    await until(() => expect(dialog().element().textContent).toContain('/data/backups'));
    expect(page.getByRole('alert', { name: 'The library was damaged' }).elements()).toHaveLength(0);
  });

  it('without a status (the service cannot say), no banner, and the library still opens', async () => {
    const { handlers, client } = fakeClient();
    handlers.getLibraryStatus = () => {
      throw new ServiceError('internal', 'not built yet');
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await render(<App client={client} reload={() => {}} />);
    await until(() => expect(warn).toHaveBeenCalled());
    warn.mockRestore();
    expect(document.querySelector('.safety-banner, .error-banner')).toBeNull();
    await openArticle();
    expect(page.getByRole('button', { name: 'Delete article' }).elements()).toHaveLength(1);
  });
});

describe('App: a damaged article', () => {
  it('R22 shows the warning in the reader, and its button opens Restore from backup', async () => {
    const { handlers, client } = fakeClient();
    handlers.getArticle = () => ({ article: { ...ARTICLE, damaged: true } });
    await render(<App client={client} reload={() => {}} />);
    await openArticle();
    const banner = page.getByRole('alert', { name: 'Damaged article' }).element();
    expect(banner.textContent).toContain('doesn’t match its checksum: it may be damaged.');
    expect(banner.closest('.reader')).not.toBeNull();
    await perform(() =>
      (
        page
          .getByRole('alert', { name: 'Damaged article' })
          .getByRole('button', { name: 'Restore from backup…' })
          .element() as HTMLButtonElement
      ).click(),
    );
    expect(dialog().elements()).toHaveLength(1);
  });

  it('an intact article has no warning', async () => {
    const { client } = fakeClient();
    await render(<App client={client} reload={() => {}} />);
    await openArticle();
    expect(page.getByRole('alert', { name: 'Damaged article' }).elements()).toHaveLength(0);
  });
});

describe('App: restoring a backup', () => {
  it('R25 restores the chosen file, reloads, and the notice after the reload undoes it with the file kept aside', async () => {
    const { client, called } = fakeClient();
    const reload = vi.fn();
    const first = await render(<App client={client} reload={reload} />);
    await askToRestore(/Weekly/);
    expect(called('restoreBackup')).toEqual([]);
    await perform(() => button('Restore this backup').click());
    await until(() => expect(reload).toHaveBeenCalledOnce());
    expect(called('restoreBackup')).toEqual([{ file: WEEKLY.file }]);

    // The window after the reload: what was restored, and Undo.
    await first.unmount();
    const second = await render(<App client={client} reload={reload} />);
    const notice = page.getByRole('status', { name: 'Library restored' }).element();
    expect(notice.textContent).toContain(
      `Restored the weekly backup of ${formatBackupDate(WEEKLY.createdAt)}: 1 article, 1 annotation.`,
    );
    await perform(() => button('Undo restore').click());
    await until(() => expect(reload).toHaveBeenCalledTimes(2));
    expect(called('restoreBackup')).toEqual([{ file: WEEKLY.file }, { file: KEPT_ASIDE.file }]);

    await second.unmount();
    await render(<App client={client} reload={reload} />);
    expect(page.getByRole('status', { name: 'Library restored' }).element().textContent).toContain(
      'Restore undone: your library is back as it was',
    );
    expect(page.getByRole('button', { name: 'Undo restore' }).elements()).toHaveLength(0);
  });

  it('an undo the service refuses is shown, and can be tried again', async () => {
    const { handlers, client } = fakeClient();
    const restore = handlers.restoreBackup;
    handlers.restoreBackup = () =>
      Promise.reject(new ServiceError('read_only', 'The library is open read-only.'));
    sessionStorage.setItem(
      'marginalia.restore-notice',
      JSON.stringify({
        kind: 'restored',
        outcome: { restored: WEEKLY, keptAside: { ...DAILY, kind: 'before-restore' } },
      }),
    );
    const reload = vi.fn();
    await render(<App client={client} reload={reload} />);
    await perform(() => button('Undo restore').click());
    await until(() =>
      expect(errorBanner()).toContain('Undoing the restore failed: The library is open read-only.'),
    );
    expect(reload).not.toHaveBeenCalled();
    handlers.restoreBackup = restore;
    await perform(() => button('Undo restore').click());
    await until(() => expect(reload).toHaveBeenCalledOnce());
  });

  it('the File menu’s Restore from Backup… opens the dialog', async () => {
    const { listeners } = fakeDesktop();
    const { client } = fakeClient();
    await render(<App client={client} reload={() => {}} />);
    await until(() => expect(listeners.size).toBeGreaterThan(0));
    expect(dialog().elements()).toHaveLength(0);
    await act(async () => {
      for (const listener of listeners) listener({ type: 'restore-backup' });
    });
    await until(() =>
      expect(document.activeElement).toBe(dialog().getByRole('radio').elements()[0]),
    );
  });
});

describe('App: the reload after a restore, in the desktop app', () => {
  it('R25 asks the main process to reload the window: the page’s own reload is a navigation the window refuses', async () => {
    // No `reload` given: the app's own choice. Had it called location.reload(), this test's
    // frame would have reloaded (safety/reload-window.test.ts checks it is never called).
    const { desktop } = fakeDesktop();
    const { client, called } = fakeClient();
    await render(<App client={client} />);
    await askToRestore(/Weekly/);
    await perform(() => button('Restore this backup').click());
    await until(() => expect(desktop.reloadWindow).toHaveBeenCalledOnce());
    expect(called('restoreBackup')).toEqual([{ file: WEEKLY.file }]);
    // The notice for the window that comes back is written before it reloads.
    expect(sessionStorage.getItem('marginalia.restore-notice')).toContain(WEEKLY.file);
  });

  it('R25 a reload the main process could not do says to open the app again', async () => {
    fakeDesktop(async () => {
      throw new Error('the window is gone');
    });
    const { client } = fakeClient();
    await render(<App client={client} />);
    await askToRestore(/Weekly/);
    await perform(() => button('Restore this backup').click());
    await until(() =>
      expect(errorBanner()).toContain(
        'The library was restored, but the window could not reload (the window is gone)',
      ),
    );
  });
});

describe('App: a note typed around a restore', () => {
  /**
   * The article with one annotation, whose note saves wait until `letSavesThrough` (so a save is
   * still on its way when the restore is asked for), and a restore that waits for `restoring`.
   */
  function noteSetup() {
    const fake = fakeClient();
    const annotation = buildAnnotation({
      articleId: summary.id,
      text: 'Talks continue.',
      exact: 'Talks',
    });
    let stored = annotation;
    const saves = deferred<void>();
    const restoring = deferred<Awaited<ResponseOf<'restoreBackup'>>>();
    fake.handlers.listAnnotations = () => ({ annotations: [stored] });
    fake.handlers.updateAnnotation = async ({ note }) => {
      await saves.promise;
      stored = { ...stored, note: note ?? stored.note };
      return { annotation: stored, changes: changesOf({ annotations: [stored] }) };
    };
    fake.handlers.restoreBackup = () => restoring.promise;
    const notes = () => fake.called('updateAnnotation') as { id: string; note?: string }[];
    return { ...fake, annotation, restoring, notes, letSavesThrough: () => saves.resolve() };
  }

  /** Opens the article, edits the annotation's note and types `text`; answers the field. */
  async function typeNote(text: string) {
    await openArticle();
    const card = page.getByRole('article', { name: /^Annotation:/ });
    await until(() => card.element());
    await act(() => userEvent.click(card.getByRole('button', { name: 'Edit' })));
    const field = page.getByLabelText('Note', { exact: true }).element() as HTMLTextAreaElement;
    await act(() => userEvent.type(field, text));
    return field;
  }

  it('R25 a note typed before the restore is stored first, into the library kept aside; none is sent after', async () => {
    const { client, calls, annotation, restoring, notes, letSavesThrough } = noteSetup();
    const reload = vi.fn();
    await render(<App client={client} reload={reload} />);
    const field = await typeNote('Check the dates');
    expect(notes().length).toBeGreaterThan(0); // the first keystroke's save is on its way

    await askToRestore(/Weekly/);
    await perform(() => button('Restore this backup').click());
    // The restore waits for the note's saves: they land in the library the restore keeps aside.
    expect(operationsOf(calls)).not.toContain('restoreBackup');
    letSavesThrough();
    await until(() => expect(operationsOf(calls)).toContain('restoreBackup'));
    const order = operationsOf(calls).filter(
      (op) => op === 'updateAnnotation' || op === 'restoreBackup',
    );
    expect(order.at(-1)).toBe('restoreBackup');
    expect(notes().at(-1)).toEqual({ id: annotation.id, note: 'Check the dates' });
    const sent = notes().length;

    // A keystroke that slips in while the restore runs is held, not sent...
    await typeInto(field, 'Check the dates again');
    expect(notes()).toHaveLength(sent);
    restoring.resolve({ restored: WEEKLY, keptAside: KEPT_ASIDE });
    await until(() => expect(reload).toHaveBeenCalledOnce());
    // ...and never sent: not as the page goes away for the reload either.
    await act(async () => {
      window.dispatchEvent(new Event('beforeunload'));
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
    });
    expect(notes()).toHaveLength(sent);
  });

  it('R25 a note typed while a restore runs is saved once the restore failed', async () => {
    const { client, annotation, restoring, notes, letSavesThrough } = noteSetup();
    letSavesThrough();
    const reload = vi.fn();
    await render(<App client={client} reload={reload} />);
    const field = await typeNote('Dates');
    await until(() => expect(notes().at(-1)?.note).toBe('Dates'));

    await askToRestore(/Weekly/);
    await perform(() => button('Restore this backup').click());
    await typeInto(field, 'Dates checked');
    expect(notes().at(-1)?.note).toBe('Dates');
    restoring.reject(new ServiceError('storage_full', 'The disk holding /data is full.'));
    await until(() => expect(notes().at(-1)).toEqual({ id: annotation.id, note: 'Dates checked' }));
    expect(reload).not.toHaveBeenCalled();
  });
});

/** The operations called, in order. */
function operationsOf(calls: readonly { operation: OperationName }[]): OperationName[] {
  return calls.map((c) => c.operation);
}
