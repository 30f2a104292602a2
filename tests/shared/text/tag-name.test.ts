/** Tags from outside the contract: one cleaning rule, whose answers the contract always takes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TagNameSchema } from '../../../src/shared/contract/entities';
import { MAX_TAG_LENGTH } from '../../../src/shared/text/limits';
import { cleanTagName, cleanTagNames } from '../../../src/shared/text/tag-name';

describe('cleanTagName', () => {
  it('drops a hashtag’s marks, turns separators into spaces, trims and cuts', () => {
    expect(cleanTagName('#evidence')).toBe('evidence');
    expect(cleanTagName('  ##one,two#three ')).toBe('one two three');
    expect(cleanTagName(' , # ')).toBeNull();
    expect(cleanTagName('')).toBeNull();
    expect(cleanTagName('x'.repeat(150))).toBe('x'.repeat(MAX_TAG_LENGTH));
    expect(cleanTagName(`${'x'.repeat(MAX_TAG_LENGTH - 1)}😀`)).toBe('x'.repeat(99));
    expect(cleanTagName(`${'x'.repeat(MAX_TAG_LENGTH - 1)} y`)).toBe('x'.repeat(99));
  });

  it('answers only names the contract takes, and gives valid names back unchanged', () => {
    const pieces = ['#', ',', ' ', '\n', '\u00a0', '\u3000', 'a', 'é', '😀', '\ud83d'];
    const tagLike = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 150 }),
      fc.array(fc.constantFrom(...pieces), { maxLength: 150 }).map((list) => list.join('')),
    );
    fc.assert(
      fc.property(tagLike, (raw) => {
        const cleaned = cleanTagName(raw);
        if (cleaned === null) return;
        expect(TagNameSchema.safeParse(cleaned)).toMatchObject({ success: true, data: cleaned });
        expect(cleanTagName(cleaned)).toBe(cleaned);
      }),
    );
  });
});

describe('cleanTagNames', () => {
  it('cleans each, leaves out the empty ones, and keeps each name once, in order', () => {
    expect(cleanTagNames(['#b', 'a', ',', 'b', ' a '])).toEqual(['b', 'a']);
    expect(cleanTagNames([])).toEqual([]);
  });
});
