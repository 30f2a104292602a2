/**
 * Re-anchoring every annotation of an article onto its new version: statuses relative to the old
 * text, each strategy in turn, the done-when case on the sample article, and guards
 * against the one failure that is never acceptable: landing on other words.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isClusterBoundary } from '../../../src/shared/anchoring/anchor';
import { reanchorAll, type Reanchored } from '../../../src/shared/anchoring/reanchor';
import { describeRange, type Selectors } from '../../../src/shared/anchoring/selectors';
import { BLOCK_SEPARATOR } from '../../../src/shared/document/canonical-text';

const SEED = readFileSync(
  new URL('../../../resources/sample/negotiations-continue-2022-02-11.txt', import.meta.url),
  'utf8',
);
const TEXT = SEED.split('\n').slice(4).filter(Boolean).join(BLOCK_SEPARATOR);
const STOLTENBERG =
  'On February 10th, NATO Secretary General Jens Stoltenberg said that “the number of Russian forces is going up, the warning time for a possible attack is going down.” ';

function describeQuote(text: string, quote: string, occurrence = 0): Selectors {
  let at = text.indexOf(quote);
  for (let i = 0; i < occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at === -1) throw new Error(`"${quote}" #${occurrence} is not in the text`);
  return describeRange(text, at, at + quote.length);
}

function one(oldText: string, newText: string, selectors: Selectors): Reanchored {
  return reanchorAll(oldText, newText, [{ id: 'a', selectors }])[0]!;
}

const words = (newText: string, r: Reanchored) =>
  r.anchor.status === 'orphan' ? null : newText.slice(r.anchor.start, r.anchor.end);

describe('reanchorAll: the done-when case', () => {
  it('finds "which Russia denies" changed and the Stoltenberg quote orphaned', () => {
    expect(TEXT).toContain(STOLTENBERG);
    const newText = TEXT.replace('which Russia denies', 'which Russia has denied').replace(
      STOLTENBERG,
      '',
    );
    const results = reanchorAll(TEXT, newText, [
      { id: 'denies', selectors: describeQuote(TEXT, 'which Russia denies') },
      {
        id: 'warning',
        selectors: describeQuote(TEXT, 'the warning time for a possible attack is going down'),
      },
      { id: 'johnson', selectors: describeQuote(TEXT, 'Boris Johnson') },
      { id: 'december', selectors: describeQuote(TEXT, 'In December of 2021') },
    ]);
    expect(results.map((r) => r.anchor.status)).toEqual(['changed', 'orphan', 'moved', 'anchored']);
    expect(results[0]!.selectors?.quote.exact).toBe('which Russia has denied');
    expect(results[1]!.selectors).toBeNull();
    expect(words(newText, results[2]!)).toBe('Boris Johnson');
    expect(results[2]!.selectors?.position.start).toBe(newText.indexOf('Boris Johnson'));
  });
});

describe('reanchorAll: statuses and strategies', () => {
  it('anchors every occurrence of a repeated phrase where it was in an unchanged text', () => {
    const items = [0, 1, 2].map((i) => ({
      id: String(i),
      selectors: describeQuote(TEXT, 'false-flag operation', i),
    }));
    for (const [i, r] of reanchorAll(TEXT, TEXT, items).entries()) {
      expect(r.anchor).toEqual({
        status: 'anchored',
        start: items[i]!.selectors.position.start,
        end: items[i]!.selectors.position.end,
      });
    }
  });

  it('moves a quote whose paragraph moved, keeping the occurrence chosen', () => {
    const blocks = TEXT.split(BLOCK_SEPARATOR);
    const newText = [blocks[1], blocks[0], blocks[2], blocks[3]].join(BLOCK_SEPARATOR);
    const selectors = describeQuote(TEXT, 'false-flag operation', 2);
    const r = one(TEXT, newText, selectors);
    expect(r.anchor.status).toBe('moved');
    expect(r.selectors?.quote.prefix).toBe(selectors.quote.prefix);
  });

  it('finds the quote in an edited paragraph by its context (exact strategy)', () => {
    const newText = TEXT.replace('On January 23rd', 'Later, on January 23rd');
    const selectors = describeQuote(TEXT, 'false-flag operation', 2);
    const r = one(TEXT, newText, selectors);
    expect(r.anchor.status).toBe('moved');
    expect(r.selectors?.quote.prefix).toBe(selectors.quote.prefix);
  });

  it('marks a quote found in another Unicode normalization as changed', () => {
    const old = 'Alpha beta.\n\nLe café de la gare est fermé le lundi.\n\nGamma delta.';
    const newText = old.normalize('NFD');
    const r = one(old, newText, describeQuote(old, 'café de la gare'));
    expect(r.anchor.status).toBe('changed');
    expect(words(newText, r)).toBe('café de la gare'.normalize('NFD'));
  });

  it('finds a quote with a typo fixed as changed (approximate strategy)', () => {
    const newText = TEXT.replace('Ukranians', 'Ukrainians');
    const r = one(
      TEXT,
      newText,
      describeQuote(TEXT, 'named specific Ukranians who Russia would use'),
    );
    expect(r.anchor.status).toBe('changed');
    expect(words(newText, r)).toBe('named specific Ukrainians who Russia would use');
  });
});

describe('reanchorAll: never on other words', () => {
  it('orphans a quote whose sentence was deleted, though its neighbours now touch', () => {
    const sentence =
      'Then again on February 3rd, the US accused Russia of planning a false-flag operation.';
    const newText = TEXT.replace(` ${sentence}`, '');
    const r = one(TEXT, newText, describeQuote(TEXT, sentence));
    expect(r.anchor.status).toBe('orphan');
  });

  it('orphans a deleted repeated phrase rather than take another occurrence', () => {
    const quote = 'the US accused Russia of planning a false-flag operation';
    const newText = TEXT.replace(quote, 'the US said more');
    const r = one(TEXT, newText, describeQuote(TEXT, quote));
    expect(r.anchor.status === 'orphan' || words(newText, r)?.includes('said')).toBe(true);
    const short = one(TEXT, newText, describeQuote(TEXT, 'a false-flag operation', 1));
    expect(short.anchor.status).toBe('orphan');
    const other = one(TEXT, newText, describeQuote(TEXT, 'a false-flag operation', 0));
    expect(other.anchor.status).toBe('anchored');
  });

  it('orphans a short quote whose word is gone, though the word is elsewhere', () => {
    const newText = TEXT.replace('Additionally, $2.5B', 'Also, $2.5B');
    const r = one(TEXT, newText, describeQuote(TEXT, 'Additionally'));
    expect(r.anchor.status).toBe('orphan');
    const russia = describeQuote(TEXT, 'Russia', 3);
    const deleted = TEXT.slice(0, russia.position.start) + TEXT.slice(russia.position.end);
    const gone = one(TEXT, deleted, russia);
    expect(gone.anchor.status).toBe('orphan');
  });
});

// Documents with Unicode edge cases: skin-tone emoji, ZWJ families, combining marks, RTL text.
const PIECES = [
  'word',
  'the',
  ' ',
  ', ',
  '. ',
  '\n\n',
  '👍🏽',
  '👨‍👩‍👧',
  'e\u0301',
  'café',
  'שלום',
  'مرحبا',
  'Ünïcödé',
  '🇫🇷',
];
const documentArb = fc
  .array(fc.constantFrom(...PIECES), { minLength: 2, maxLength: 60 })
  .map((parts) => parts.join(''));

/** A document and a selection of it that starts and ends between grapheme clusters. */
const selectionArb = documentArb
  .chain((text) => fc.tuple(fc.constant(text), fc.nat(text.length), fc.nat(text.length)))
  .map(([text, a, b]) => {
    let start = Math.min(a, b);
    let end = Math.max(a, b);
    while (start > 0 && !isClusterBoundary(text, start)) start--;
    while (end < text.length && !isClusterBoundary(text, end)) end++;
    return { text, start, end };
  })
  .filter(({ start, end }) => end > start);

