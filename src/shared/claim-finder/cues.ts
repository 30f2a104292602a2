/**
 * The cue lexicon: reporting verbs with all their inflections, the nouns that name a reported
 * statement ("a finding that"), and the phrase cues. Generic English words only.
 */

/** How a verb cue takes its content. */
export type VerbFrame =
  /** Content after "that", a quote, or a clause right after the verb; or before it when inverted. */
  | 'speech'
  /** As speech, but only with "that", a quote or inverted ("found that", not "found the keys"). */
  | 'clausal'
  /** "accused X of Y", "blamed X for Y": the content is "X of Y". */
  | 'accuse'
  /** "denied that …", "denies the report": an object counts, and "which X denies" points back. */
  | 'deny'
  /** "what X calls “…”": only with a quote. */
  | 'call';

interface VerbEntry {
  readonly lemma: string;
  readonly frame: VerbFrame;
  /** Irregular forms; regular -s, -ed, -ing forms are derived. */
  readonly forms?: readonly string[];
}

const VERBS: readonly VerbEntry[] = [
  { lemma: 'say', frame: 'speech', forms: ['say', 'says', 'said', 'saying'] },
  { lemma: 'tell', frame: 'speech', forms: ['tell', 'tells', 'told', 'telling'] },
  { lemma: 'announce', frame: 'clausal' },
  { lemma: 'claim', frame: 'speech' },
  { lemma: 'state', frame: 'clausal' },
  { lemma: 'add', frame: 'clausal' },
  { lemma: 'insist', frame: 'speech' },
  { lemma: 'allege', frame: 'speech' },
  { lemma: 'argue', frame: 'speech' },
  { lemma: 'assert', frame: 'speech' },
  { lemma: 'declare', frame: 'clausal' },
  { lemma: 'note', frame: 'clausal' },
  { lemma: 'explain', frame: 'clausal' },
  { lemma: 'stress', frame: 'clausal' },
  { lemma: 'emphasize', frame: 'clausal' },
  { lemma: 'emphasise', frame: 'clausal' },
  { lemma: 'write', frame: 'clausal', forms: ['write', 'writes', 'wrote', 'written', 'writing'] },
  { lemma: 'tweet', frame: 'clausal' },
  { lemma: 'report', frame: 'clausal' },
  { lemma: 'warn', frame: 'speech' },
  { lemma: 'caution', frame: 'clausal' },
  { lemma: 'rule', frame: 'clausal' },
  { lemma: 'confirm', frame: 'clausal' },
  { lemma: 'admit', frame: 'clausal', forms: ['admit', 'admits', 'admitted', 'admitting'] },
  { lemma: 'acknowledge', frame: 'clausal' },
  { lemma: 'predict', frame: 'clausal' },
  {
    lemma: 'forecast',
    frame: 'clausal',
    forms: ['forecast', 'forecasts', 'forecasted', 'forecasting'],
  },
  { lemma: 'expect', frame: 'clausal' },
  { lemma: 'reveal', frame: 'clausal' },
  { lemma: 'show', frame: 'clausal', forms: ['show', 'shows', 'showed', 'shown', 'showing'] },
  { lemma: 'find', frame: 'clausal', forms: ['find', 'finds', 'found', 'finding'] },
  { lemma: 'conclude', frame: 'clausal' },
  { lemma: 'maintain', frame: 'clausal' },
  { lemma: 'contend', frame: 'clausal' },
  { lemma: 'estimate', frame: 'clausal' },
  { lemma: 'indicate', frame: 'clausal' },
  { lemma: 'suggest', frame: 'clausal' },
  { lemma: 'promise', frame: 'clausal' },
  { lemma: 'pledge', frame: 'clausal' },
  { lemma: 'vow', frame: 'clausal' },
  { lemma: 'threaten', frame: 'clausal' },
  { lemma: 'accuse', frame: 'accuse' },
  { lemma: 'blame', frame: 'accuse' },
  { lemma: 'charge', frame: 'clausal' },
  { lemma: 'deny', frame: 'deny', forms: ['deny', 'denies', 'denied', 'denying'] },
  { lemma: 'reject', frame: 'deny' },
  { lemma: 'dismiss', frame: 'deny', forms: ['dismiss', 'dismisses', 'dismissed', 'dismissing'] },
  { lemma: 'refute', frame: 'deny' },
  { lemma: 'call', frame: 'call' },
];

/** Regular inflections of a verb: -s/-es, -ed/-d, -ing (with a final e dropped, y → ie). */
function inflect(lemma: string): string[] {
  const forms = [lemma];
  if (lemma.endsWith('e')) forms.push(lemma + 's', lemma + 'd', lemma.slice(0, -1) + 'ing');
  else if (/[^aeiou]y$/.test(lemma))
    forms.push(lemma.slice(0, -1) + 'ies', lemma.slice(0, -1) + 'ied', lemma + 'ing');
  else if (/(s|sh|ch|x|z)$/.test(lemma)) forms.push(lemma + 'es', lemma + 'ed', lemma + 'ing');
  else forms.push(lemma + 's', lemma + 'ed', lemma + 'ing');
  return forms;
}

export interface VerbCue {
  readonly lemma: string;
  readonly frame: VerbFrame;
}

/** Every written form of a cue verb, lower-cased, to its entry. */
export const VERB_FORMS: ReadonlyMap<string, VerbCue> = new Map(
  VERBS.flatMap((v) =>
    (v.forms ?? inflect(v.lemma)).map((f) => [f, { lemma: v.lemma, frame: v.frame }] as const),
  ),
);

/**
 * Nouns that name a reported statement: "an intelligence finding that …", "X's statement that …".
 * The noun decides the type, so its lemma becomes the cue's lemma.
 */
export const STATEMENT_NOUNS: ReadonlyMap<string, string> = new Map([
  ['finding', 'finding'],
  ['findings', 'finding'],
  ['statement', 'statement'],
  ['claim', 'claim'],
  ['claims', 'claim'],
  ['assessment', 'assessment'],
  ['conclusion', 'conclusion'],
  ['allegation', 'allegation'],
  ['allegations', 'allegation'],
  ['accusation', 'accusation'],
  ['accusations', 'accusation'],
  ['warning', 'warning'],
  ['warnings', 'warning'],
  ['report', 'report'],
  ['reports', 'report'],
  ['announcement', 'announcement'],
  ['assertion', 'assertion'],
  ['prediction', 'prediction'],
  ['denial', 'denial'],
  ['evidence', 'evidence'],
]);

/** Auxiliaries and negation that belong to a verb cue ("has said", "did not deny"). */
export const AUXILIARIES = new Set(
  'has have had having is are was were be been being do does did will would shall should can could may might must'.split(
    ' ',
  ),
);
export const NEGATIONS = new Set(['not', "n't", 'never', 'no']);

/** Every word that can start a cue, lower-cased: a token that is none of them is skipped at once. */
export const CUE_WORDS: ReadonlySet<string> = new Set([
  ...VERB_FORMS.keys(),
  ...STATEMENT_NOUNS.keys(),
  'according',
]);

/** A cheap test on a raw sentence: could it hold a cue? Only such sentences are tagged. */
export const CUE_PREFILTER = new RegExp(`\\b(?:${[...CUE_WORDS].join('|')})\\b`, 'i');
