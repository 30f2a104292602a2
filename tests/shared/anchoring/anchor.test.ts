/**
 * Anchoring: an annotation's selectors are placed in a (possibly changed) canonical text, or the
 * annotation is an orphan. The one rule above all: never attached to the wrong words.
 * Most cases run on the sample article, whose claims repeat phrases ("false-flag operation").
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchor, type Anchor } from '../../../src/shared/anchoring/anchor';
import { describeRange, type Selectors } from '../../../src/shared/anchoring/selectors';
import { BLOCK_SEPARATOR } from '../../../src/shared/document/canonical-text';

/** The sample article's canonical text: its four body paragraphs (title, byline, date, repeat of the title dropped). */
const SEED = readFileSync(
  new URL('../../../resources/sample/negotiations-continue-2022-02-11.txt', import.meta.url),
  'utf8',
);
const TEXT = SEED.split('\n').slice(4).filter(Boolean).join(BLOCK_SEPARATOR);

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) out.push(at);
  return out;
}

function describeQuote(text: string, quote: string, occurrence = 0): Selectors {
  const start = occurrences(text, quote)[occurrence];
  if (start === undefined) throw new Error(`"${quote}" #${occurrence} is not in the text`);
  return describeRange(text, start, start + quote.length);
}

/** The words an anchor covers, or null for an orphan. */
function covered(text: string, result: Anchor): string | null {
  return result.status === 'orphan' ? null : text.slice(result.start, result.end);
}

/** True when `index` falls between two grapheme clusters of `text`. */
function isClusterBoundary(text: string, index: number): boolean {
  if (index === 0 || index === text.length) return true;
  const segments = new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text);
  return segments.containing(index)!.index === index;
}

describe('the sample text', () => {
  it('has four paragraphs and repeats "false-flag operation" three times', () => {
    expect(TEXT.split(BLOCK_SEPARATOR)).toHaveLength(4);
    expect(TEXT.startsWith('In December of 2021')).toBe(true);
    expect(occurrences(TEXT, 'false-flag operation')).toHaveLength(3);
  });
});

