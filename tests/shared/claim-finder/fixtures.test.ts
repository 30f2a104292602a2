/**
 * The claim finder's labelled fixtures load (every source, cue and content is in its text, at
 * consistent offsets), and the scorer matches suggestions to labels as the benchmark counts them.
 */
import { describe, expect, it } from 'vitest';
import {
  combineScores,
  loadFixture,
  scoreSuggestions,
  type FixtureFile,
  type LabelledAttribution,
  type ScoredPrediction,
} from '../../../src/shared/claim-finder/evaluate';
import { SUGGESTED_CLAIM_TYPES } from '../../../src/shared/claim-finder/types';
import {
  claimFixtureNames,
  readClaimFixture,
  type ClaimFixtureSet,
} from '../../support/claim-fixtures';

/** Every label's spans are in its text where the loader says, and the fixture is news-sized. */
function expectConsistent(name: string, set: ClaimFixtureSet): void {
  const fixture = readClaimFixture(name, set);
  const required = fixture.labels.filter((l) => !l.optional);
  expect(required.length).toBeGreaterThanOrEqual(5);
  for (const label of fixture.labels) {
    expect(fixture.text.slice(label.start, label.end)).toBe(label.content);
    expect(fixture.text.slice(label.cue.start, label.cue.end)).toBe(label.cue.text);
    if (label.source) {
      expect(fixture.text.slice(label.source.start, label.source.end)).toBe(label.source.text);
    }
    expect(SUGGESTED_CLAIM_TYPES).toContain(label.type);
    // Content spans never end with the sentence's own period (one inside a quote is the quote's).
    expect(label.content).not.toMatch(/[^.”"’']\.$/);
    expect(label.content).toBe(label.content.trim());
  }
}

function expectNewsSized(name: string, set: ClaimFixtureSet): void {
  const bytes = Buffer.byteLength(readClaimFixture(name, set).text);
  expect(bytes).toBeGreaterThanOrEqual(1536);
  expect(bytes).toBeLessThanOrEqual(4096);
}

describe('the labelled fixtures', () => {
  const names = claimFixtureNames();

  it('are the sample article and at least ten written texts', () => {
    expect(names[0]).toBe('sample');
    expect(names.length).toBeGreaterThanOrEqual(11);
  });

  it.each(names)('%s loads with consistent offsets', (name) => expectConsistent(name, 'tuned'));

  it.each(names.filter((n) => n !== 'sample'))('%s is a news-sized text (1.5–4 KB)', (name) =>
    expectNewsSized(name, 'tuned'),
  );
});

// The held-out set: labelled the same way, never tuned against; the tuned listing leaves it out.
describe('the held-out fixtures', () => {
  const names = claimFixtureNames('held-out');

  it('are at least five texts, none of them in the tuned set', () => {
    expect(names.length).toBeGreaterThanOrEqual(5);
    const tuned = new Set(claimFixtureNames());
    expect(names.filter((n) => tuned.has(n))).toEqual([]);
  });

  it.each(names)('%s loads with consistent offsets', (name) => expectConsistent(name, 'held-out'));

  it.each(names)('%s is a news-sized text (1.5–4 KB)', (name) => expectNewsSized(name, 'held-out'));
});

describe('loadFixture', () => {
  const base: FixtureFile = {
    title: 'tiny',
    text: 'The mayor said that the bridge will reopen. Then the mayor denied it.',
    attributions: [
      {
        speaker: 'mayor',
        source: 'The mayor',
        cue: 'said that',
        content: 'the bridge will reopen',
        type: 'assertion',
      },
    ],
  };

  it('computes offsets from the words', () => {
    const [label] = loadFixture(base).labels;
    expect(label).toMatchObject({ start: 20, end: 42, optional: false, aliases: [] });
    expect(label!.source).toEqual({ start: 0, end: 9, text: 'The mayor' });
  });

  it('takes the source nearest to the content and whole words only', () => {
    const fixture = loadFixture({
      ...base,
      attributions: [
        { speaker: 'mayor', source: 'the mayor', cue: 'denied', content: 'it', type: 'denial' },
        { speaker: 'he', source: 'he', cue: 'said', content: 'the bridge', type: 'assertion' },
      ],
      text: 'The mayor said that the bridge will reopen. Then the mayor denied it, and he said the bridge.',
    });
    // "it" first occurs at the end of "denied it"; the nearest "the mayor" is just before it.
    expect(fixture.labels[0]!.source!.start).toBe(fixture.text.indexOf('the mayor', 20));
    // "he" is never the end of "the" or "Then".
    expect(
      fixture.text.slice(fixture.labels[1]!.source!.start - 1, fixture.labels[1]!.source!.end + 1),
    ).toBe(' he ');
  });

  it('picks the occurrence contentOccurrence names', () => {
    const fixture = loadFixture({
      title: 'twice',
      text: 'A said “yes.” B said “yes.”',
      attributions: [
        {
          speaker: 'B',
          source: 'B',
          cue: 'said',
          content: '“yes.”',
          contentOccurrence: 1,
          type: 'assertion',
        },
      ],
    });
    expect(fixture.labels[0]!.start).toBe(fixture.text.lastIndexOf('“yes.”'));
    expect(fixture.labels[0]!.cue.start).toBe(fixture.text.lastIndexOf('said'));
  });

  it('names the fixture and the words it cannot find', () => {
    const missing = (attribution: Partial<FixtureFile['attributions'][number]>) => () =>
      loadFixture(
        { ...base, attributions: [{ ...base.attributions[0]!, ...attribution }] },
        undefined,
        'tiny-one',
      );
    expect(missing({ content: 'the tunnel' })).toThrow(/tiny-one.*"the tunnel"/);
    expect(missing({ source: 'The governor' })).toThrow(/tiny-one.*"The governor"/);
    expect(missing({ cue: 'announced' })).toThrow(/tiny-one.*"announced"/);
    expect(missing({ content: 'the bridge will reopen', contentOccurrence: 1 })).toThrow(
      /tiny-one/,
    );
  });

  it('reads textFile through the reader it is given', () => {
    const fixture = loadFixture({ ...base, text: null, textFile: 'some/file.txt' }, (file) =>
      file === 'some/file.txt' ? (base.text as string) : '',
    );
    expect(fixture.labels[0]!.start).toBe(20);
    expect(() => loadFixture({ ...base, text: null, textFile: 'some/file.txt' })).toThrow(/tiny/);
  });
});

describe('scoreSuggestions', () => {
  const label = (
    start: number,
    end: number,
    speaker: string,
    extra: Partial<LabelledAttribution> = {},
  ): LabelledAttribution => ({
    speaker,
    aliases: [],
    type: 'assertion',
    alternativeTypes: [],
    optional: false,
    start,
    end,
    content: '',
    cue: { start: 0, end: 0, text: '' },
    source: null,
    ...extra,
  });
  const predict = (
    start: number,
    end: number,
    speaker: string | null,
    type: ScoredPrediction['type'] = 'assertion',
  ): ScoredPrediction => ({ start, end, speaker, type });

  const labels = [
    label(0, 100, 'Jens Stoltenberg', { aliases: ['Stoltenberg'] }),
    label(200, 260, 'White House', { type: 'evidence' }),
  ];

  it('scores a perfect set 1 and 1', () => {
    const score = scoreSuggestions(
      [predict(0, 100, 'Jens Stoltenberg'), predict(200, 260, 'White House', 'evidence')],
      labels,
    );
    expect(score).toMatchObject({
      predicted: 2,
      labelled: 2,
      matched: 2,
      precision: 1,
      recall: 1,
      typeAgreement: 1,
    });
    expect(score.misses).toEqual([]);
    expect(score.falseAlarms).toEqual([]);
  });

  it('matches speakers by folded name or alias, never a wrong or missing speaker', () => {
    expect(scoreSuggestions([predict(0, 100, '  jens  STOLTENBERG ')], labels).matched).toBe(1);
    expect(scoreSuggestions([predict(0, 100, 'Stoltenberg')], labels).matched).toBe(1);
    const wrong = scoreSuggestions([predict(0, 100, 'NATO'), predict(200, 260, null)], labels);
    expect(wrong).toMatchObject({ matched: 0, precision: 0, recall: 0 });
    expect(wrong.misses).toHaveLength(2);
    expect(wrong.falseAlarms).toHaveLength(2);
  });

  it('needs half of the longer span in common', () => {
    expect(scoreSuggestions([predict(0, 50, 'Jens Stoltenberg')], labels).matched).toBe(1);
    expect(scoreSuggestions([predict(0, 49, 'Jens Stoltenberg')], labels).matched).toBe(0);
    expect(scoreSuggestions([predict(60, 160, 'Jens Stoltenberg')], labels).matched).toBe(0);
    expect(scoreSuggestions([predict(100, 200, 'Jens Stoltenberg')], labels).matched).toBe(0);
  });

  it('matches one to one, best overlap first', () => {
    const twice = scoreSuggestions(
      [predict(0, 60, 'Jens Stoltenberg'), predict(0, 95, 'Jens Stoltenberg')],
      labels,
    );
    expect(twice).toMatchObject({ predicted: 2, matched: 1, precision: 0.5, recall: 0.5 });
    expect(twice.pairs[0]!.prediction.end).toBe(95);
    expect(twice.falseAlarms.map((p) => p.end)).toEqual([60]);

    // One span, two speakers (a statement and its denial): each label takes its own prediction.
    const denied = [
      label(0, 100, 'Western intelligence'),
      label(0, 100, 'Russia', { type: 'denial' }),
    ];
    const both = scoreSuggestions(
      [predict(0, 100, 'Russia', 'denial'), predict(0, 100, 'Western intelligence')],
      denied,
    );
    expect(both).toMatchObject({ matched: 2, typeAgreement: 1 });
    expect(scoreSuggestions([predict(0, 100, 'Russia', 'denial')], denied)).toMatchObject({
      matched: 1,
      recall: 0.5,
    });
  });

  it('counts type agreement among matches, alternatives included', () => {
    const withAlternative = [
      label(0, 100, 'A', { alternativeTypes: ['prediction'] }),
      label(200, 300, 'B'),
    ];
    const score = scoreSuggestions(
      [predict(0, 100, 'A', 'prediction'), predict(200, 300, 'B', 'denial')],
      withAlternative,
    );
    expect(score).toMatchObject({ matched: 2, typeAgreement: 0.5, typeMismatches: 1 });
  });

  it('counts an optional label neither way', () => {
    const some = [label(0, 100, 'A'), label(200, 300, 'B', { optional: true })];
    expect(scoreSuggestions([predict(0, 100, 'A'), predict(200, 300, 'B')], some)).toMatchObject({
      predicted: 1,
      labelled: 1,
      matched: 1,
      precision: 1,
      recall: 1,
    });
    const missed = scoreSuggestions([predict(0, 100, 'A')], some);
    expect(missed).toMatchObject({ labelled: 1, recall: 1 });
    expect(missed.misses).toEqual([]);
  });

  it('scores nothing predicted as no precision unless nothing was to be found', () => {
    expect(scoreSuggestions([], labels)).toMatchObject({ precision: 0, recall: 0 });
    expect(scoreSuggestions([], [])).toMatchObject({ precision: 1, recall: 1 });
  });

  it('adds scores up over texts', () => {
    const a = scoreSuggestions(
      [predict(0, 100, 'Jens Stoltenberg'), predict(500, 600, 'X')],
      labels,
    );
    const b = scoreSuggestions([predict(200, 260, 'White House', 'assertion')], labels);
    expect(combineScores([a, b])).toEqual({
      predicted: 3,
      labelled: 4,
      matched: 2,
      precision: 2 / 3,
      recall: 0.5,
      typeAgreement: 0.5,
    });
  });
});
