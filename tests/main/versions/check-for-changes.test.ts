/**
 * "Check for changes" against a local server: a revised page becomes a version (the same
 * re-anchoring as a file), the same page again is "unchanged", and the library-wide job checks
 * one article at a time, reports failures per article and can be cancelled.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_ARTICLE_ID } from '../../../src/main/sample';
import { createDirectJobClient } from '../../../src/shared/contract/jobs';
import type { CheckProgressSchema } from '../../../src/shared/contract/versions';
import type { z } from 'zod';
import { create, useSampleLibrary, useTempDirs } from '../helpers';
import { annotateSample } from '../sample-annotations';
import { revisedSampleText, sampleText } from './fixtures';

const tempDir = useTempDirs('marginalia-check-');
const harness = useSampleLibrary(tempDir);

/** What the server answers at each path; changed by the tests as pages are revised. */
let pages: Record<string, { status?: number; body: string } | 'hang'> = {};
let requests: string[] = [];
let server: http.Server;
let base = '';

beforeEach(async () => {
  pages = {};
  requests = [];
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const page = pages[req.url ?? ''];
    if (page === 'hang') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.write('<html><body><article><p>');
      return; // never ends: the check is cancelled meanwhile
    }
    res.writeHead(page?.status ?? (page ? 200 : 404), {
      'Content-Type': 'text/plain; charset=utf-8',
    });
    res.end(page?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const story = (words: string) =>
  `A story\n\n${'The story has words enough to be an article. '.repeat(5)}${words}\n`;

describe('checkForChanges', () => {
  it('the revised sample at a given address: 1 changed, 1 orphaned; then unchanged', async () => {
    const { service } = harness();
    annotateSample(service);
    pages['/negotiations.txt'] = { body: revisedSampleText() };
    const url = `${base}/negotiations.txt`;
    const outcome = await service.checkForChanges({ id: SAMPLE_ARTICLE_ID, url });
    expect(outcome.status).toBe('updated');
    expect(outcome.version).toMatchObject({ number: 2, source: 'address', sourceName: url });
    expect(outcome.report).toMatchObject({ changed: 1, orphaned: 1 });
    // The address given becomes the article's source address.
    expect(outcome.article.sourceUrl).toBe(url);

    const again = await service.checkForChanges({ id: SAMPLE_ARTICLE_ID });
    expect(again).toMatchObject({ status: 'unchanged', report: null, version: { number: 2 } });
    expect(service.listVersions({ articleId: SAMPLE_ARTICLE_ID }).versions).toHaveLength(2);
  });

  it('refuses an article with no address, and a read-only library before fetching', async () => {
    const { service, readOnlyService } = harness();
    await expect(service.checkForChanges({ id: SAMPLE_ARTICLE_ID })).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/no source address; give one or use Update from file/),
    });
    pages['/negotiations.txt'] = { body: sampleText() };
    await expect(
      readOnlyService().checkForChanges({ id: SAMPLE_ARTICLE_ID, url: `${base}/negotiations.txt` }),
    ).rejects.toMatchObject({ code: 'read_only' });
    expect(requests).toEqual([]);
  });

  it('answers a server error as Add from URL does, and stores nothing', async () => {
    const { service } = harness();
    pages['/story'] = { body: story('First.') };
    const { article } = await service.importUrl({ url: `${base}/story` });
    pages['/story'] = { status: 500, body: 'oops' };
    const failure = await service.checkForChanges({ id: article.id }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect((failure as { code: string }).code).not.toBe('internal');
    expect(service.listVersions({ articleId: article.id }).versions).toHaveLength(1);
  });
});

describe('the checkArticles job', () => {
  it('checks every article with an address, one at a time, failures as items', async () => {
    const { service } = harness();
    pages['/a'] = { body: story('Alpha.') };
    pages['/b'] = { body: story('Bravo.') };
    pages['/c'] = { body: story('Charlie.') };
    const a = (await service.importUrl({ url: `${base}/a` })).article;
    const b = (await service.importUrl({ url: `${base}/b` })).article;
    const c = (await service.importUrl({ url: `${base}/c` })).article;
    const note = create(service, a.id, 'Alpha');
    pages['/a'] = { body: story('Alpha, revised.') };
    pages['/c'] = { status: 404, body: 'gone' };
    const progress: z.infer<typeof CheckProgressSchema>[] = [];
    const report = await createDirectJobClient(service.jobs).run(
      'checkArticles',
      {},
      { onProgress: (p) => progress.push(p) },
    );
    expect(report.cancelled).toBe(false);
    expect(report.items.map((i) => [i.articleId, i.status])).toEqual([
      [a.id, 'updated'],
      [b.id, 'unchanged'],
      [c.id, 'failed'],
    ]);
    expect(report.items[2]?.reason).toBeTruthy();
    expect(report.items[0]?.report).toMatchObject({ unchanged: 1 });
    expect(report.changes.annotations.map((x) => x.id)).toEqual([note.id]);
    expect(report.changes.articles.map((x) => x.id)).toEqual([a.id]);
    expect(progress.at(-1)).toEqual({ done: 3, total: 3, current: null });
    expect(progress.some((p) => p.current === b.title)).toBe(true);
  });

  it('skips articles without an address when named', async () => {
    const { service } = harness();
    const report = await createDirectJobClient(service.jobs).run('checkArticles', {
      ids: [SAMPLE_ARTICLE_ID],
    });
    expect(report.items).toEqual([
      expect.objectContaining({ articleId: SAMPLE_ARTICLE_ID, status: 'skipped' }),
    ]);
  });

  it('Cancel aborts the fetch under way; what finished stays', async () => {
    const { service } = harness();
    pages['/a'] = { body: story('Alpha.') };
    pages['/b'] = { body: story('Bravo.') };
    const a = (await service.importUrl({ url: `${base}/a` })).article;
    await service.importUrl({ url: `${base}/b` });
    pages['/a'] = { body: story('Alpha, revised.') };
    pages['/b'] = 'hang';
    const controller = new AbortController();
    const report = await createDirectJobClient(service.jobs).run(
      'checkArticles',
      {},
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done === 1 && p.current !== null) setTimeout(() => controller.abort(), 50);
        },
      },
    );
    expect(report).toMatchObject({
      cancelled: true,
      items: [{ articleId: a.id, status: 'updated' }],
    });
    expect(report.items).toHaveLength(1);
    expect(service.listVersions({ articleId: a.id }).versions).toHaveLength(2);
  });
});
