/**
 * Jobs from the renderer: over the desktop app's IPC bridge, or over web mode's Server-Sent
 * Events (`POST /api/jobs/<name>?id=…`, cancelled by `POST /api/jobs/cancel/<id>`). Either way a
 * cancelled job still answers its result: what it finished before Cancel.
 */
import type { Result } from '../../../shared/contract/errors';
import { createJobClient, type JobClient, type RawJobInvoke } from '../../../shared/contract/jobs';
import { readServerSentEvents } from '../../../shared/contract/server-sent-events';
import { readToken } from './http-bridge';

const unreachable: Result<never> = {
  ok: false,
  error: { code: 'internal', message: 'Marginalia is not reachable. Is web mode still running?' },
};

function newJobId(): string {
  return crypto.randomUUID();
}

export function createHttpJobInvoke(token: string | null): RawJobInvoke {
  return async (name, payload, onProgress, signal) => {
    if (!token) return unreachable;
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const id = newJobId();
    const cancel = () =>
      void fetch(`/api/jobs/cancel/${id}`, { method: 'POST', headers, body: '{}' }).catch(() => {});
    signal.addEventListener('abort', cancel, { once: true });
    // Cancelled before it was sent: the server keeps the cancel for the job to find.
    if (signal.aborted) cancel();
    try {
      const response = await fetch(`/api/jobs/${name}?id=${id}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(payload ?? {}),
      });
      if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
        return (await response.json()) as Result<unknown>;
      }
      if (!response.body) return unreachable;
      for await (const { event, data } of readServerSentEvents(response.body)) {
        const value: unknown = JSON.parse(data);
        if (event === 'progress') onProgress(value);
        else if (event === 'result') return value as Result<unknown>;
      }
      return unreachable;
    } catch {
      return unreachable;
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  };
}

/** The job client for this window: the desktop bridge's, or web mode's. */
export function connectJobs(): JobClient {
  const bridge = window.marginalia?.jobs;
  if (bridge) {
    return createJobClient(async (name, payload, onProgress, signal) => {
      const id = newJobId();
      const cancel = () => bridge.cancel(id);
      signal.addEventListener('abort', cancel, { once: true });
      try {
        const running = bridge.run(id, name, payload, onProgress);
        if (signal.aborted) cancel();
        return await running;
      } finally {
        signal.removeEventListener('abort', cancel);
      }
    });
  }
  return createJobClient(createHttpJobInvoke(readToken()));
}
