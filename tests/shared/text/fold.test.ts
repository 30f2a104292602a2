/**
 * The two comparison rules. `nameKey` is stored in the library (`name_key` columns with unique
 * indexes), so these cases pin it: a change here is a change to existing libraries' keys.
 */
import { describe, expect, it } from 'vitest';
import { cleanName, nameKey, searchFold } from '../../../src/shared/text/fold';

describe('cleanName', () => {
  it('is NFC, trimmed, with inner white space (newlines too) folded to one space', () => {
    expect(cleanName('  Jens\n\tStoltenberg  ')).toBe('Jens Stoltenberg');
    expect(cleanName('Cafe\u0301')).toBe('Café');
    expect(cleanName('Café')).toBe('Café');
  });
});

describe('nameKey', () => {
  it('ignores case in every script, Unicode form and spacing', () => {
    expect(nameKey('  RUSSIA ')).toBe('russia');
    expect(nameKey('Россия')).toBe(nameKey('РОССИЯ'));
    expect(nameKey('Cafe\u0301')).toBe(nameKey('CAFÉ'));
    expect(nameKey('same  claim\nas')).toBe('same claim as');
  });

  it('keeps accents and compatibility forms: they make another name', () => {
    expect(nameKey('résumé')).not.toBe(nameKey('resume'));
    expect(nameKey('ﬁne')).not.toBe(nameKey('fine'));
  });

  it('does not depend on the locale (the dotted capital I lower-cases one way everywhere)', () => {
    expect(nameKey('İstanbul')).toBe('i̇stanbul');
  });
});

describe('searchFold', () => {
  it('ignores case, accents and compatibility forms', () => {
    expect(searchFold('Résumé')).toBe('resume');
    expect(searchFold('ﬁne')).toBe('fine');
    expect(searchFold('Cafe\u0301')).toBe(searchFold('CAFÉ'));
  });

  it('leaves white space alone: the words of a search are split by the caller', () => {
    expect(searchFold(' A  b ')).toBe(' a  b ');
  });
});
