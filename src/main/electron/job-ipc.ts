/**
 * Jobs over IPC: the window invokes a job with an id of its choosing and gets its `Result` when it
 * ends; progress arrives as events carrying that id; a cancel message (or the window going away)
 * aborts it.
 */
import { ipcMain, type WebContents } from 'electron';
import { runJob, type JobHandlers } from '../../shared/contract/jobs';
import type { GrantedPaths } from './granted-paths';
import { JOB_CHANNELS } from '../../shared/contract/operation-names';

/** Says why a window may not run this job with this payload, or null when it may. */
export type JobAuthorizer = (name: string, payload: unknown) => string | null;

/** Imports by path read only what the user chose or dropped (see granted-paths.ts). */
export function importsOnlyGranted(granted: GrantedPaths): JobAuthorizer {
  return (name, payload) => {
    if (name !== 'importFiles') return null;
    const paths = (payload as { paths?: unknown } | null)?.paths;
    if (!Array.isArray(paths)) return null; // the contract's validation says what is wrong
    const refused = paths.find((p) => typeof p !== 'string' || !granted.covers(p));
    return refused === undefined
      ? null
      : `Marginalia imports only files and folders you chose or dropped (${String(refused)})`;
  };
}

export function registerJobIpc(
  jobs: JobHandlers,
  isTrustedUrl: (url: string) => boolean,
  authorize: JobAuthorizer = () => null,
): void {
  const running = new Map<string, AbortController>();
  const key = (sender: WebContents, jobId: string) => `${sender.id}:${jobId}`;

  ipcMain.handle(
    JOB_CHANNELS.run,
    async (event, jobId: unknown, name: unknown, payload: unknown) => {
      if (!isTrustedUrl(event.senderFrame?.url ?? '')) {
        return { ok: false, error: { code: 'invalid_request', message: 'caller not allowed' } };
      }
      if (typeof jobId !== 'string' || jobId.length > 100 || typeof name !== 'string') {
        return { ok: false, error: { code: 'invalid_request', message: 'malformed job request' } };
      }
      const refusal = authorize(name, payload);
      if (refusal) return { ok: false, error: { code: 'invalid_request', message: refusal } };
      const sender = event.sender;
      const controller = new AbortController();
      const id = key(sender, jobId);
      running.set(id, controller);
      const abort = () => controller.abort();
      sender.once('destroyed', abort);
      try {
        return await runJob(
          jobs,
          name,
          payload,
          (progress) => {
            if (!sender.isDestroyed()) sender.send(JOB_CHANNELS.progress, jobId, progress);
          },
          controller.signal,
          (job, error) => console.error(`${job} failed unexpectedly:`, error),
        );
      } finally {
        running.delete(id);
        if (!sender.isDestroyed()) sender.off('destroyed', abort);
      }
    },
  );

  ipcMain.on(JOB_CHANNELS.cancel, (event, jobId: unknown) => {
    if (typeof jobId === 'string') running.get(key(event.sender, jobId))?.abort();
  });
}
