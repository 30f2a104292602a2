/**
 * The preload: exposes `window.marginalia`, one method per contract operation, each sending its
 * payload over the single IPC channel, and `desktop`: the native save, open and folder dialogs, the
 * window's reload and the commands the main process sends (menu items, `marginalia://` links). Nothing else reaches the
 * page: no IpcRendererEvent, no ipcRenderer.
 *
 * Sandboxed, bundled into one CommonJS file: only 'electron' is imported at run time (plus the
 * contract's constant objects, bundled in).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { DesktopReply } from '../main/electron/desktop-ipc';
import {
  DESKTOP_CHANNELS,
  type AppCommand,
  type ChosenArticleFile,
  type DesktopBridge,
  type SaveFileRequest,
} from '../shared/contract/desktop';
import { IPC_CHANNEL, JOB_CHANNELS, OPERATION_NAMES } from '../shared/contract/operation-names';
import type { JobBridge, MarginaliaBridge } from './bridge';

const operations = Object.fromEntries(
  OPERATION_NAMES.map((name) => [
    name,
    (payload: unknown) => ipcRenderer.invoke(IPC_CHANNEL, name, payload),
  ]),
);

/** Invokes a desktop channel; a failure becomes a rejection with the main process's message. */
async function invokeDesktop<T>(channel: string, ...args: unknown[]): Promise<T> {
  const reply = (await ipcRenderer.invoke(channel, ...args)) as DesktopReply<T>;
  if (!reply.ok) throw new Error(reply.message);
  return reply.value;
}

/**
 * Commands that arrive while the page has no listener yet (a link that launched the app can
 * beat React's first effects) wait here, a few at most, for the first listener.
 */
const MAX_WAITING = 16;
const listeners = new Set<(command: AppCommand) => void>();
const waiting: AppCommand[] = [];

function deliver(command: AppCommand): void {
  for (const listener of [...listeners]) {
    try {
      listener(command);
    } catch (error) {
      console.error('A command listener failed:', error);
    }
  }
}

ipcRenderer.on(DESKTOP_CHANNELS.command, (_event, command: AppCommand) => {
  if (listeners.size > 0) deliver(command);
  else if (waiting.push(command) > MAX_WAITING) waiting.shift();
});

const desktop: DesktopBridge = {
  saveFile: (request: SaveFileRequest) =>
    invokeDesktop<{ path: string } | null>(DESKTOP_CHANNELS.saveFile, request),
  chooseFolder: () => invokeDesktop<string | null>(DESKTOP_CHANNELS.chooseFolder),
  chooseImportFiles: () => invokeDesktop<string[] | null>(DESKTOP_CHANNELS.chooseImportFiles),
  chooseArticleFile: () =>
    invokeDesktop<ChosenArticleFile | null>(DESKTOP_CHANNELS.chooseArticleFile),
  pathForFile(file) {
    let found: string | null = null;
    try {
      found = webUtils.getPathForFile(file) || null;
    } catch {
      found = null;
    }
    // Electron gives a path only for a real file from the system: the main process may read it.
    if (found) ipcRenderer.send(DESKTOP_CHANNELS.droppedPath, found);
    return found;
  },
  reloadWindow: () => invokeDesktop<null>(DESKTOP_CHANNELS.reloadWindow).then(() => undefined),
  onCommand(listener) {
    // A copy, so each subscription is its own (subscribing one function twice needs two stops).
    const wrapped = (command: AppCommand) => listener(command);
    listeners.add(wrapped);
    if (waiting.length > 0) {
      // After this call returns, as every other command arrives.
      setTimeout(() => {
        if (listeners.size > 0) for (const command of waiting.splice(0)) deliver(command);
      }, 0);
    }
    return () => {
      listeners.delete(wrapped);
    };
  },
};

/** Progress listeners of the jobs this window is running, by job id. */
const jobListeners = new Map<string, (event: unknown) => void>();
ipcRenderer.on(JOB_CHANNELS.progress, (_event, jobId: unknown, progress: unknown) => {
  if (typeof jobId === 'string') jobListeners.get(jobId)?.(progress);
});

const jobs: JobBridge = {
  async run(jobId, name, payload, onProgress) {
    jobListeners.set(jobId, onProgress);
    try {
      return (await ipcRenderer.invoke(JOB_CHANNELS.run, jobId, name, payload)) as Awaited<
        ReturnType<JobBridge['run']>
      >;
    } finally {
      jobListeners.delete(jobId);
    }
  },
  cancel: (jobId) => ipcRenderer.send(JOB_CHANNELS.cancel, jobId),
};

const bridge = { ...operations, jobs, desktop } as MarginaliaBridge;

contextBridge.exposeInMainWorld('marginalia', bridge satisfies MarginaliaBridge);
