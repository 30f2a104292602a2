/** The limits are the schemas' own: exactly at each, the schema takes the value; one past, not. */
import { describe, expect, it } from 'vitest';
import {
  ClaimSchema,
  QuoteSelectorSchema,
  TagNameSchema,
} from '../../../src/shared/contract/entities';
import {
  MAX_CLAIM_TYPE_LENGTH,
  MAX_QUOTE_CONTEXT_LENGTH,
  MAX_SPEAKER_LENGTH,
  MAX_TAG_LENGTH,
} from '../../../src/shared/text/limits';

describe('the limits read from the entity schemas', () => {
  it('are where the schemas draw the line', () => {
    const x = (n: number) => 'x'.repeat(n);
    expect(TagNameSchema.safeParse(x(MAX_TAG_LENGTH)).success).toBe(true);
    expect(TagNameSchema.safeParse(x(MAX_TAG_LENGTH + 1)).success).toBe(false);
    const claim = (type: string, speaker: string) =>
      ClaimSchema.safeParse({ type, speaker, status: 'unverified' }).success;
    expect(claim(x(MAX_CLAIM_TYPE_LENGTH), x(MAX_SPEAKER_LENGTH))).toBe(true);
    expect(claim(x(MAX_CLAIM_TYPE_LENGTH + 1), 'a')).toBe(false);
    expect(claim('a', x(MAX_SPEAKER_LENGTH + 1))).toBe(false);
    const quote = (context: string) =>
      QuoteSelectorSchema.safeParse({ exact: 'a', prefix: context, suffix: context }).success;
    expect(quote(x(MAX_QUOTE_CONTEXT_LENGTH))).toBe(true);
    expect(quote(x(MAX_QUOTE_CONTEXT_LENGTH + 1))).toBe(false);
  });
});
