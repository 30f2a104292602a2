/** The query parser: terms always quoted for FTS5, filters apart, CJK detected. */
import { describe, expect, it } from 'vitest';
import { ftsExpression, parseQuery } from '../../../src/main/search/query';
import { findRanges, parseHighlighted, textSnippets } from '../../../src/main/search/snippets';

const fts = (q: string) => ftsExpression(parseQuery(q).terms);

describe('parseQuery', () => {
  it('quotes words, keeps phrases together and a trailing * as a prefix', () => {
    expect(fts('carbon tax')).toBe('"carbon" "tax"');
    expect(fts('"carbon tax" stolten*')).toBe('"carbon tax" "stolten"*');
  });

  it('turns FTS5 syntax into plain words', () => {
    expect(fts('"unclosed phrase')).toBe('"unclosed phrase"');
    expect(fts('AND')).toBe('"AND"');
    expect(fts('NEAR(')).toBe('"NEAR("');
    expect(fts('say "hi"" there')).toBe('"say" "hi" "there"');
    expect(fts('*')).toBeNull();
    expect(fts('" "')).toBeNull();
  });

  it('reads speaker:, tag: and type: filters, quoted or not, apart from the words', () => {
    const q = parseQuery('denied speaker:"Jens Stoltenberg" TAG:défense type:denial');
    expect(q.terms.map((t) => t.text)).toEqual(['denied']);
    expect(q.filters).toEqual([
      { field: 'speaker', value: 'Jens Stoltenberg' },
      { field: 'tag', value: 'défense' },
      { field: 'type', value: 'denial' },
    ]);
    expect(parseQuery('tag:').terms.map((t) => t.text)).toEqual(['tag:']);
  });

  it('detects Han, Kana and Hangul', () => {
    expect(parseQuery('北京').cjk).toBe(true);
    expect(parseQuery('カタカナ').cjk).toBe(true);
    expect(parseQuery('한국어').cjk).toBe(true);
    expect(parseQuery('école').cjk).toBe(false);
  });
});

describe('snippets', () => {
  it('reads highlight() marks into ranges of the unmarked text', () => {
    expect(parseHighlighted('a \u0001bc\u0002 d \u0001e\u0002')).toEqual({
      text: 'a bc d e',
      ranges: [
        [2, 4],
        [7, 8],
      ],
    });
  });

  it('finds needles case-insensitively and merges overlaps', () => {
    expect(findRanges('Aaa aa', ['aa'])).toEqual([
      [0, 2],
      [4, 6],
    ]);
  });

  it('cuts context at spaces and says where it was cut', () => {
    const text = `${'word '.repeat(40)}target ${'more '.repeat(40)}`;
    const at = text.indexOf('target');
    const [first] = textSnippets(text, [[at, at + 6]], 3);
    expect(first!.offset).toBe(at);
    expect(first!.snippet.truncatedStart).toBe(true);
    expect(first!.snippet.truncatedEnd).toBe(true);
    const joined = first!.snippet.parts.map((p) => p.text).join('');
    expect(joined.startsWith('word')).toBe(true);
    expect(first!.snippet.parts.filter((p) => p.match)).toEqual([{ text: 'target', match: true }]);
  });
});