describe('reanchorAll: not on a copy of the quote in another paragraph', () => {
  const paragraphs = TEXT.split(BLOCK_SEPARATOR);
  /** TEXT with `copy` put at the start of its paragraph `index`, after `edit` is applied. */
  function withCopy(edit: (text: string) => string, copy: string, index: number): string {
    const edited = edit(TEXT).split(BLOCK_SEPARATOR);
    edited[index] = `${copy} ${edited[index]!}`;
    return edited.join(BLOCK_SEPARATOR);
  }

  it('keeps a quote whose context was edited where it was, not on a copy that has all its context', () => {
    const home = paragraphs.findIndex((p) => p.includes('wants the US to remove troops'));
    const copy =
      'Media say it wants the US to remove troops and weapons from the Eastern European countries that joined NATO after 1997 early.';
    const newText = withCopy(
      (t) => t.replace('wants the US to remove troops', 'wants the US to ones troops'),
      copy,
      home + 1 < paragraphs.length ? home + 1 : home - 1,
    );
    const r = one(TEXT, newText, describeQuote(TEXT, 'troops and weapons from the'));
    expect(r.anchor.status).not.toBe('orphan');
    expect(r.anchor.status !== 'orphan' && r.anchor.start).toBe(
      newText.indexOf('ones troops and weapons') + 'ones '.length,
    );
  });

  it('does not take a copy elsewhere when a sentence came into the middle of the quote', () => {
    const quote = 'oligarchs, to imposing export controls on modern technology. Militarily';
    const home = paragraphs.findIndex((p) => p.includes(quote));
    const copy = `Between imposing down of ${quote} a 100 uk.`;
    const inserted =
      'Accused export ukrainian thousands the process of stationing thousands against stoltenberg attack completing.';
    const newText = withCopy(
      (t) =>
        t.replace('modern technology. Militarily', `modern technology. ${inserted} Militarily`),
      copy,
      home + 1 < paragraphs.length ? home + 1 : home - 1,
    );
    const r = one(TEXT, newText, describeQuote(TEXT, quote));
    const copyAt = newText.indexOf(copy);
    if (r.anchor.status !== 'orphan') {
      expect(r.anchor.end <= copyAt || r.anchor.start >= copyAt + copy.length).toBe(true);
    }
  });
});

