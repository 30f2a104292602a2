/**
 * Web mode: the built renderer and the contract over HTTP, on 127.0.0.1 only. `POST /api/<op>`
 * with a JSON body answers the operation's `Result`; every API request needs the run's token.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve, type HttpBindings } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { dispatch } from '../../shared/contract/dispatch';
import type { ErrorCode, Result } from '../../shared/contract/errors';
import type { ServiceHandlers } from '../../shared/contract/operations';
import { runJob, type JobHandlers } from '../../shared/contract/jobs';
import { checkExportFolder } from './export-folders';
import {
  CONTENT_SECURITY_POLICY,
  allowedHosts,
  hasToken,
  isAllowedOrigin,
  isLoopbackAddress,
  newToken,
} from './security';

/** Room for the largest import (base64) plus the JSON around it. */
const MAX_BODY_BYTES = 40 * 1024 * 1024;

/** Headers every answer carries, API or page, refusals too. */
const SAFETY_HEADERS: readonly (readonly [string, string])[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
];

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_request: 400,
  unknown_operation: 404,
  not_found: 404,
  too_large: 413,
  unsupported_file: 415,
  network: 502,
  invalid_anchor: 422,
  storage_full: 507,
  read_only: 409,
  busy: 503,
  internal: 500,
};

export interface WebServerOptions {
  readonly handlers: ServiceHandlers;
  /** Long work with progress; absent, `/api/jobs/*` answers "unknown job". */
  readonly jobs?: JobHandlers;
  /** Folder of the built renderer (index.html and assets). */
  readonly staticDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly token?: string;
  readonly log?: (message: string) => void;
  /**
   * The folders the user allowed folder export into when starting web mode, as real paths
   * (`resolveExportFolders`); none, and folder export is refused over HTTP.
   */
  readonly exportFolders?: readonly string[];
}

export interface WebServer {
  readonly port: number;
  readonly token: string;
  readonly url: string;
  close(): Promise<void>;
}

function refuse(message: string, code: ErrorCode = 'invalid_request'): Result<never> {
  return { ok: false, error: { code, message } };
}

const NOT_JSON = Symbol('not JSON');
const JOB_ID = /^[A-Za-z0-9_-]{1,100}$/;
const NOT_AN_OBJECT = 'the request body must be a JSON object ({} when there is nothing to send)';

const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

async function readJson(request: { json(): Promise<unknown> }): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return NOT_JSON;
  }
}

