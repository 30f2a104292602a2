/**
 * Every IPC channel of the desktop app answers only the app's own page (Electron's checklist,
 * item 17): the contract channel (ipc.ts), the job channels (job-ipc.ts) and the desktop channels
 * (desktop-ipc.ts), each registered with the real `isAppUrl` as index.ts does, against a fake
 * ipcMain. A foreign frame (another site, a file: page, a look-alike host, a frame that is gone)
 * is refused before anything runs. What needs the binary: that Electron fills `senderFrame` in.
 */
import { EventEmitter } from 'node:events';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { DESKTOP_CHANNELS } from '../../../src/shared/contract/desktop';
import { MAX_IMPORT_BYTES } from '../../../src/shared/contract/limits';
import { IPC_CHANNEL, JOB_CHANNELS } from '../../../src/shared/contract/operation-names';
import type { ServiceHandlers } from '../../../src/shared/contract/operations';
import type { JobHandlers } from '../../../src/shared/contract/jobs';

type Handler = (event: unknown, ...args: unknown[]) => unknown;
const fake = vi.hoisted(() => ({
  handlers: new Map<string, Handler>(),
  listeners: new Map<string, Handler>(),
  dialogs: [] as string[],
  /** What the next open dialogs answer (the user cancels unless a test says otherwise). */
  opened: { canceled: true, filePaths: [] } as { canceled: boolean; filePaths: string[] },
  openOptions: [] as unknown[],
}));

vi.mock('electron', () => ({
  app: { getPath: () => '/home/reader/Documents' },
  BrowserWindow: { fromWebContents: () => null },
  dialog: {
    showSaveDialog: async () => {
      fake.dialogs.push('save');
      return { canceled: true };
    },
    showOpenDialog: async (options: unknown) => {
      fake.dialogs.push('open');
      fake.openOptions.push(options);
      return fake.opened;
    },
  },
  ipcMain: {
    handle: (channel: string, handler: Handler) => fake.handlers.set(channel, handler),
    on: (channel: string, listener: Handler) => fake.listeners.set(channel, listener),
  },
}));

const { registerIpc } = await import('../../../src/main/electron/ipc');
const { registerJobIpc } = await import('../../../src/main/electron/job-ipc');
const { registerDesktopIpc } = await import('../../../src/main/electron/desktop-ipc');
const { createGrantedPaths } = await import('../../../src/main/electron/granted-paths');
const { isAppUrl } = await import('../../../src/main/electron/security');

const isTrustedUrl = (url: string) => isAppUrl(url, { devServerUrl: undefined });
const serviceCalls: string[] = [];
const service = new Proxy({} as ServiceHandlers, {
  get: (_target, name) => async () => {
    serviceCalls.push(String(name));
    return [];
  },
});
const jobCalls: string[] = [];
const jobs = new Proxy({} as JobHandlers, {
  get: (_target, name) => async () => {
    jobCalls.push(String(name));
    return {};
  },
});
const granted = createGrantedPaths();
registerIpc(service, isTrustedUrl);
registerJobIpc(jobs, isTrustedUrl);
registerDesktopIpc(isTrustedUrl, granted);

const FOREIGN_SENDERS: (string | null)[] = [
  'https://evil.example/',
  'file:///home/reader/Downloads/page.html',
  'app://marginalia.evil.example/index.html',
  'app://evil/index.html',
  'http://localhost:5173/', // the dev server, when the app is not in development
  'about:blank',
  'data:text/html,<script></script>',
  '',
  null, // the frame navigated away or was destroyed before the message was handled
];

class FakeSender extends EventEmitter {
  readonly id = 7;
  reloads = 0;
  send() {}
  isDestroyed() {
    return false;
  }
  reload() {
    this.reloads += 1;
  }
}

function eventFrom(url: string | null) {
  return { sender: new FakeSender(), senderFrame: url === null ? null : { url } };
}