describe('reanchorAll: paragraphs moved around an edited one', () => {
  it('finds a quote in an edited paragraph whose neighbour moved far away', () => {
    const paragraphs = TEXT.split(BLOCK_SEPARATOR);
    const [first, second, ...rest] = paragraphs;
    const quote = second!.slice(40, 90);
    // The first paragraph goes to the end; the second gets a word edited away from the quote.
    const edited = `${second!.slice(0, 120)} newly${second!.slice(120)}`;
    const newText = [edited, ...rest, first!].join(BLOCK_SEPARATOR);
    const r = one(TEXT, newText, describeQuote(TEXT, quote));
    expect(r.anchor.status).toBe('moved');
    expect(words(newText, r)).toBe(quote);
  });
});

describe('reanchorAll: a quote whose first or last words were replaced', () => {
  const intro = ['Talks resumed in Geneva on Monday.', 'Both sides called it businesslike.'];
  const envoy =
    'The envoy said the talks would focus on the exchange of prisoners before the spring.';

  it('takes in a replaced last word followed by the start of the old suffix', () => {
    const oldText = [
      ...intro,
      envoy,
      'Neither delegation commented on the record, and no breakthrough was expected.',
    ].join(BLOCK_SEPARATOR);
    const newText = [...intro, envoy.replace('spring', 'summer')].join(BLOCK_SEPARATOR);
    const r = one(
      oldText,
      newText,
      describeQuote(oldText, 'the exchange of prisoners before the spring'),
    );
    expect(r.anchor.status).toBe('changed');
    expect(words(newText, r)).toBe('the exchange of prisoners before the summer');
  });

  it("takes in a replaced last word followed by the old suffix's first word", () => {
    const oldText = [...intro, 'The envoy would focus on the prisoners, and then on trade.'].join(
      BLOCK_SEPARATOR,
    );
    const newText = [...intro, 'The envoy would focus on the hostages, and later on grain.'].join(
      BLOCK_SEPARATOR,
    );
    const r = one(oldText, newText, describeQuote(oldText, 'would focus on the prisoners'));
    expect(words(newText, r)).toBe('would focus on the hostages');
  });

  it('takes in replaced first words preceded by the end of the old prefix', () => {
    const oldText = [...intro, envoy].join(BLOCK_SEPARATOR);
    const newText = [...intro, envoy.replace('The envoy', 'The mediator')].join(BLOCK_SEPARATOR);
    const r = one(oldText, newText, describeQuote(oldText, 'The envoy said the talks would focus'));
    expect(r.anchor.status).toBe('changed');
    expect(words(newText, r)).toBe('The mediator said the talks would focus');
  });

  it('takes in a replaced first word after the previous sentence of its paragraph', () => {
    const oldText = [
      'Talks resumed.',
      'It was businesslike. The envoy said the talks would focus.',
    ].join(BLOCK_SEPARATOR);
    const newText = oldText.replace('The envoy', 'Their envoy');
    const r = one(oldText, newText, describeQuote(oldText, 'The envoy said the talks would focus'));
    expect(words(newText, r)).toBe('Their envoy said the talks would focus');
  });

  it('leaves out words after the match when the old suffix does not follow them', () => {
    const oldText = [...intro, envoy].join(BLOCK_SEPARATOR);
    const newText = [
      ...intro,
      'The envoy said the talks would focus on the exchange of prisoners before the summer holidays begin.',
    ].join(BLOCK_SEPARATOR);
    const r = one(
      oldText,
      newText,
      describeQuote(oldText, 'the exchange of prisoners before the spring'),
    );
    expect(words(newText, r)).toBe('the exchange of prisoners before the');
  });
});

