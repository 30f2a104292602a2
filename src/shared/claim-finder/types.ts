/**
 * What the claim finder answers: attributed statements found in a text ("the US accused Russia
 * of…"), each with its source, its cue and its content, as canonical-text offsets. Suggestions
 * only: nothing is stored until the user accepts one.
 */

/** The claim types a cue suggests; all of them are among the library's default types. */
export const SUGGESTED_CLAIM_TYPES = [
  'accusation',
  'denial',
  'prediction',
  'evidence',
  'assertion',
] as const;
export type SuggestedClaimType = (typeof SUGGESTED_CLAIM_TYPES)[number];

/** A half-open range [start, end) of the text, in UTF-16 units, with its words. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface ClaimSuggestion {
  /**
   * Names the suggestion within one text: `${start}-${end}` of its content, and
   * `${start}-${end}@${cue.start}` for a second cue reporting the same words ("X said S, which Y
   * denies"). Two suggestions of one text never share a key.
   */
  readonly key: string;
  /** The reported statement (direct or indirect): what accepting it annotates. */
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  /** The attribution cue as written ("has said that", "denies", "according to"). */
  readonly cue: TextSpan;
  /** The cue's base form: "say", "deny", "according to". */
  readonly cueLemma: string;
  /** The words naming the source as written ("NATO Secretary General Jens Stoltenberg", "he"). */
  readonly source: TextSpan | null;
  /**
   * The speaker as it should be stored: a pronoun resolved to the named source it stands for,
   * a shorter mention ("Stoltenberg") to the fullest earlier one ("Jens Stoltenberg"), and a
   * speaker already in the library to that speaker's name. Null when no source was found.
   */
  readonly speaker: string | null;
  readonly type: SuggestedClaimType;
  /** The sentence it was found in. */
  readonly sentence: { readonly start: number; readonly end: number };
}

export interface FindClaimsOptions {
  /** Speakers already in the library: a source whose folded name matches one takes its name. */
  readonly knownSpeakers?: readonly string[];
}
