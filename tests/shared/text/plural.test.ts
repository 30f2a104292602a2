import { describe, expect, it } from 'vitest';
import { agree, plural } from '../../../src/shared/text/plural';

describe('plural', () => {
  it('puts the count before the word that agrees with it', () => {
    expect(plural(1, 'claim', 'claims')).toBe('1 claim');
    expect(plural(0, 'claim', 'claims')).toBe('0 claims');
    expect(plural(3, 'annotation is', 'annotations are')).toBe('3 annotations are');
  });

  it('agree answers the wording alone, for sentences that agree beyond one word', () => {
    expect(agree(1, 'was', 'were')).toBe('was');
    expect(agree(2, 'was', 'were')).toBe('were');
  });
});