describe('reanchorAll: a sentence inserted inside a quote', () => {
  it('takes the quote with the sentence inserted into it, bracketed by its context', () => {
    const oldText = [
      'Talks resumed in Geneva on Monday.',
      'The envoy spoke with the countess. About the village he said nothing at all that day.',
    ].join(BLOCK_SEPARATOR);
    const newText = oldText.replace(
      'countess. About',
      'countess. Was her winter long and the regiment terribly far from home, people asked. About',
    );
    const r = one(oldText, newText, describeQuote(oldText, 'the countess. About the village'));
    expect(r.anchor.status).toBe('changed');
    expect(words(newText, r)).toBe(
      'the countess. Was her winter long and the regiment terribly far from home, people asked. About the village',
    );
  });
});

describe('reanchorAll: a paragraph both moved and edited', () => {
  // Paragraphs of a few common words: no word is rare enough to seed a search.
  const VOCABULARY =
    'the old count said that she was not here and then they went home again to see him'.split(' ');
  const random = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const next = random(7);
  const paragraphs = Array.from({ length: 240 }, () =>
    Array.from({ length: 24 }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]).join(' '),
  ).map((p) => p[0]!.toUpperCase() + p.slice(1) + '.');
  const oldText = paragraphs.join(BLOCK_SEPARATOR);
  const quoted = paragraphs[3]!;
  const quote = quoted.split(' ').slice(8, 16).join(' ');

  it('finds a quote whose paragraph moved far and whose every paragraph was edited', () => {
    const edited = paragraphs.map((p) => `${p} Indeed it was so.`);
    const newText = [...edited.slice(0, 3), ...edited.slice(4), edited[3]].join(BLOCK_SEPARATOR);
    const r = one(oldText, newText, describeQuote(oldText, quote));
    expect(r.anchor.status).toBe('moved');
    expect(words(newText, r)).toBe(quote);
    expect(r.selectors?.position.start).toBe(newText.lastIndexOf(quote));
  });

  it('orphans the quote when its moved paragraph lost the quoted words', () => {
    const edited = paragraphs.map((p) => `${p} Indeed it was so.`);
    const moved = edited[3]!.replace(quote, 'something else entirely');
    const newText = [...edited.slice(0, 3), ...edited.slice(4), moved].join(BLOCK_SEPARATOR);
    const r = one(oldText, newText, describeQuote(oldText, quote));
    expect(r.anchor.status).toBe('orphan');
  });
});

