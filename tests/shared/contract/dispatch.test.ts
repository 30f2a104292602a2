/**
 * The receiving side of every transport: unknown operations, schema failures, service errors and
 * unexpected throws all come back as `{ ok: false, error: { code, message } }`, never as a throw.
 */
import { describe, expect, it, vi } from 'vitest';
import { describeIssues, dispatch } from '../../../src/shared/contract/dispatch';
import {
  ServiceError,
  ServiceErrorDataSchema,
  type Result,
} from '../../../src/shared/contract/errors';
import { OPERATION_NAMES } from '../../../src/shared/contract/operation-names';
import { operations, type ServiceHandlers } from '../../../src/shared/contract/operations';
import { ARTICLE_ID, ANNOTATION_ID, annotation, fakeHandlers, validRequests } from './fakes';

function errorOf(result: Result<unknown>) {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected an error');
  // Every error is plain data in the contract's shape, whatever went wrong.
  expect(ServiceErrorDataSchema.safeParse(result.error).success).toBe(true);
  return result.error;
}

describe('dispatch: valid calls', () => {
  it.each(OPERATION_NAMES)(
    'passes a valid %s request to its handler and answers its value',
    async (name) => {
      const { handlers, calls } = fakeHandlers();
      const result = await dispatch(handlers, name, validRequests[name]);
      expect(result.ok).toBe(true);
      expect(calls.map((c) => c.operation)).toEqual([name]);
      if (result.ok) expect(operations[name].response.safeParse(result.value).success).toBe(true);
    },
  );

  it('fills in createAnnotation defaults: yellow, empty note, no claim, no tags', async () => {
    const { handlers, calls } = fakeHandlers();
    const result = await dispatch(handlers, 'createAnnotation', validRequests.createAnnotation);
    expect(result.ok).toBe(true);
    expect(calls[0]!.request).toEqual({
      articleId: ARTICLE_ID,
      quote: annotation.quote,
      position: annotation.position,
      color: 'yellow',
      note: '',
      claim: null,
      tags: [],
    });
  });

  it('keeps values the caller gave instead of the defaults', async () => {
    const { handlers, calls } = fakeHandlers();
    const request = {
      ...(validRequests.createAnnotation as object),
      color: 'pink',
      note: 'Moscow denies it',
      claim: { type: 'accusation', speaker: 'US', status: 'denied' },
      tags: ['false-flag', 'Feb 3'],
    };
    expect((await dispatch(handlers, 'createAnnotation', request)).ok).toBe(true);
    expect(calls[0]!.request).toMatchObject({
      color: 'pink',
      note: 'Moscow denies it',
      claim: { type: 'accusation', speaker: 'US', status: 'denied' },
      tags: ['false-flag', 'Feb 3'],
    });
  });

  it('leaves updateAnnotation fields that were not sent out of the request', async () => {
    const { handlers, calls } = fakeHandlers();
    expect(
      (await dispatch(handlers, 'updateAnnotation', { id: ANNOTATION_ID, color: 'green' })).ok,
    ).toBe(true);
    expect(calls[0]!.request).toEqual({ id: ANNOTATION_ID, color: 'green' });
  });

  it('treats a missing payload of an operation without arguments as empty', async () => {
    const { handlers, calls } = fakeHandlers();
    expect((await dispatch(handlers, 'listArticles', undefined)).ok).toBe(true);
    expect((await dispatch(handlers, 'listTags', null)).ok).toBe(true);
    expect(calls.map((c) => c.request)).toEqual([{}, {}]);
  });
});

describe('dispatch: unknown operations', () => {
  it.each([
    'dropDatabase',
    '',
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'listarticles',
  ])('R27 answers unknown_operation for "%s" and calls no handler', async (name) => {
    const { handlers, calls } = fakeHandlers();
    const error = errorOf(await dispatch(handlers, name, {}));
    expect(error.code).toBe('unknown_operation');
    expect(error.message).toContain(`"${name}"`);
    expect(calls).toEqual([]);
  });
});

