/**
 * Jobs from the renderer: over the desktop app's IPC bridge, or over web mode's Server-Sent
 * Events (`POST /api/jobs/<name>?id=…`, cancelled by `POST /api/jobs/cancel/<id>`). Either way a
 * cancelled job still answers its result: what it finished before Cancel.
 */
import type { Result } from '../../../shared/contract/errors';
import { createJobClient, type JobClient, type RawJobInvoke } from '../../../shared/contract/jobs';
import { readToken } from './http-bridge';

const unreachable: Result<never> = {
  ok: false,
  error: { code: 'internal', message: 'Marginalia is not reachable. Is web mode still running?' },
};

function newJobId(): string {
  return crypto.randomUUID();
}

/** Reads a Server-Sent Events body: each event's name and its data, in order. */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<{ event: string; data: string }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length > 0) yield { event, data: data.join('\n') };
    }
  }
}

export function createHttpJobInvoke(token: string | null): RawJobInvoke {
  return async (name, payload, onProgress, signal) => {
    if (!token) return unreachable;
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const id = newJobId();
    const cancel = () =>
      void fetch(`/api/jobs/cancel/${id}`, { method: 'POST', headers, body: '{}' }).catch(() => {});
    signal.addEventListener('abort', cancel, { once: true });
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
        return await bridge.run(id, name, payload, onProgress);
      } finally {
        signal.removeEventListener('abort', cancel);
      }
    });
  }
  return createJobClient(createHttpJobInvoke(readToken()));
}