describe('anchor: unchanged text', () => {
  it('anchors every occurrence of a repeated quote where it was', () => {
    for (const [i, at] of occurrences(TEXT, 'false-flag operation').entries()) {
      const selectors = describeQuote(TEXT, 'false-flag operation', i);
      expect(anchor(TEXT, selectors)).toEqual({ status: 'anchored', start: at, end: at + 20 });
    }
  });

  it('anchors any range of the text where it was (property)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: TEXT.length - 1 }),
        fc.integer({ min: 1, max: 400 }),
        (start, length) => {
          const end = Math.min(TEXT.length, start + length);
          expect(anchor(TEXT, describeRange(TEXT, start, end))).toEqual({
            status: 'anchored',
            start,
            end,
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('anchor: text inserted or removed before the quote', () => {
  const NOTE = 'Editor’s note: this article was updated on February 12 to add a paragraph.\n\n';

  it('R15 moves each occurrence of a repeated quote to its own new place', () => {
    const changed = NOTE + TEXT;
    for (const [i, at] of occurrences(TEXT, 'false-flag operation').entries()) {
      const result = anchor(changed, describeQuote(TEXT, 'false-flag operation', i));
      expect(result).toEqual({
        status: 'moved',
        start: at + NOTE.length,
        end: at + NOTE.length + 20,
      });
    }
  });

  it('R15 moves a quote left when text before it is removed', () => {
    const quote = '“the biggest security crisis that Europe has faced for decades.”';
    const removed = TEXT.indexOf('Additionally, $2.5B');
    const changed = TEXT.slice(0, removed) + TEXT.slice(TEXT.indexOf('\n\n', removed));
    const result = anchor(changed, describeQuote(TEXT, quote));
    expect(result.status).toBe('moved');
    expect(covered(changed, result)).toBe(quote);
    expect(result).toMatchObject({ start: changed.indexOf(quote) });
  });

  it('R15 resolves each occurrence of a repeated quote by its context once every position is stale', () => {
    // Dropping the first paragraph moves all three occurrences; only context tells them apart.
    const firstBreak = TEXT.indexOf(BLOCK_SEPARATOR) + BLOCK_SEPARATOR.length;
    const changed = TEXT.slice(firstBreak);
    const newPlaces = occurrences(changed, 'false-flag operation');
    for (const i of [0, 1, 2]) {
      const result = anchor(changed, describeQuote(TEXT, 'false-flag operation', i));
      expect(result).toEqual({ status: 'moved', start: newPlaces[i], end: newPlaces[i]! + 20 });
    }
  });

  it('R15 prefers context when the old position now holds the same words of another occurrence', () => {
    // Occurrence #2 is described, then the text is changed so that occurrence #1 sits where #2 was.
    const selectors = describeQuote(TEXT, 'false-flag operation', 2);
    const [, second, third] = occurrences(TEXT, 'false-flag operation') as [number, number, number];
    const padding = 'x'.repeat(third - second);
    const changed = padding + TEXT;
    expect(changed.indexOf('false-flag operation', second + padding.length - 1)).toBe(third);
    const result = anchor(changed, selectors);
    expect(result).toEqual({
      status: 'moved',
      start: third + padding.length,
      end: third + padding.length + 20,
    });
  });
});

describe('anchor: the context changed around words that stayed in place', () => {
  it('R15 is still anchored where it was', () => {
    const quote = 'announced an intelligence finding';
    const selectors = describeQuote(TEXT, quote);
    // An edit of the same length inside the prefix: the words stay at their old offsets.
    const changed = TEXT.replace('the White House announced', 'the White Hou$e announced');
    expect(changed.length).toBe(TEXT.length);
    expect(anchor(changed, selectors)).toEqual({
      status: 'anchored',
      start: selectors.position.start,
      end: selectors.position.end,
    });
  });
});

describe('anchor: the quoted words were edited', () => {
  it('R15 covers the edited passage after a one-word edit', () => {
    const quote =
      'the White House announced an intelligence finding that Russia had been stirring misinformation';
    const edited = quote.replace('stirring', 'spreading');
    const changed = TEXT.replace(quote, edited);
    const result = anchor(changed, describeQuote(TEXT, quote));
    expect(result.status).toBe('changed');
    expect(covered(changed, result)).toBe(edited);
  });

  it('R15 covers the edited passage when a word is inserted and the passage has moved', () => {
    const quote =
      'Russia was in the process of stationing thousands of troops at its west-facing border';
    const edited =
      'Russia was in the process of stationing many thousands of troops at its west-facing border';
    const changed = 'Updated.\n\n' + TEXT.replace(quote, edited);
    const result = anchor(changed, describeQuote(TEXT, quote));
    expect(result.status).toBe('changed');
    expect(covered(changed, result)).toBe(edited);
  });

  it('R15 finds a passage after a few random one-character edits inside it (property)', () => {
    const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: TEXT.length - 200 }),
        fc.integer({ min: 40, max: 160 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), letters), {
          minLength: 1,
          maxLength: 2,
        }),
        (start, length, edits) => {
          const selectors = describeRange(TEXT, start, start + length);
          let quote = selectors.quote.exact;
          for (const [where, letter] of edits) {
            const at = 1 + Math.floor(where * (quote.length - 2));
            quote = quote.slice(0, at) + letter + quote.slice(at + 1);
          }
          const changed = TEXT.slice(0, start) + quote + TEXT.slice(start + length);
          const result = anchor(changed, selectors);
          if (quote === selectors.quote.exact) {
            expect(result.status).toBe('anchored');
            return;
          }
          expect(result.status === 'changed' || result.status === 'moved').toBe(true);
          if (result.status === 'orphan') return;
          // Same place, give or take the edits: never somewhere else in the article.
          expect(Math.abs(result.start - start)).toBeLessThanOrEqual(edits.length);
          expect(Math.abs(result.end - (start + length))).toBeLessThanOrEqual(edits.length);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('anchor: orphans', () => {
  it('R15 orphans a quote whose sentence was removed', () => {
    const sentence =
      'On January 23rd, the UK Foreign Office reported that Russia also planned to install a pro-Russia ' +
      'government in Ukraine and named specific Ukranians who Russia would use.';
    const selectors = describeQuote(TEXT, sentence);
    expect(anchor(TEXT.replace(sentence + ' ', ''), selectors)).toEqual({ status: 'orphan' });
  });

  it('R15 orphans a quote whose words were rewritten beyond recognition', () => {
    const quote =
      '“the number of Russian forces is going up, the warning time for a possible attack is going down.”';
    const changed = TEXT.replace(quote, '“we are watching the situation closely.”');
    expect(anchor(changed, describeQuote(TEXT, quote))).toEqual({ status: 'orphan' });
  });

  it('R15 never attaches a 40-character quote to a text that shares nothing with it', () => {
    const quote = 'Stoltenberg said the warning time is down';
    expect(quote).toHaveLength(41);
    const selectors: Selectors = {
      quote: { exact: quote, prefix: 'NATO ', suffix: '.' },
      position: { start: 10, end: 51 },
    };
    expect(anchor('0123456789 '.repeat(40), selectors)).toEqual({ status: 'orphan' });
    expect(
      anchor('Съешь же ещё этих мягких французских булок, да выпей чаю. '.repeat(5), selectors),
    ).toEqual({
      status: 'orphan',
    });
    // And in an article that is English but says something else entirely.
    const other =
      'The committee met on Tuesday to discuss the budget for the coming year. Members agreed that the ' +
      'library would stay open later on weekdays, and that the roof repairs would begin in the spring.';
    expect(anchor(other, selectors)).toEqual({ status: 'orphan' });
  });

  it('R15 orphans quotes drawn from another alphabet than the text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'abcdef '), minLength: 0, maxLength: 300 }),
        fc.string({ unit: fc.constantFrom(...'uvwxyz'), minLength: 1, maxLength: 60 }),
        fc.nat({ max: 400 }),
        (text, exact, start) => {
          const selectors: Selectors = {
            quote: { exact, prefix: '', suffix: '' },
            position: { start, end: start + exact.length },
          };
          expect(anchor(text, selectors)).toEqual({ status: 'orphan' });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('R15 orphans an empty quote, even where its position is inside the text', () => {
    const selectors: Selectors = {
      quote: { exact: '', prefix: 'Russia ', suffix: ' denies' },
      position: { start: 5, end: 5 },
    };
    expect(anchor(TEXT, selectors)).toEqual({ status: 'orphan' });
    expect(anchor('', selectors)).toEqual({ status: 'orphan' });
  });

  it('R15 orphans any quote in an empty text', () => {
    expect(anchor('', describeQuote(TEXT, 'false-flag operation'))).toEqual({ status: 'orphan' });
  });
});

describe('anchor: Unicode normalization (NFC ↔ NFD)', () => {
  const SENTENCES = [
    'Le café est ouvert depuis ce matin, dit-il.',
    'Un café.',
    'The naïve résumé was sent to Ångström Laboratory in Zürich.',
    'Ce qu’il a dit — « café crème » — était faux.',
    'L’État de droit, dit-elle, est menacé.',
  ];
  const WORDS = [
    'café',
    'naïve',
    'résumé',
    'Ångström',
    'Zürich',
    'café crème',
    'Le café est',
    'résumé was',
    'État',
    'État de droit',
    'menacé',
  ];

  /** Re-anchored to the same words (in either form), or an orphan; never anything else. */
  function expectSameWordsOrOrphan(text: string, result: Anchor, quote: string): void {
    if (result.status === 'orphan') return;
    expect(text.slice(result.start, result.end).normalize('NFC')).toBe(quote.normalize('NFC'));
    expect(isClusterBoundary(text, result.start)).toBe(true);
    expect(isClusterBoundary(text, result.end)).toBe(true);
  }

  for (const sentence of SENTENCES) {
    for (const word of WORDS) {
      if (!sentence.includes(word)) continue;
      for (const [from, to] of [
        ['NFC', 'NFD'],
        ['NFD', 'NFC'],
      ] as const) {
        it(`R15 re-anchors "${word}" from ${from} to ${to} text, or orphans it, in "${sentence}"`, () => {
          const original = sentence.normalize(from);
          const changed = sentence.normalize(to);
          const selectors = describeQuote(original, word.normalize(from));
          expectSameWordsOrOrphan(changed, anchor(changed, selectors), word);
        });
      }
    }
  }

  it('R15 re-anchors a long NFC quote in the NFD text as the same words', () => {
    const original =
      'Hier, le café du coin a fermé. Le café est ouvert depuis ce matin, dit le propriétaire.';
    const quote = 'Le café est ouvert depuis ce matin, dit le propriétaire';
    const changed = original.normalize('NFD');
    const result = anchor(changed, describeQuote(original, quote));
    expect(result.status).toBe('changed');
    expectSameWordsOrOrphan(changed, result, quote);
  });

  it('R15 re-anchors any whole-character quote across NFC and NFD (property)', () => {
    const word = fc.constantFrom(
      'café',
      'naïve',
      'État',
      'Ångström',
      'über',
      'año',
      'crème',
      'Zoë',
      'Dvořák',
      'the',
      'talks',
      'Россия',
      'ελληνικά',
    );
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 2, maxLength: 12 }),
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        (words, a, b, toNfd) => {
          const sentence = words.join(' ');
          const [from, to] = toNfd ? (['NFC', 'NFD'] as const) : (['NFD', 'NFC'] as const);
          const original = sentence.normalize(from);
          const changed = 'Updated: ' + sentence.normalize(to);
          // A quote of whole words, so that its ends fall between characters.
          const i = a % words.length;
          const j = i + 1 + (b % (words.length - i));
          const quote = words.slice(i, j).join(' ').normalize(from);
          const start = words.slice(0, i).join(' ').normalize(from).length + (i > 0 ? 1 : 0);
          expect(original.slice(start, start + quote.length)).toBe(quote);
          const result = anchor(changed, describeRange(original, start, start + quote.length));
          expect(result.status).not.toBe('orphan');
          expectSameWordsOrOrphan(changed, result, quote);
          // And the same occurrence, when words repeat.
          const before =
            ('Updated: ' + words.slice(0, i).join(' ')).normalize(to).length + (i > 0 ? 1 : 0);
          expect(result).toMatchObject({ start: before });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('R13 R15 keeps whole clusters when the quote was both edited and decomposed', () => {
    const original = 'Hier soir, nous avons bu un café. Puis nous sommes partis.';
    const changed = 'Hier soir, nous avions bu un café. Puis nous sommes partis.'.normalize('NFD');
    const result = anchor(changed, describeQuote(original, 'nous avons bu un café'));
    expect(result.status).toBe('changed');
    expectSameWordsOrOrphan(changed, result, 'nous avions bu un café');
  });

  it('R13 R15 keeps whole clusters when an edited quote starts with a decomposed letter', () => {
    const original = 'Il a dit : « Évidemment, nous étions prêts. »';
    const changed = 'Il a dit : « Évidemment, nous étions prêt. »'.normalize('NFD');
    const result = anchor(changed, describeQuote(original, 'Évidemment, nous étions prêts'));
    expect(result.status).toBe('changed');
    expectSameWordsOrOrphan(changed, result, 'Évidemment, nous étions prêt');
  });

  it('R13 R15 keeps whole clusters when a short NFC quote is found in NFD text', () => {
    const original = 'Le café est ouvert.';
    const changed = original.normalize('NFD');
    const result = anchor(changed, describeQuote(original, 'café'));
    expectSameWordsOrOrphan(changed, result, 'café');
  });
});

// ---------------------------------------------------------------------------------------------
// Golden fixtures: tests/fixtures/anchoring/*.json, each a list of { name, text, selectors, expected }.

interface FixtureCase {
  readonly name: string;
  readonly text: string;
  readonly selectors: Selectors;
  /** The status, and for a placed anchor the words it must cover and where they start. */
  readonly expected:
    | { readonly status: 'orphan' }
    | {
        readonly status: 'anchored' | 'moved' | 'changed';
        readonly start: number;
        readonly quote: string;
      };
}

const FIXTURE_DIR = new URL('../../fixtures/anchoring/', import.meta.url);
const fixtureCases: [string, FixtureCase][] = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((file) =>
    (JSON.parse(readFileSync(new URL(file, FIXTURE_DIR), 'utf8')) as FixtureCase[]).map(
      (c): [string, FixtureCase] => [`${file}: ${c.name}`, c],
    ),
  );

describe('anchor: golden fixtures', () => {
  it('has fixtures to run', () => {
    expect(fixtureCases.length).toBeGreaterThan(5);
  });

  it.each(fixtureCases)('%s', (_name, c) => {
    const result = anchor(c.text, c.selectors);
    if (c.expected.status === 'orphan') {
      expect(result).toEqual({ status: 'orphan' });
      return;
    }
    expect(result).toEqual({
      status: c.expected.status,
      start: c.expected.start,
      end: c.expected.start + c.expected.quote.length,
    });
    expect(covered(c.text, result)).toBe(c.expected.quote);
  });
});
