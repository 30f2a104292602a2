/**
 * What the preload gives the page (Electron's checklist, item 20: no Electron API reaches the
 * page): src/preload/index.ts loaded with a fake contextBridge and ipcRenderer. The exposed object
 * holds only functions (and the two plain objects grouping them); each sends on one of the known
 * channels; none is ipcRenderer or one of its methods, and nothing passes the IPC event on. The
 * built bundle is checked the same way, in a sandbox-like VM, by tests/electron/preload-bundle.
 */
import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_CHANNELS } from '../../../src/shared/contract/desktop';
import {
  IPC_CHANNEL,
  JOB_CHANNELS,
  OPERATION_NAMES,
} from '../../../src/shared/contract/operation-names';

const fake = await vi.hoisted(async () => {
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const sent: unknown[][] = [];
  const subscriptions = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  const ipcRenderer = {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return { ok: true, value: null };
    },
    send: (...args: unknown[]) => void sent.push(args),
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      subscriptions.set(channel, listener);
    },
  };
  return { exposed, invoked, sent, subscriptions, ipcRenderer };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api),
  },
  ipcRenderer: fake.ipcRenderer,
  webUtils: { getPathForFile: () => '/home/reader/dropped.html' },
}));

await import('../../../src/preload/index');

const KNOWN_CHANNELS = new Set<string>([
  IPC_CHANNEL,
  ...Object.values(JOB_CHANNELS),
  ...Object.values(DESKTOP_CHANNELS),
]);

/** Every value reachable from the exposed object, with its path. */
function leaves(value: unknown, at = 'marginalia'): [string, unknown][] {
  if (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    return Object.entries(value).flatMap(([key, inner]) => leaves(inner, `${at}.${key}`));
  }
  return [[at, value]];
}

describe('the preload', () => {
  const bridge = fake.exposed.get('marginalia') as Record<string, unknown>;

  it('exposes one object, window.marginalia, and nothing else', () => {
    expect([...fake.exposed.keys()]).toEqual(['marginalia']);
  });

  it('exposes exactly the contract operations plus jobs and desktop', () => {
    expect(Object.keys(bridge).sort()).toEqual([...OPERATION_NAMES, 'desktop', 'jobs'].sort());
    expect(Object.keys(bridge['jobs'] as object).sort()).toEqual(['cancel', 'run']);
    expect(Object.keys(bridge['desktop'] as object).sort()).toEqual(
      [
        'chooseArticleFile',
        'chooseFolder',
        'chooseImportFiles',
        'onCommand',
        'pathForFile',
        'reloadWindow',
        'saveFile',
      ].sort(),
    );
  });

  it('every exposed value is a function of its own, never ipcRenderer or its methods', () => {
    const rendererMethods = new Set<unknown>(Object.values(fake.ipcRenderer));
    for (const [at, value] of leaves(bridge)) {
      expect(typeof value, at).toBe('function');
      expect(rendererMethods.has(value), at).toBe(false);
      expect(value, at).not.toBe(fake.ipcRenderer);
    }
  });

  it('each operation sends its name and payload on the one contract channel', async () => {
    fake.invoked.length = 0;
    for (const name of OPERATION_NAMES) {
      await (bridge[name] as (payload: unknown) => Promise<unknown>)({ probe: name });
    }
    expect(fake.invoked).toEqual(
      OPERATION_NAMES.map((name) => [IPC_CHANNEL, name, { probe: name }]),
    );
  });

  it('jobs and desktop functions use only the known channels', async () => {
    fake.invoked.length = 0;
    fake.sent.length = 0;
    const jobs = bridge['jobs'] as {
      run: (id: string, name: string, payload: unknown, progress: () => void) => Promise<unknown>;
      cancel: (id: string) => void;
    };
    const desktop = bridge['desktop'] as Record<string, (...args: unknown[]) => unknown>;
    await jobs.run('job-1', 'importFiles', { paths: [] }, () => {});
    jobs.cancel('job-1');
    await desktop['saveFile']!({ fileName: 'notes.md', content: '# Notes' });
    await desktop['chooseFolder']!();
    await desktop['chooseImportFiles']!();
    await desktop['chooseArticleFile']!();
    desktop['pathForFile']!({});
    await desktop['reloadWindow']!();
    const channels = [...fake.invoked, ...fake.sent].map((call) => call[0]);
    expect(channels.length).toBe(8);
    for (const channel of channels)
      expect(KNOWN_CHANNELS.has(String(channel)), String(channel)).toBe(true);
    for (const channel of fake.subscriptions.keys()) expect(KNOWN_CHANNELS.has(channel)).toBe(true);
  });

  it('chooseArticleFile asks on its own channel, with nothing from the page, and answers the file', async () => {
    fake.invoked.length = 0;
    const desktop = bridge['desktop'] as {
      chooseArticleFile: (...args: unknown[]) => Promise<unknown>;
    };
    // The main process shows the dialog and reads the file: the page names no path.
    await expect(desktop.chooseArticleFile('/etc/passwd')).resolves.toBeNull();
    expect(fake.invoked).toEqual([[DESKTOP_CHANNELS.chooseArticleFile]]);
  });

  it('reloadWindow asks the main process to reload, on its own channel, with nothing else', async () => {
    fake.invoked.length = 0;
    const desktop = bridge['desktop'] as { reloadWindow: (...args: unknown[]) => Promise<unknown> };
    // Whatever the page passes, only the channel's name goes to the main process.
    await expect(desktop.reloadWindow('https://evil.example/')).resolves.toBeUndefined();
    expect(fake.invoked).toEqual([[DESKTOP_CHANNELS.reloadWindow]]);
  });

  it('a command from the main process reaches the page without the IPC event', () => {
    const desktop = bridge['desktop'] as {
      onCommand: (listener: (...args: unknown[]) => void) => () => void;
    };
    const received: unknown[][] = [];
    const stop = desktop.onCommand((...args) => received.push(args));
    const event = { sender: fake.ipcRenderer, senderFrame: {} };
    fake.subscriptions.get(DESKTOP_CHANNELS.command)!(event, {
      type: 'open-link',
      url: 'marginalia://x',
    });
    stop();
    expect(received).toEqual([[{ type: 'open-link', url: 'marginalia://x' }]]);
  });
});
