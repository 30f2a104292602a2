/**
 * The quick check of replies (src/shared/contract/fast-check.ts) may only ever say yes where zod
 * accepts the value unchanged: everything else is left to zod, so the client refuses exactly what
 * it refused before, with the same message.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createClient } from '../../../src/shared/contract/client';
import { ArticleSummarySchema, type ArticleSummary } from '../../../src/shared/contract/entities';
import { ServiceError } from '../../../src/shared/contract/errors';
import { fastAccept } from '../../../src/shared/contract/fast-check';
import { OPERATION_NAMES } from '../../../src/shared/contract/operation-names';
import { operations } from '../../../src/shared/contract/operations';
import { fakeHandlers, summary, validRequests } from './fakes';

/** The quick check agrees with zod: a yes only where zod answers the very same value. */
function expectSound(schema: z.ZodType, value: unknown): boolean {
  const accept = fastAccept(schema);
  const quick = accept ? accept(value) : false;
  const parsed = schema.safeParse(value);
  if (quick) {
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(value);
  }
  return quick;
}

/** Summaries each wrong in one way zod refuses. */
const MALFORMED: Record<string, (s: ArticleSummary) => unknown> = {
  'an id that is not a UUID': (s) => ({ ...s, id: 'not-a-uuid' }),
  'a title that is a number': (s) => ({ ...s, title: 42 }),
  'a missing title': ({ title: _title, ...rest }) => rest,
  'an unknown field': (s) => ({ ...s, extra: true }),
  'a timestamp that is not ISO 8601': (s) => ({ ...s, addedAt: 'yesterday' }),
  'a negative count': (s) => ({ ...s, annotationCount: -1 }),
  'a fractional count': (s) => ({ ...s, claimCount: 1.5 }),
  'a count that is not finite': (s) => ({ ...s, orphanCount: Infinity }),
  'an origin not in the enum': (s) => ({ ...s, origin: 'ftp' }),
  'a null where null is not allowed': (s) => ({ ...s, tags: null }),
  'a tag that is not a string': (s) => ({ ...s, tags: ['a', 1] }),
  'facets with an unknown field': (s) => ({ ...s, facets: { ...s.facets, more: [] } }),
  'facets that are an array': (s) => ({ ...s, facets: [] }),
  'a summary that is a string': () => 'summary',
};

describe('fastAccept', () => {
  it('accepts a valid article summary, as zod does', () => {
    expect(expectSound(ArticleSummarySchema, summary)).toBe(true);
    const full: ArticleSummary = {
      ...summary,
      byline: 'A. Writer',
      direction: 'rtl',
      lastOpenedAt: '2026-01-02T03:04:05.000Z',
      tags: ['x', 'y'],
    };
    expect(expectSound(ArticleSummarySchema, full)).toBe(true);
  });

  for (const [what, make] of Object.entries(MALFORMED)) {
    it(`refuses a summary with ${what}, which zod refuses too`, () => {
      const value = make(summary);
      expect(fastAccept(ArticleSummarySchema)?.(value)).toBe(false);
      expect(ArticleSummarySchema.safeParse(value).success).toBe(false);
    });
  }

  it('leaves to zod what changes the value: defaults, transforms, trimming, stripped keys', () => {
    expect(fastAccept(z.object({ a: z.string().default('x') }))).toBeNull();
    expect(fastAccept(z.string().transform((s) => s.length))).toBeNull();
    expect(fastAccept(z.string().trim())).toBeNull();
    // A plain object strips unknown keys: the quick check says no and zod answers the copy.
    const plain = z.object({ a: z.string() });
    expect(expectSound(plain, { a: 'x' })).toBe(true);
    expect(expectSound(plain, { a: 'x', b: 1 })).toBe(false);
  });

  it('runs the refinements of the schema', () => {
    const even = z.number().refine((n) => n % 2 === 0);
    expect(expectSound(even, 2)).toBe(true);
    expect(expectSound(even, 3)).toBe(false);
  });

  it('never says yes where zod says no, for the valid reply of every operation', async () => {
    const { handlers } = fakeHandlers();
    for (const name of OPERATION_NAMES) {
      const handler = handlers[name] as (request: unknown) => unknown;
      const reply = await handler(validRequests[name]);
      expectSound(operations[name].response, reply);
    }
  });
});

describe('the client with the quick check', () => {
  const many = (count: number): ArticleSummary[] =>
    Array.from({ length: count }, (_, i) => ({ ...summary, title: `Article ${i}` }));

  it('answers a big valid library reply as it came', async () => {
    const articles = many(5_000);
    const reply = { articles };
    const client = createClient(async () => ({ ok: true, value: reply }));
    await expect(client.listArticles({})).resolves.toBe(reply);
  });

  it('refuses a big library reply with one malformed summary, with zod’s message', async () => {
    const articles: unknown[] = many(5_000);
    articles[4_321] = { ...summary, annotationCount: -1 };
    const client = createClient(async () => ({ ok: true, value: { articles } }));
    const error = await client.listArticles({}).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('internal');
    expect((error as ServiceError).message).toMatch(/^listArticles: unexpected response/);
    expect((error as ServiceError).message).toMatch(/4321/);
  });
});