describe('reanchorAll: properties', () => {
  it('anchors every selection where it was when the text is unchanged', () => {
    fc.assert(
      fc.property(selectionArb, ({ text, start, end }) => {
        const r = one(text, text, describeRange(text, start, end));
        expect(r.anchor).toEqual({ status: 'anchored', start, end });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the same words when an unrelated paragraph is inserted before them', () => {
    fc.assert(
      fc.property(selectionArb, ({ text, start, end }) => {
        const inserted = 'An unrelated paragraph, inserted here.' + BLOCK_SEPARATOR;
        const newText = inserted + text;
        const r = one(text, newText, describeRange(text, start, end));
        expect(r.anchor).toEqual({
          status: 'moved',
          start: start + inserted.length,
          end: end + inserted.length,
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('reanchorAll: a copy of the quote pasted into other words', () => {
  const FIRST =
    'The US, meanwhile, is positioned to deal massive economic damage to Russia if it invades Ukraine—either via cutting Russia off from completing transactions in US Dollars, sanctioning Russian oligarchs, to imposing export controls on modern technology. ';

  it('orphans a long quote whose sentence was deleted, though a copy sits in a foreign sentence of its paragraph', () => {
    const quote = 'Russia if it invades Ukraine—either';
    expect(TEXT).toContain(FIRST);
    const newText = TEXT.replace(
      FIRST,
      'Fight make technology export Russia if it invades Ukraine—either they similarly about. ',
    );
    const r = one(TEXT, newText, describeQuote(TEXT, quote));
    expect(r.anchor.status).toBe('orphan');
  });

  it('still finds a whole sentence whose neighbouring sentences were both replaced', () => {
    const quote =
      'Additionally, $2.5B in defense assistance has been provided to Ukraine since 2014';
    const before = 'which are training and advising local Ukrainian forces. ';
    expect(TEXT).toContain(before + quote);
    const newText = TEXT.replace(before + quote, `Completing reported after. ${quote}`);
    const r = one(TEXT, newText, describeQuote(TEXT, quote));
    expect(words(newText, r)).toBe(quote);
  });

  it('takes the quote with a sentence inserted into it over a verbatim copy with context on one side only', () => {
    const quote =
      'warning time for a possible attack is going down.” What is certain, however, is that';
    const inserted = 'Europe create was in for that views. ';
    const copy = `Peration modern stationed the ${quote} February will be a crucial month.`;
    const newText = TEXT.replace(
      'going down.” What is certain',
      `going down.” ${inserted}What is certain`,
    ).replace('faced for decades.”', `faced for decades.” ${copy}`);
    const r = one(TEXT, newText, describeQuote(TEXT, quote));
    expect(r.anchor.status).toBe('changed');
    expect(words(newText, r)).toBe(quote.replace('What is', `${inserted}What is`));
  });

  it('does not take a copy of the part of a quote left, with context on one side only, when the rest was deleted', () => {
    const quote =
      'General Jens Stoltenberg said that “the number of Russian forces is going up, the warning time for a possible attack is going down.” What is certain, however, is that February will be';
    const part =
      'On February 10th, NATO Secretary General Jens Stoltenberg said that “the number of Russian forces is going up, the warning time for a possible attack is going down';
    const newText = TEXT.replace(STOLTENBERG, '').replace(
      FIRST,
      `${FIRST}February 2021 minister ${part} house remove oligarchs. `,
    );
    expect(newText).not.toBe(TEXT);
    const r = one(TEXT, newText, describeQuote(TEXT, quote));
    const copyAt = newText.indexOf(part);
    if (r.anchor.status !== 'orphan') {
      expect(r.anchor.end <= copyAt || r.anchor.start >= copyAt + part.length).toBe(true);
    }
  });
});
