/**
 * The window's safety in Chromium, with the contract's fake handlers as the client: the banners
 * come from getLibraryStatus (read-only, recovered at open), a refused change shows the service's
 * read_only words, a damaged article says so, and "Restore from backup…" (the library's button,
 * the File menu, the banners) restores the chosen file, reloads the window, and the window that
 * comes back offers "Undo restore", which restores the file kept aside.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { App } from '../../src/renderer/src/App';
import type { AppCommand } from '../../src/shared/contract/desktop';
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
import { changesOf } from '../support/annotation-builder';
import { DAILY, WEEKLY } from './safety/fixtures';
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
  return { handlers, client, called };
}

const settle = () => act(async () => new Promise((r) => setTimeout(r, 20)));
const button = (name: string) =>
  page.getByRole('button', { name, exact: true }).element() as HTMLButtonElement;
const dialog = () => page.getByRole('dialog', { name: 'Restore from backup' });

async function openArticle() {
  await perform(() =>
    (
      page
        .getByRole('navigation', { name: 'Library' })
        .getByRole('button', { name: summary.title })
        .element() as HTMLButtonElement
    ).click(),
  );
  await settle();
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
    await settle();
    expect(page.getByRole('status', { name: 'Read-only library' }).element().textContent).toBe(
      'This library is open read-only: the folder /data is not writable. Changes can’t be saved.',
    );
    await openArticle();
    await perform(() => button('Delete article').click());
    await settle();
    expect(document.querySelector('.error-banner')?.textContent).toContain(refusal);
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
    await settle();
    const alert = page.getByRole('alert', { name: 'The library was damaged' }).element();
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
    await settle();
    expect(dialog().elements()).toHaveLength(1);
    expect(dialog().element().textContent).toContain('/data/backups');
    await perform(() => button('Close').click());

    await perform(() => button('Dismiss').click());
    expect(page.getByRole('alert', { name: 'The library was damaged' }).elements()).toHaveLength(0);
    await first.unmount();
    await render(<App client={client} reload={() => {}} />);
    await settle();
    expect(page.getByRole('alert', { name: 'The library was damaged' }).elements()).toHaveLength(0);
  });

  it('without a status (the service cannot say), no banner, and the library still opens', async () => {
    const { handlers, client } = fakeClient();
    handlers.getLibraryStatus = () => {
      throw new ServiceError('internal', 'not built yet');
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await render(<App client={client} reload={() => {}} />);
    await settle();
    expect(warn).toHaveBeenCalled();
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
    await settle();
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
    await settle();
    expect(dialog().elements()).toHaveLength(1);
  });

  it('an intact article has no warning', async () => {
    const { client } = fakeClient();
    await render(<App client={client} reload={() => {}} />);
    await settle();
    await openArticle();
    expect(page.getByRole('alert', { name: 'Damaged article' }).elements()).toHaveLength(0);
  });
});

describe('App: restoring a backup', () => {
  it('R25 restores the chosen file, reloads, and the notice after the reload undoes it with the file kept aside', async () => {
    const { client, called } = fakeClient();
    const reload = vi.fn();
    const first = await render(<App client={client} reload={reload} />);
    await settle();
    await perform(() => button('Restore from backup…').click());
    await settle();
    const weekly = dialog()
      .getByRole('radio', { name: /Weekly/ })
      .element() as HTMLInputElement;
    await perform(() => weekly.click());
    await perform(() => button('Restore…').click());
    await settle();
    expect(called('restoreBackup')).toEqual([]);
    await perform(() => button('Restore this backup').click());
    await settle();
    expect(called('restoreBackup')).toEqual([{ file: WEEKLY.file }]);
    expect(reload).toHaveBeenCalledOnce();

    // The window after the reload: what was restored, and Undo.
    await first.unmount();
    const second = await render(<App client={client} reload={reload} />);
    await settle();
    const notice = page.getByRole('status', { name: 'Library restored' }).element();
    expect(notice.textContent).toContain(
      `Restored the weekly backup of ${formatBackupDate(WEEKLY.createdAt)}: 1 article, 1 annotation.`,
    );
    await perform(() => button('Undo restore').click());
    await settle();
    expect(called('restoreBackup')).toEqual([{ file: WEEKLY.file }, { file: KEPT_ASIDE.file }]);
    expect(reload).toHaveBeenCalledTimes(2);

    await second.unmount();
    await render(<App client={client} reload={reload} />);
    await settle();
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
    await settle();
    await perform(() => button('Undo restore').click());
    await settle();
    expect(document.querySelector('.error-banner')?.textContent).toContain(
      'Undoing the restore failed: The library is open read-only.',
    );
    expect(reload).not.toHaveBeenCalled();
    handlers.restoreBackup = restore;
    await perform(() => button('Undo restore').click());
    await settle();
    expect(reload).toHaveBeenCalledOnce();
  });

  it('the File menu’s Restore from Backup… opens the dialog', async () => {
    const listeners = new Set<(command: AppCommand) => void>();
    window.marginalia = {
      desktop: {
        saveFile: async () => null,
        chooseFolder: async () => null,
        chooseImportFiles: async () => null,
        pathForFile: () => null,
        onCommand: (listener: (command: AppCommand) => void) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      },
    } as unknown as NonNullable<Window['marginalia']>;
    const { client } = fakeClient();
    await render(<App client={client} reload={() => {}} />);
    await settle();
    expect(dialog().elements()).toHaveLength(0);
    await act(async () => {
      for (const listener of listeners) listener({ type: 'restore-backup' });
    });
    await settle();
    expect(dialog().elements()).toHaveLength(1);
    expect(document.activeElement).toBe(dialog().getByRole('radio').elements()[0]);
  });
});