describe('IPC senders', () => {
  it('R27 the contract channel runs operations for the app page only', async () => {
    for (const url of FOREIGN_SENDERS) {
      const answer = await fake.handlers.get(IPC_CHANNEL)!(eventFrom(url), 'listArticles', {});
      expect(answer, String(url)).toEqual({
        ok: false,
        error: { code: 'invalid_request', message: 'caller not allowed' },
      });
    }
    expect(serviceCalls).toEqual([]);
    const answer = await fake.handlers.get(IPC_CHANNEL)!(
      eventFrom('app://marginalia/index.html'),
      'listArticles',
      {},
    );
    expect(answer).toMatchObject({ ok: true });
    expect(serviceCalls).toEqual(['listArticles']);
  });

  it('R27 the job channel starts jobs for the app page only', async () => {
    for (const url of FOREIGN_SENDERS) {
      const answer = await fake.handlers.get(JOB_CHANNELS.run)!(
        eventFrom(url),
        'job-1',
        'importFiles',
        { paths: ['/etc/passwd'] },
      );
      expect(answer, String(url)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
    expect(jobCalls).toEqual([]);
  });

  it('R27 the desktop channels open no dialog for a foreign page', async () => {
    for (const channel of [
      DESKTOP_CHANNELS.saveFile,
      DESKTOP_CHANNELS.chooseFolder,
      DESKTOP_CHANNELS.chooseImportFiles,
      DESKTOP_CHANNELS.chooseArticleFile,
    ]) {
      for (const url of FOREIGN_SENDERS) {
        const answer = await fake.handlers.get(channel)!(eventFrom(url), {
          fileName: 'notes.md',
          content: 'x',
        });
        expect(answer, `${channel} ${url}`).toEqual({ ok: false, message: 'caller not allowed' });
      }
    }
    expect(fake.dialogs).toEqual([]);
    await fake.handlers.get(DESKTOP_CHANNELS.chooseFolder)!(
      eventFrom('app://marginalia/index.html'),
    );
    expect(fake.dialogs).toEqual(['open']);
  });

  it('R27 the reload channel reloads nothing for a foreign page', async () => {
    for (const url of FOREIGN_SENDERS) {
      const event = eventFrom(url);
      const answer = await fake.handlers.get(DESKTOP_CHANNELS.reloadWindow)!(event);
      expect(answer, String(url)).toEqual({ ok: false, message: 'caller not allowed' });
      expect(event.sender.reloads, String(url)).toBe(0);
    }
  });

  it('R25 the reload channel reloads the web contents of the app page that asked', async () => {
    // After a restore the window must read everything afresh; the page's own location.reload()
    // is a navigation, which the window refuses (security.ts), so the main process reloads it.
    const asking = eventFrom('app://marginalia/index.html');
    const other = eventFrom('app://marginalia/index.html');
    const answer = await fake.handlers.get(DESKTOP_CHANNELS.reloadWindow)!(asking);
    expect(answer).toEqual({ ok: true, value: null });
    expect(asking.sender.reloads).toBe(1);
    expect(other.sender.reloads).toBe(0);
  });

  it('R27 a foreign page cannot grant itself a path to import', () => {
    for (const url of FOREIGN_SENDERS) {
      fake.listeners.get(DESKTOP_CHANNELS.droppedPath)!(eventFrom(url), '/etc');
    }
    expect(granted.covers('/etc/passwd')).toBe(false);
    fake.listeners.get(DESKTOP_CHANNELS.droppedPath)!(
      eventFrom('app://marginalia/index.html'),
      '/home/reader/article.html',
    );
    expect(granted.covers('/home/reader/article.html')).toBe(true);
  });

  it('R27 every channel the app registers is one of these, all checked above', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(
      [
        IPC_CHANNEL,
        JOB_CHANNELS.run,
        DESKTOP_CHANNELS.saveFile,
        DESKTOP_CHANNELS.chooseFolder,
        DESKTOP_CHANNELS.chooseImportFiles,
        DESKTOP_CHANNELS.chooseArticleFile,
        DESKTOP_CHANNELS.reloadWindow,
      ].sort(),
    );
    // The two fire-and-forget channels: a cancel only reaches jobs of the same window (its
    // sender's id is part of the job's key, job-ipc.test.ts), a dropped path is checked above.
    expect([...fake.listeners.keys()].sort()).toEqual(
      [JOB_CHANNELS.cancel, DESKTOP_CHANNELS.droppedPath].sort(),
    );
  });
});

describe('the article file chooser (Update from file…)', () => {
  const APP_PAGE = 'app://marginalia/index.html';
  const choose = () => fake.handlers.get(DESKTOP_CHANNELS.chooseArticleFile)!(eventFrom(APP_PAGE));

  async function folder(): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-article-file-'));
    onTestFinished(async () => {
      fake.opened = { canceled: true, filePaths: [] };
      await rm(dir, { recursive: true, force: true });
    });
    return dir;
  }

  it('answers the chosen file’s base name and content, read by the main process', async () => {
    const dir = await folder();
    const file = path.join(dir, 'talks – v2.html');
    const content = '<p>NATO says Russia planned an attack, which Russia has denied. Ünïcode</p>';
    await writeFile(file, content);
    fake.opened = { canceled: false, filePaths: [file] };
    fake.openOptions.length = 0;
    const answer = await choose();
    expect(answer).toEqual({
      ok: true,
      value: {
        fileName: 'talks – v2.html',
        contentBase64: Buffer.from(content).toString('base64'),
      },
    });
    // One file, of the types Marginalia imports (the same list as the import dialog's).
    expect(fake.openOptions).toEqual([
      expect.objectContaining({
        properties: ['openFile'],
        filters: [{ name: 'Articles', extensions: expect.arrayContaining(['html', 'md', 'txt']) }],
      }),
    ]);
  });

  it('answers null when the user cancels', async () => {
    fake.opened = { canceled: true, filePaths: [] };
    expect(await choose()).toEqual({ ok: true, value: null });
  });

  it('refuses a file over the import cap, naming it, without answering its content', async () => {
    const dir = await folder();
    const file = path.join(dir, 'huge.txt');
    await writeFile(file, '');
    await truncate(file, MAX_IMPORT_BYTES + 1); // sparse: nothing much is written
    fake.opened = { canceled: false, filePaths: [file] };
    const answer = (await choose()) as { ok: boolean; message?: string };
    expect(answer.ok).toBe(false);
    expect(answer.message).toMatch(/^huge\.txt is larger than 25 MB \(25\.0 MB\)/);
  });

  it('reads a file of exactly the cap', async () => {
    const dir = await folder();
    const file = path.join(dir, 'edge.txt');
    await writeFile(file, '');
    await truncate(file, MAX_IMPORT_BYTES);
    fake.opened = { canceled: false, filePaths: [file] };
    const answer = (await choose()) as { ok: boolean; value: { contentBase64: string } };
    expect(answer.ok).toBe(true);
    expect(Buffer.from(answer.value.contentBase64, 'base64').length).toBe(MAX_IMPORT_BYTES);
  });
});
