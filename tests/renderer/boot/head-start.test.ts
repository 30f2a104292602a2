/**
 * The entry's head start (src/renderer/src/boot/head-start.ts): the first replies are asked for
 * before the app loads, and each is handed to the app's first matching call, once.
 */
import { describe, expect, it, vi } from 'vitest';
import type { RawInvoke } from '../../../src/shared/contract/client';
import { createClient } from '../../../src/shared/contract/client';
import { HEAD_START_CALLS, withHeadStart } from '../../../src/renderer/src/boot/head-start';
import { articleNamed } from '../library/fixtures';

const summary = articleNamed('An article', 1);

function counting() {
  let n = 0;
  const invoke = vi.fn<RawInvoke>(async (operation) => ({
    ok: true,
    value: operation === 'listArticles' ? { articles: [{ ...summary, title: `#${++n}` }] } : {},
  }));
  return invoke;
}

describe('withHeadStart', () => {
  it('asks for the app’s first replies at once, before any call', () => {
    const invoke = counting();
    withHeadStart(invoke);
    expect(invoke.mock.calls.map(([operation]) => operation)).toEqual(
      HEAD_START_CALLS.map(([operation]) => operation),
    );
  });

  it('hands the head start to the first matching call, and asks again after that', async () => {
    const invoke = counting();
    const client = createClient(withHeadStart(invoke, [['listArticles', {}]]).invoke);
    const first = await client.listArticles({});
    expect(first.articles[0]!.title).toBe('#1');
    expect(invoke).toHaveBeenCalledTimes(1);
    const second = await client.listArticles({});
    expect(second.articles[0]!.title).toBe('#2');
    expect(invoke).toHaveBeenCalledTimes(2);
  });

  it('drops the head starts not taken once any other call is made', async () => {
    const invoke = counting();
    const raw = withHeadStart(invoke, [['listArticles', {}]]).invoke;
    await raw('listTags', {});
    const reply = await raw('listArticles', {});
    expect(reply).toEqual({ ok: true, value: { articles: [{ ...summary, title: '#2' }] } });
    expect(invoke).toHaveBeenCalledTimes(3);
  });

  it('still validates a head-started reply', async () => {
    const invoke = vi.fn<RawInvoke>(async () => ({ ok: true, value: { articles: [{}] } }));
    const client = createClient(withHeadStart(invoke, [['listArticles', {}]]).invoke);
    await expect(client.listArticles({})).rejects.toThrow(/listArticles: unexpected response/);
  });
});
