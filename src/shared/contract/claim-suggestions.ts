/**
 * Suggested claims: what the window and the CLI need beyond the finder itself
 * (`shared/claim-finder`), which runs where the text is. Dismissing a suggestion is remembered
 * per article; accepting several at once is one transaction and one undo step.
 */
import { z } from 'zod';
import {
  AnnotationSchema,
  ChangesSchema,
  ClaimSchema,
  HighlightColorSchema,
  IdSchema,
  MAX_NOTE_LENGTH,
  PositionSelectorSchema,
  QuoteSelectorSchema,
  TagNameSchema,
  TimestampSchema,
  wholeCharacters,
} from './entities';
import { LONE_SURROGATE_MESSAGE } from '../text/well-formed';

/** An annotation to create, as `createAnnotation` takes it (without its article). */
export const NewAnnotationSchema = z.strictObject({
  quote: QuoteSelectorSchema,
  position: PositionSelectorSchema,
  color: HighlightColorSchema.default('yellow'),
  note: z
    .string()
    .max(MAX_NOTE_LENGTH)
    .refine(wholeCharacters.check, { message: LONE_SURROGATE_MESSAGE })
    .default(''),
  claim: ClaimSchema.nullable().default(null),
  tags: z.array(TagNameSchema).max(100).default([]),
});

/** Most annotations one batch call creates, deletes or restores. */
export const MAX_BATCH_ANNOTATIONS = 50_000;

const Ids = z.array(IdSchema).min(1).max(MAX_BATCH_ANNOTATIONS);

/**
 * A suggestion the user dismissed: its words, where they were, and whom they were attributed to
 * (one statement can be suggested twice: "X said that S, which Y denies"). A suggestion with the
 * same quote and speaker is dismissed when it is at the same place, or has the same context (the
 * text moved).
 */
export const SuggestionDismissalSchema = z.strictObject({
  id: IdSchema,
  articleId: IdSchema,
  quote: QuoteSelectorSchema,
  position: PositionSelectorSchema,
  speaker: ClaimSchema.shape.speaker,
  createdAt: TimestampSchema,
});
export type SuggestionDismissal = z.infer<typeof SuggestionDismissalSchema>;

export const claimSuggestionOperations = {
  /** Creates every annotation in one transaction: all of them or none. */
  createAnnotations: {
    request: z.strictObject({
      articleId: IdSchema,
      annotations: z.array(NewAnnotationSchema).min(1).max(MAX_BATCH_ANNOTATIONS),
    }),
    response: z.strictObject({ annotations: z.array(AnnotationSchema), changes: ChangesSchema }),
  },
  /** Soft-deletes every annotation in one transaction (the undo of `createAnnotations`). */
  deleteAnnotations: {
    request: z.strictObject({ ids: Ids }),
    response: z.strictObject({ ids: z.array(IdSchema), changes: ChangesSchema }),
  },
  /** Restores every annotation in one transaction (the redo of `createAnnotations`). */
  restoreAnnotations: {
    request: z.strictObject({ ids: Ids }),
    response: z.strictObject({ annotations: z.array(AnnotationSchema), changes: ChangesSchema }),
  },
  /** The article's live dismissals, oldest first. */
  listSuggestionDismissals: {
    request: z.strictObject({ articleId: IdSchema }),
    response: z.strictObject({ dismissals: z.array(SuggestionDismissalSchema) }),
  },
  dismissSuggestion: {
    request: z.strictObject({
      articleId: IdSchema,
      quote: QuoteSelectorSchema,
      position: PositionSelectorSchema,
      /** Whom the suggestion attributes the words to (null: no source found). */
      speaker: ClaimSchema.shape.speaker.default(null),
    }),
    response: z.strictObject({ dismissal: SuggestionDismissalSchema }),
  },
  /** Takes a dismissal back (its undo): the suggestion is offered again. */
  undismissSuggestion: {
    request: z.strictObject({ id: IdSchema }),
    response: z.strictObject({ dismissal: SuggestionDismissalSchema }),
  },
};