describe('dispatch: schema failures', () => {
  const cases: [string, string, unknown, RegExp][] = [
    ['a missing field', 'getArticle', {}, /^getArticle: id: /],
    ['an id that is not a UUID', 'getArticle', { id: '1' }, /^getArticle: id: must be a UUID/],
    [
      'a nested field',
      'createAnnotation',
      {
        ...(validRequests.createAnnotation as object),
        quote: { exact: '', prefix: '', suffix: '' },
      },
      /quote\.exact: /,
    ],
    [
      'an array element',
      'createAnnotation',
      { ...(validRequests.createAnnotation as object), tags: ['ok', 'a,b'] },
      /tags\.1: a tag has no commas/,
    ],
    [
      'a reversed position',
      'createAnnotation',
      { ...(validRequests.createAnnotation as object), position: { start: 9, end: 3 } },
      /position: start must be before end/,
    ],
    [
      'an unknown colour',
      'createAnnotation',
      { ...(validRequests.createAnnotation as object), color: 'red' },
      /color: /,
    ],
    [
      'a claim with an unknown status',
      'updateAnnotation',
      { id: ANNOTATION_ID, claim: { type: 'x', speaker: null, status: 'maybe' } },
      /claim\.status: /,
    ],
    ['an unknown key', 'deleteArticle', { id: ARTICLE_ID, cascade: true }, /cascade/],
    ['a payload that is not an object', 'deleteArticle', 'abc', /^deleteArticle: /],
    ['an array payload', 'listArticles', [], /^listArticles: /],
  ];

  it.each(cases)(
    'R27 answers invalid_request naming the field for %s',
    async (_name, operation, payload, message) => {
      const { handlers, calls } = fakeHandlers();
      const error = errorOf(await dispatch(handlers, operation, payload));
      expect(error.code).toBe('invalid_request');
      expect(error.message).toMatch(message);
      expect(calls).toEqual([]);
    },
  );

  it('R27 answers too_large for an import larger than the limit, before the handler sees it', async () => {
    const { handlers, calls } = fakeHandlers();
    const contentBase64 = 'A'.repeat(Math.ceil((25 * 1024 * 1024) / 3) * 4 + 4);
    const error = errorOf(
      await dispatch(handlers, 'importArticle', { fileName: 'big.txt', contentBase64 }),
    );
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/contentBase64: the file is larger than 25 MB/);
    expect(calls).toEqual([]);
  });

  it('R27 answers too_large for a note over the limit, naming the field', async () => {
    const { handlers, calls } = fakeHandlers();
    const request = { id: ANNOTATION_ID, note: 'x'.repeat(100_001) };
    const error = errorOf(await dispatch(handlers, 'updateAnnotation', request));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/^updateAnnotation: note: /);
    expect(calls).toEqual([]);
  });

  it('R27 answers invalid_request when a payload is too large and wrong in another way too', async () => {
    const { handlers } = fakeHandlers();
    const request = { id: 'nope', note: 'x'.repeat(100_001) };
    const error = errorOf(await dispatch(handlers, 'updateAnnotation', request));
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(/id: must be a UUID/);
    expect(error.message).toMatch(/note: /);
  });

  it('answers invalid_request, not too_large, for a value below a minimum', async () => {
    const { handlers } = fakeHandlers();
    const request = {
      ...(validRequests.createAnnotation as object),
      position: { start: -1, end: 3 },
    };
    expect(errorOf(await dispatch(handlers, 'createAnnotation', request)).code).toBe(
      'invalid_request',
    );
  });

  it('describes at most five issues, each with its path', () => {
    const parsed = operations.createAnnotation.request.safeParse({
      articleId: 'x',
      quote: 1,
      position: 2,
      color: 3,
      note: 4,
      claim: 5,
      tags: 6,
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const sentence = describeIssues(parsed.error);
    expect(sentence.split('; ')).toHaveLength(5);
    expect(sentence).toMatch(/^articleId: must be a UUID; quote: /);
  });
});

describe('dispatch: errors thrown by handlers', () => {
  function throwing(error: unknown): ServiceHandlers {
    const { handlers } = fakeHandlers();
    return {
      ...handlers,
      getArticle: () => {
        throw error;
      },
    };
  }

  it('answers a ServiceError as its code and message, without reporting it as unexpected', async () => {
    const onUnexpected = vi.fn();
    const result = await dispatch(
      throwing(new ServiceError('not_found', 'no article 0190…')),
      'getArticle',
      { id: ARTICLE_ID },
      onUnexpected,
    );
    expect(errorOf(result)).toEqual({ code: 'not_found', message: 'no article 0190…' });
    expect(onUnexpected).not.toHaveBeenCalled();
  });

  it('answers any other Error as internal, naming the operation, and reports it', async () => {
    const onUnexpected = vi.fn();
    const thrown = new TypeError("Cannot read properties of undefined (reading 'title')");
    const result = await dispatch(throwing(thrown), 'getArticle', { id: ARTICLE_ID }, onUnexpected);
    const error = errorOf(result);
    expect(error.code).toBe('internal');
    expect(error.message).toBe(`getArticle failed: ${thrown.message}`);
    expect(onUnexpected).toHaveBeenCalledTimes(1);
    expect(onUnexpected).toHaveBeenCalledWith('getArticle', thrown);
  });

  it('answers a thrown non-Error as internal too', async () => {
    const onUnexpected = vi.fn();
    const error = errorOf(
      await dispatch(throwing('disk on fire'), 'getArticle', { id: ARTICLE_ID }, onUnexpected),
    );
    expect(error).toEqual({ code: 'internal', message: 'getArticle failed: disk on fire' });
    expect(onUnexpected).toHaveBeenCalledWith('getArticle', 'disk on fire');
  });

  it('does not throw without a reporter', async () => {
    await expect(
      dispatch(throwing(new Error('boom')), 'getArticle', { id: ARTICLE_ID }),
    ).resolves.toMatchObject({ ok: false });
  });
});
