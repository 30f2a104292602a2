/**
 * The calling side: a typed client over a raw transport validates every response and turns every
 * error result into a thrown `ServiceError` carrying the service's code and message.
 */
import { describe, expect, it, vi } from 'vitest';
import { createClient, type RawInvoke } from '../../../src/shared/contract/client';
import { dispatch } from '../../../src/shared/contract/dispatch';
import { ServiceError, type Result } from '../../../src/shared/contract/errors';
import { OPERATION_NAMES } from '../../../src/shared/contract/operation-names';
import { changesOf } from '../../support/annotation-builder';
import {
  ARTICLE_ID,
  ANNOTATION_ID,
  annotation,
  fakeHandlers,
  summary,
  validRequests,
} from './fakes';

/** A transport that answers `result` to every call and records the calls. */
function answering(result: Result<unknown>) {
  const invoke = vi.fn<RawInvoke>(async () => result);
  return { invoke, client: createClient(invoke) };
}

async function rejection(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to reject');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

describe('createClient', () => {
  it('has one method per operation', () => {
    const { client } = answering({ ok: true, value: {} });
    expect(Object.keys(client).sort()).toEqual([...OPERATION_NAMES].sort());
    for (const name of OPERATION_NAMES) expect(typeof client[name]).toBe('function');
  });

  it('sends the operation name and the payload as given', async () => {
    const reply = { id: ARTICLE_ID, changes: changesOf({ removedArticles: [ARTICLE_ID] }) };
    const { invoke, client } = answering({ ok: true, value: reply });
    await expect(client.deleteArticle({ id: ARTICLE_ID })).resolves.toEqual(reply);
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(invoke).toHaveBeenCalledWith('deleteArticle', { id: ARTICLE_ID });
  });

  it('rejects the reply of a change that does not say what it changed', async () => {
    const { client } = answering({ ok: true, value: { id: ARTICLE_ID } });
    const error = await rejection(client.deleteArticle({ id: ARTICLE_ID }));
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/^deleteArticle: unexpected response/);
    expect(error.message).toMatch(/changes/);
  });

  it('answers a valid response', async () => {
    const { client } = answering({ ok: true, value: { articles: [summary] } });
    await expect(client.listArticles({})).resolves.toEqual({ articles: [summary] });
  });

  it.each([
    ['a missing field', { articles: [{ ...summary, title: undefined }] }, /articles\.0\.title/],
    [
      'a wrong type',
      { articles: [{ ...summary, annotationCount: -1 }] },
      /articles\.0\.annotationCount/,
    ],
    ['an unexpected key', { articles: [], extra: true }, /extra/],
    ['no value at all', undefined, /listArticles: unexpected response/],
    ['a bare array', [summary], /listArticles: unexpected response/],
  ])(
    'rejects a malformed response (%s) with ServiceError internal',
    async (_name, value, message) => {
      const { client } = answering({ ok: true, value });
      const error = await rejection(client.listArticles({}));
      expect(error.code).toBe('internal');
      expect(error.message).toMatch(/^listArticles: unexpected response/);
      expect(error.message).toMatch(message);
    },
  );

  it('rejects an annotation response whose position is reversed', async () => {
    const { client } = answering({
      ok: true,
      value: { annotation: { ...annotation, position: { start: 10, end: 2 } } },
    });
    const error = await rejection(client.updateAnnotation({ id: ANNOTATION_ID, note: 'x' }));
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/annotation\.position/);
  });

  it('rejects an error result with a ServiceError carrying its code and message', async () => {
    const { client } = answering({
      ok: false,
      error: { code: 'not_found', message: 'no such article' },
    });
    const error = await rejection(client.getArticle({ id: ARTICLE_ID }));
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('no such article');
    expect(error.name).toBe('ServiceError');
  });

  it('rejects a malformed error result as internal, naming the operation', async () => {
    const { client } = answering({
      ok: false,
      error: { code: 'no_such_code', message: 'x' },
    } as never);
    const error = await rejection(client.getArticle({ id: ARTICLE_ID }));
    expect(error.code).toBe('internal');
    expect(error.message).toBe('getArticle: malformed error response');
  });

  it('passes a transport failure through as it is', async () => {
    const client = createClient(async () => {
      throw new Error('connection refused');
    });
    await expect(client.listTags({})).rejects.toThrow('connection refused');
  });
});

describe('createClient over dispatch (the direct transport)', () => {
  function direct() {
    const fake = fakeHandlers();
    const onUnexpected = vi.fn();
    const client = createClient(
      async (operation, payload) => await dispatch(fake.handlers, operation, payload, onUnexpected),
    );
    return { ...fake, client, onUnexpected };
  }

  it('round-trips every operation', async () => {
    const { client, calls } = direct();
    for (const name of OPERATION_NAMES) {
      const call = client[name] as (request: unknown) => Promise<unknown>;
      await expect(call(validRequests[name])).resolves.toBeDefined();
    }
    expect(calls.map((c) => c.operation)).toEqual([...OPERATION_NAMES]);
  });

  it('answers createAnnotation with the defaults filled in by the receiving side', async () => {
    const { client } = direct();
    const { annotation: created } = await client.createAnnotation({
      articleId: ARTICLE_ID,
      quote: annotation.quote,
      position: annotation.position,
    });
    expect(created).toMatchObject({ color: 'yellow', note: '', tags: [], claim: null });
  });

  it('turns a schema failure into a rejected ServiceError invalid_request', async () => {
    const { client, calls } = direct();
    const error = await rejection(client.getArticle({ id: 'not-a-uuid' }));
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(/^getArticle: id: must be a UUID/);
    expect(calls).toEqual([]);
  });
});
