/**
 * The find matcher: folding that ignores case and accents by default, and every match mapped back
 * to exact canonical offsets even where folding changes the length of the text.
 */
import { describe, expect, it } from 'vitest';
import {
  findMatches,
  foldText,
  type TextMatch,
} from '../../../src/renderer/src/reader/find/find-text';

const texts = (text: string, matches: readonly TextMatch[]) =>
  matches.map((m) => text.slice(m.start, m.end));

describe('findMatches', () => {
  it('finds every match, in order, ignoring case', () => {
    const text = 'The cat saw the Cat. THE END';
    const matches = findMatches(text, 'the');
    expect(matches).toEqual([
      { start: 0, end: 3 },
      { start: 12, end: 15 },
      { start: 21, end: 24 },
    ]);
  });

  it('respects case when asked', () => {
    const text = 'The cat saw the Cat.';
    expect(texts(text, findMatches(text, 'Cat', { matchCase: true, matchAccents: false }))).toEqual(
      ['Cat'],
    );
  });

  it('finds "e" in a precomposed é and in e + U+0301, covering the combining mark', () => {
    const text = 'caf\u00e9 and cafe\u0301 and cafe';
    const matches = findMatches(text, 'cafe');
    expect(texts(text, matches)).toEqual(['caf\u00e9', 'cafe\u0301', 'cafe']);
    expect(matches[1]).toEqual({ start: 9, end: 14 });
  });

  it('finds a typed é in plain e too, and a decomposed query in precomposed text', () => {
    const text = 'resume résumé';
    expect(texts(text, findMatches(text, 'résumé'))).toEqual(['resume', 'résumé']);
    expect(texts(text, findMatches(text, 're\u0301sume\u0301'))).toEqual(['resume', 'résumé']);
  });

  it('with Match accents, é is not e, but its two Unicode forms are one', () => {
    const options = { matchCase: false, matchAccents: true };
    const text = 'resume r\u00e9sum\u00e9 re\u0301sume\u0301';
    const matches = findMatches(text, 'résumé', options);
    expect(texts(text, matches)).toEqual(['r\u00e9sum\u00e9', 're\u0301sume\u0301']);
  });

  it('maps "ss" back to the one character ß, and the offsets after it stay exact', () => {
    const text = 'Die Straße ist gross. Strasse!';
    const matches = findMatches(text, 'strasse');
    expect(matches).toEqual([
      { start: 4, end: 10 },
      { start: 22, end: 29 },
    ]);
    expect(texts(text, matches)).toEqual(['Straße', 'Strasse']);
    expect(texts(text, findMatches(text, 'gross'))).toEqual(['gross']);
    expect(texts(text, findMatches(text, 'STRAẞE'))).toEqual(['Straße', 'Strasse']);
  });

  it('finds "fi" inside the ligature ﬁ and maps the match to the whole ligature', () => {
    const text = 'a ﬁne ﬁeld and a fine field';
    const matches = findMatches(text, 'fine');
    expect(texts(text, matches)).toEqual(['ﬁne', 'fine']);
    expect(matches[0]).toEqual({ start: 2, end: 5 });
  });

  it('keeps characters outside the BMP whole', () => {
    const text = 'x 𝒜bc 𝒜bc';
    const matches = findMatches(text, 'bc', { matchCase: true, matchAccents: true });
    expect(texts(text, matches)).toEqual(['bc', 'bc']);
    expect(matches[0]).toEqual({ start: 4, end: 6 });
  });

  it('finds nothing for an empty query or one that folds to nothing', () => {
    expect(findMatches('some text', '')).toEqual([]);
    expect(findMatches('some text', '\u0301')).toEqual([]);
    expect(findMatches('some text', 'absent')).toEqual([]);
  });

  it('does not count one canonical range twice (a query "s" in ß)', () => {
    expect(findMatches('ß', 's')).toEqual([{ start: 0, end: 1 }]);
  });

  it('builds a map as long as the folded text, every entry inside the text', () => {
    const text = 'Ǆ ﬃ ß e\u0301 Ω';
    const folded = foldText(text, { matchCase: false, matchAccents: false });
    expect(folded.starts.length).toBe(folded.folded.length);
    for (let i = 0; i < folded.starts.length; i++) {
      expect(folded.starts[i]).toBeLessThan(folded.ends[i]!);
      expect(folded.ends[i]).toBeLessThanOrEqual(text.length);
    }
  });
});
