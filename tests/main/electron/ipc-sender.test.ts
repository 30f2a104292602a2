/**
 * Every IPC channel of the desktop app answers only the app's own page (Electron's checklist,
 * item 17): the contract channel (ipc.ts), the job channels (job-ipc.ts) and the desktop channels
 * (desktop-ipc.ts), each registered with the real `isAppUrl` as index.ts does, against a fake
 * ipcMain. A foreign frame (another site, a file: page, a look-alike host, a frame that is gone)
 * is refused before anything runs. What needs the binary: that Electron fills `senderFrame` in.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_CHANNELS } from '../../../src/shared/contract/desktop';
import { IPC_CHANNEL, JOB_CHANNELS } from '../../../src/shared/contract/operation-names';
import type { ServiceHandlers } from '../../../src/shared/contract/operations';
import type { JobHandlers } from '../../../src/shared/contract/jobs';

type Handler = (event: unknown, ...args: unknown[]) => unknown;
const fake = vi.hoisted(() => ({
  handlers: new Map<string, Handler>(),
  listeners: new Map<string, Handler>(),
  dialogs: [] as string[],
}));

vi.mock('electron', () => ({
  app: { getPath: () => '/home/reader/Documents' },
  BrowserWindow: { fromWebContents: () => null },
  dialog: {
    showSaveDialog: async () => {
      fake.dialogs.push('save');
      return { canceled: true };
    },
    showOpenDialog: async () => {
      fake.dialogs.push('open');
      return { canceled: true, filePaths: [] };
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