export function createApp(
  handlers: ServiceHandlers,
  staticDir: string,
  token: string,
  getPort: () => number,
  log: (m: string) => void,
  jobs?: JobHandlers,
  exportFolders: readonly string[] = [],
) {
  const app = new Hono<{ Bindings: HttpBindings }>();

  app.use('*', async (c, next) => {
    // Set first, so that refusals carry them too.
    for (const [name, value] of SAFETY_HEADERS) c.header(name, value);
    const port = getPort();
    if (!isLoopbackAddress(c.env.incoming.socket.remoteAddress)) {
      return c.text('Forbidden: web mode answers only this computer.', 403);
    }
    if (!allowedHosts(port).has(c.req.header('host') ?? '')) {
      return c.text('Forbidden: unexpected Host header.', 403);
    }
    if (!isAllowedOrigin(c.req.header('origin'), port)) {
      return c.text('Forbidden: foreign Origin.', 403);
    }
    await next();
    // And again on what the routes answered, where missing (a response they built replaces the
    // one above). Only where missing: setting a header on a finished response makes hono rebuild
    // it around a stream, and a 2 MB `listArticles` answer is then encoded and sent in chunks
    // instead of written at once (about 15 ms more, with the requests behind it waiting).
    for (const [name, value] of SAFETY_HEADERS) {
      if (c.res.headers.get(name) !== value) c.header(name, value);
    }
  });

  app.use('/api/*', async (c, next) => {
    if (!hasToken(c.req.header('authorization'), token)) {
      return c.json(refuse('missing or wrong token: open the address web mode printed'), 401);
    }
    c.header('Cache-Control', 'no-store');
    await next();
  });

  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json(refuse('the request is too large', 'too_large'), 413),
  });

  const reportUnexpected = (op: string, error: unknown) =>
    log(
      `${op} failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );

  // A job answers a stream of Server-Sent Events: `progress` events, then one `result` (a
  // `Result`). `POST /api/jobs/cancel/<id>` cancels it and the stream still ends with its result
  // (what was finished before); closing the response cancels it too.
  const running = new Map<string, AbortController>();
  // A cancel can overtake its job's request: it is kept a minute for the job to find.
  const cancelledEarly = new Map<string, ReturnType<typeof setTimeout>>();
  app.post('/api/jobs/cancel/:id', (c) => {
    const id = c.req.param('id');
    const controller = running.get(id);
    if (controller) controller.abort();
    else if (JOB_ID.test(id) && cancelledEarly.size < 1000 && !cancelledEarly.has(id)) {
      const timer = setTimeout(() => cancelledEarly.delete(id), 60_000);
      timer.unref();
      cancelledEarly.set(id, timer);
    }
    return c.json({ ok: true, value: { cancelled: controller !== undefined } });
  });
  app.post('/api/jobs/:name', limitBody, async (c) => {
    if (!jobs) return c.json(refuse('this server runs no jobs', 'unknown_operation'), 404);
    const name = c.req.param('name');
    const jobId = c.req.query('id') ?? '';
    if (!JOB_ID.test(jobId) || running.has(jobId)) {
      return c.json(refuse('a job needs a new id (?id=…)'), 400);
    }
    const controller = new AbortController();
    running.set(jobId, controller);
    if (cancelledEarly.has(jobId)) {
      clearTimeout(cancelledEarly.get(jobId));
      cancelledEarly.delete(jobId);
      controller.abort();
    }
    const payload = await readJson(c.req);
    if (payload === NOT_JSON || !isJsonObject(payload)) {
      running.delete(jobId);
      return c.json(
        refuse(payload === NOT_JSON ? 'the request body is not JSON' : NOT_AN_OBJECT),
        400,
      );
    }
    return streamSSE(c, async (stream) => {
      stream.onAbort(() => controller.abort());
      let sending = Promise.resolve();
      const send = (event: string, data: unknown) => {
        sending = sending
          .then(() => stream.writeSSE({ event, data: JSON.stringify(data) }))
          .catch(() => controller.abort());
        return sending;
      };
      const result = await runJob(
        jobs,
        name,
        payload,
        (progress) => void send('progress', progress),
        controller.signal,
        reportUnexpected,
      );
      running.delete(jobId);
      if (!stream.aborted) await send('result', result);
    });
  });

  app.post('/api/:operation', limitBody, async (c) => {
    const payload = await readJson(c.req);
    if (payload === NOT_JSON) return c.json(refuse('the request body is not JSON'), 400);
    if (!isJsonObject(payload)) return c.json(refuse(NOT_AN_OBJECT), 400);
    const operation = c.req.param('operation');
    let request = payload;
    if (operation === 'exportLibraryToFolder') {
      // A folder that is not a string is the schema's to refuse; a string must pass the check.
      const folder = payload.folder;
      if (typeof folder === 'string' || exportFolders.length === 0) {
        const check = checkExportFolder(typeof folder === 'string' ? folder : '', exportFolders);
        if (!check.allowed) {
          return c.json(
            refuse(check.message, check.status === 404 ? 'not_found' : 'invalid_request'),
            check.status,
          );
        }
        // The service writes at the path checked, not at a spelling it would resolve again.
        request = { ...payload, folder: check.folder };
      }
    }
    const result = await dispatch(handlers, operation, request, reportUnexpected);
    // As `c.json` answers, but encoded once here: sent as a string, the answer is measured
    // (Content-Length) and then encoded again on the way out, 2 × 10 ms for `listArticles` at
    // 5,000 articles.
    return c.body(
      Buffer.from(JSON.stringify(result)),
      result.ok ? 200 : STATUS[result.error.code],
      {
        'Content-Type': 'application/json',
      },
    );
  });
  app.all('/api/*', (c) => c.json(refuse('use POST /api/<operation>'), 405));

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  });
  app.get('*', serveStatic({ root: staticDir }));
  app.get('*', serveStatic({ root: staticDir, path: 'index.html' }));
  return app;
}

export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? newToken();
  const log = options.log ?? ((m: string) => console.error(m));
  let port = options.port ?? 0;
  const app = createApp(
    options.handlers,
    options.staticDir,
    token,
    () => port,
    log,
    options.jobs,
    options.exportFolders,
  );
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, (info: AddressInfo) => {
      port = info.port;
      resolve({
        port,
        token,
        url: `http://127.0.0.1:${port}/#token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            (server as Server).closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
    server.once('error', reject);
  });
}
