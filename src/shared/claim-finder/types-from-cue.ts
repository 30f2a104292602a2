/** The claim type a cue suggests (issue 13): accuse → accusation, deny → denial, and so on. */
import type { SuggestedClaimType } from './types';

const BY_LEMMA: Readonly<Record<string, SuggestedClaimType>> = {
  accuse: 'accusation',
  blame: 'accusation',
  charge: 'accusation',
  allege: 'accusation',
  accusation: 'accusation',
  allegation: 'accusation',
  deny: 'denial',
  reject: 'denial',
  dismiss: 'denial',
  refute: 'denial',
  denial: 'denial',
  warn: 'prediction',
  caution: 'prediction',
  predict: 'prediction',
  expect: 'prediction',
  forecast: 'prediction',
  warning: 'prediction',
  prediction: 'prediction',
  threaten: 'prediction',
  promise: 'prediction',
  pledge: 'prediction',
  vow: 'prediction',
  report: 'evidence',
  find: 'evidence',
  finding: 'evidence',
  show: 'evidence',
  reveal: 'evidence',
  conclude: 'evidence',
  conclusion: 'evidence',
  assessment: 'evidence',
  evidence: 'evidence',
};

// An indirect statement whose verb is "will" ("that Russia will invade"): a prediction.
const FUTURE = /^[^,;:]{0,60}?\b(?:will|won't|shall|is going to|are going to)\b/i;

export function typeFromCue(lemma: string, content: string, direct: boolean): SuggestedClaimType {
  const byLemma = BY_LEMMA[lemma];
  if (byLemma) return byLemma;
  if (!direct && FUTURE.test(content)) return 'prediction';
  return 'assertion';
}
