/**
 * The claim finder against the labelled fixtures: the targets (precision ≥ 0.85, recall
 * ≥ 0.7 over all of them) and the sample article's six required attributions with their speakers.
 * A failure lists what was missed and what was suggested wrongly, fixture by fixture.
 */
import { describe, expect, it } from 'vitest';
import {
  combineScores,
  describeSpan,
  scoreSuggestions,
  type Fixture,
  type Score,
} from '../../../src/shared/claim-finder/evaluate';
import { findClaimSuggestions, type ClaimSuggestion } from '../../../src/shared/claim-finder';
import { readClaimFixtures } from '../../support/claim-fixtures';

const fixtures = readClaimFixtures();
const scored = fixtures.map((fixture) => ({
  fixture,
  score: scoreSuggestions(findClaimSuggestions(fixture.text), fixture.labels),
}));

/** Each fixture's misses and false alarms, one per line. */
function report(rows: readonly { fixture: Fixture; score: Score<ClaimSuggestion> }[]): string {
  return rows
    .filter(({ score }) => score.misses.length + score.falseAlarms.length > 0)
    .map(({ fixture, score }) =>
      [
        `${fixture.name}: ${score.matched}/${score.labelled} found, ${score.falseAlarms.length} false alarms`,
        ...score.misses.map((l) => `  missed       ${describeSpan(fixture.text, l)}`),
        ...score.falseAlarms.map((p) => `  false alarm  ${describeSpan(fixture.text, p)}`),
      ].join('\n'),
    )
    .join('\n');
}

describe('the claim finder on the labelled fixtures', () => {
  it('reaches precision 0.85 and recall 0.7 over all of them', () => {
    const total = combineScores(scored.map((s) => s.score));
    const summary = `precision ${total.precision.toFixed(3)}, recall ${total.recall.toFixed(3)} (${total.matched} of ${total.labelled} labels, ${total.predicted} suggestions)\n${report(scored)}`;
    expect(total.precision, summary).toBeGreaterThanOrEqual(0.85);
    expect(total.recall, summary).toBeGreaterThanOrEqual(0.7);
  });

  it("suggests the sample article's six required attributions with their speakers", () => {
    const sample = scored.find((s) => s.fixture.name === 'sample')!;
    const required: [speaker: string, contentStart: string][] = [
      ['Western intelligence', 'Russia planned to run “false-flag operations”'],
      ['Russia', 'Russia planned to run “false-flag operations”'],
      ['White House', 'Russia had been stirring misinformation'],
      ['UK Foreign Office', 'Russia also planned to install'],
      ['US', 'Russia of planning a false-flag operation'],
      ['Jens Stoltenberg', '“the number of Russian forces'],
    ];
    const found = sample.score.pairs.map((p) => p.label);
    const missing = required.filter(
      ([speaker, words]) =>
        !found.some((l) => l.speaker === speaker && l.content.startsWith(words)),
    );
    expect(
      missing.map(([speaker, words]) => `${speaker}: ${words} …`),
      report([sample]),
    ).toEqual([]);
  });
});
