/**
 * Jobs over IPC, checked under Node with 'electron' stubbed: the handler answers the job's Result,
 * progress goes to the calling window with the job's id, a cancel message from that window stops
 * it (and only that window's job), a window that goes away cancels its jobs, and an untrusted
 * page is refused. The Electron binary itself is not needed for these rules.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { JobHandlers } from '../../../src/shared/contract/jobs';
import { JOB_CHANNELS } from '../../../src/shared/contract/operation-names';

type Handler = (event: unknown, ...args: unknown[]) => unknown;
const handlers = new Map<string, Handler>();
const listeners = new Map<string, Handler>();

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
    on: (channel: string, listener: Handler) => listeners.set(channel, listener),
  },
}));

const { registerJobIpc, importsOnlyGranted } = await import('../../../src/main/electron/job-ipc');
const { createGrantedPaths } = await import('../../../src/main/electron/granted-paths');

class FakeSender extends EventEmitter {
  static next = 1;
  readonly id = FakeSender.next++;
  readonly sent: unknown[][] = [];
  destroyed = false;
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  isDestroyed() {
    return this.destroyed;
  }
}

function eventFrom(sender: FakeSender, url = 'app://marginalia/index.html') {
  return { sender, senderFrame: { url } };
}

/** A job that reports each step and stops at the step after a cancel. */
function steppingJobs(steps = 50): JobHandlers {
  return {
    importUrl: () => Promise.reject(new Error('not used here')),
    checkArticles: () => Promise.reject(new Error('not used here')),
    importFiles: async (_request, { progress, signal }) => {
      let done = 0;
      for (; done < steps; done++) {
        if (signal.aborted) break;
        progress({ done, total: steps, current: `f${done}` });
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      return {
        items: [],
        skipped: 0,
        cancelled: signal.aborted,
        stoppedBy: null,
        changes: { annotations: [], removedAnnotations: [], articles: [], removedArticles: [] },
      };
    },
  };
}

registerJobIpc(
  steppingJobs(),
  (url) => url.startsWith('app://marginalia/'),
  (_name, payload) =>
    (payload as { paths?: unknown[] }).paths?.includes('/etc') ? 'not granted' : null,
);
const run = handlers.get(JOB_CHANNELS.run)!;
const cancel = listeners.get(JOB_CHANNELS.cancel)!;

describe('jobs over IPC', () => {
  it('answers the result and sends progress to the calling window with the job id', async () => {
    const sender = new FakeSender();
    const result = (await run(eventFrom(sender), 'job-a', 'importFiles', { paths: ['/x'] })) as {
      ok: boolean;
      value: { cancelled: boolean };
    };
    expect(result).toMatchObject({ ok: true, value: { cancelled: false } });
    expect(sender.sent).toHaveLength(50);
    expect(sender.sent[0]).toEqual([
      JOB_CHANNELS.progress,
      'job-a',
      { done: 0, total: 50, current: 'f0' },
    ]);
  });

  it('a cancel from the same window stops it; one from another window does not', async () => {
    const sender = new FakeSender();
    const other = new FakeSender();
    const pending = run(eventFrom(sender), 'job-b', 'importFiles', { paths: ['/x'] });
    await new Promise((resolve) => setTimeout(resolve, 5));
    cancel(eventFrom(other), 'job-b');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(sender.sent.length).toBeGreaterThan(2);
    cancel(eventFrom(sender), 'job-b');
    const result = (await pending) as { ok: true; value: { cancelled: boolean } };
    expect(result.value.cancelled).toBe(true);
    expect(sender.sent.length).toBeLessThan(50);
  });

  it('a window that goes away cancels its job', async () => {
    const sender = new FakeSender();
    const pending = run(eventFrom(sender), 'job-c', 'importFiles', { paths: ['/x'] });
    await new Promise((resolve) => setTimeout(resolve, 5));
    sender.destroyed = true;
    sender.emit('destroyed');
    const result = (await pending) as { ok: true; value: { cancelled: boolean } };
    expect(result.value.cancelled).toBe(true);
  });

  it('refuses an untrusted page, a malformed id, an unknown job and a bad request', async () => {
    const sender = new FakeSender();
    expect(
      await run(eventFrom(sender, 'https://evil.example/'), 'j', 'importFiles', { paths: ['/x'] }),
    ).toMatchObject({ ok: false, error: { message: 'caller not allowed' } });
    expect(await run(eventFrom(sender), 42, 'importFiles', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await run(eventFrom(sender), 'j', 'formatDisk', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_operation' },
    });
    expect(await run(eventFrom(sender), 'j', 'importFiles', { paths: ['/etc'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: 'not granted' },
    });
    expect(await run(eventFrom(sender), 'j', 'importFiles', { paths: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(sender.sent).toEqual([]);
  });
});

describe('imports by path read only what the user chose or dropped', () => {
  it('covers a chosen file, anything inside a chosen folder, and nothing else', () => {
    const granted = createGrantedPaths();
    granted.grant(['/home/me/Saved', '/home/me/notes.md', 'relative/ignored']);
    expect(granted.covers('/home/me/Saved')).toBe(true);
    expect(granted.covers('/home/me/Saved/sub/page.html')).toBe(true);
    expect(granted.covers('/home/me/notes.md')).toBe(true);
    expect(granted.covers('/home/me/Saved/../secret.txt')).toBe(false);
    expect(granted.covers('/home/me/SavedOther/x.html')).toBe(false);
    expect(granted.covers('/home/me/other.md')).toBe(false);
    expect(granted.covers('/etc/passwd')).toBe(false);
    expect(granted.covers('relative/ignored')).toBe(false);
  });

  it('refuses a job over a path the page made up, and runs one over a granted path', async () => {
    const granted = createGrantedPaths();
    granted.grant(['/home/me/Saved']);
    const authorize = importsOnlyGranted(granted);
    expect(authorize('importFiles', { paths: ['/home/me/Saved/a.html'] })).toBeNull();
    expect(authorize('importFiles', { paths: ['/home/me/Saved/a.html', '/etc/passwd'] })).toMatch(
      /only files and folders you chose or dropped \(\/etc\/passwd\)/,
    );
    expect(authorize('importFiles', { paths: [42] })).toMatch(/chose or dropped/);
  });
});
