/**
 * Jobs over web mode: `POST /api/jobs/<name>?id=…` answers Server-Sent Events (progress, then one
 * result); `POST /api/jobs/cancel/<id>` stops it between files and the stream still ends with
 * the report of what was finished. The renderer's reader of that stream is the one tested here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../src/main/library';
import { startWebServer, type WebServer } from '../../../src/main/web/server';
import { readServerSentEvents } from '../../../src/shared/contract/server-sent-events';
import type { FileImportReport } from '../../../src/shared/contract/jobs';
import type { Result } from '../../../src/shared/contract/errors';
import { useTempDirs } from '../helpers';

const tempDir = useTempDirs('marginalia-web-jobs-');

let lib: Library;
let server: WebServer;
let base: string;
let files: string;

beforeEach(async () => {
  const root = tempDir();
  const staticDir = path.join(root, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
  files = path.join(root, 'files');
  fs.mkdirSync(files);
  for (let i = 0; i < 40; i++) {
    fs.writeFileSync(
      path.join(files, `f${String(i).padStart(2, '0')}.txt`),
      `T${i}\n\nBody ${i}.\n`,
    );
  }
  lib = openLibrary({ dataDir: path.join(root, 'data') });
  server = await startWebServer({
    handlers: lib.service,
    jobs: lib.service.jobs,
    staticDir,
    port: 0,
    log: () => {},
  });
  base = `http://127.0.0.1:${server.port}`;
});

afterEach(async () => {
  await server.close();
  lib.close();
});

const headers = () => ({
  'Content-Type': 'application/json',
  Authorization: `Bearer ${server.token}`,
});

async function startJob(id: string, body: unknown, name = 'importFiles') {
  const response = await fetch(`${base}/api/jobs/${name}?id=${id}`, {
    method: 'POST',
    headers: headers(),
    body: JSON.stringify(body),
  });
  return response;
}

describe('jobs over HTTP (Server-Sent Events)', () => {
  it('streams progress events, then the result', async () => {
    const response = await startJob('job-1', { paths: [files] });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events: { event: string; data: unknown }[] = [];
    for await (const e of readServerSentEvents(response.body!)) {
      events.push({ event: e.event, data: JSON.parse(e.data) });
    }
    const progress = events.filter((e) => e.event === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(40);
    expect(progress.at(-1)!.data).toEqual({ done: 40, total: 40, current: null });
    expect(events.at(-1)!.event).toBe('result');
    const result = events.at(-1)!.data as Result<FileImportReport>;
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.value.items.filter((i) => i.status === 'imported')).toHaveLength(40);
  });

  it('cancel stops it between files and the stream still ends with the partial report', async () => {
    const response = await startJob('job-2', { paths: [files] });
    let cancelled = false;
    let result: Result<FileImportReport> | null = null;
    for await (const e of readServerSentEvents(response.body!)) {
      const data = JSON.parse(e.data) as { done?: number };
      if (e.event === 'progress' && !cancelled && (data.done ?? 0) >= 3) {
        cancelled = true;
        const reply = await fetch(`${base}/api/jobs/cancel/job-2`, {
          method: 'POST',
          headers: headers(),
          body: '{}',
        });
        expect(await reply.json()).toEqual({ ok: true, value: { cancelled: true } });
      }
      if (e.event === 'result') result = JSON.parse(e.data) as Result<FileImportReport>;
    }
    expect(result?.ok).toBe(true);
    if (!result?.ok) return;
    expect(result.value.cancelled).toBe(true);
    const imported = result.value.items.filter((i) => i.status === 'imported').length;
    expect(imported).toBeGreaterThanOrEqual(3);
    expect(imported).toBeLessThan(40);
    const listed = lib.service.listArticles({}).articles.length;
    expect(listed).toBe(imported + 1); // and the sample
  });

  it('a cancel that overtakes its job still cancels it', async () => {
    const early = await fetch(`${base}/api/jobs/cancel/job-early`, {
      method: 'POST',
      headers: headers(),
      body: '{}',
    });
    expect(await early.json()).toEqual({ ok: true, value: { cancelled: false } });
    const response = await startJob('job-early', { paths: [files] });
    let result: Result<FileImportReport> | null = null;
    for await (const e of readServerSentEvents(response.body!)) {
      if (e.event === 'result') result = JSON.parse(e.data) as Result<FileImportReport>;
    }
    expect(result).toMatchObject({ ok: true, value: { cancelled: true, items: [] } });
    expect(lib.service.listArticles({}).articles).toHaveLength(1);
  });

  it('R27 R28 a bad job request is refused, storing nothing; a job needs the token and an id', async () => {
    const bad = await startJob('job-3', { paths: 'nope' });
    expect(bad.headers.get('content-type')).toMatch(/event-stream/);
    const events = [];
    for await (const e of readServerSentEvents(bad.body!)) events.push(e);
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.data)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });

    const noId = await fetch(`${base}/api/jobs/importFiles`, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({ paths: [files] }),
    });
    expect(noId.status).toBe(400);
    const noToken = await fetch(`${base}/api/jobs/importFiles?id=x`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ paths: [files] }),
    });
    expect(noToken.status).toBe(401);
    expect(lib.service.listArticles({}).articles).toHaveLength(1);
  });

  it('R27 an unknown job, and a body that is null or not an object, are refused; nothing stored', async () => {
    const unknown = await startJob('job-4', { paths: [files] }, 'wipeLibrary');
    const events = [];
    for await (const e of readServerSentEvents(unknown.body!)) events.push(e);
    expect(events.map((e) => JSON.parse(e.data) as unknown)).toEqual([
      { ok: false, error: { code: 'unknown_operation', message: expect.any(String) } },
    ]);
    for (const [n, body] of ['null', '[]', '"x"', '{not json'].entries()) {
      const response = await fetch(`${base}/api/jobs/importFiles?id=bad-${n}`, {
        method: 'POST',
        headers: headers(),
        body,
      });
      expect(response.status, body).toBe(400);
      expect(await response.json()).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    }
    expect(lib.service.listArticles({}).articles).toHaveLength(1);
  });
});
