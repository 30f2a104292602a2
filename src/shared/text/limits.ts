/**
 * The length limits of the entities' text fields, declared once in `contract/entities.ts` and
 * gathered here for the readers of other tools' files and the tag cleaner, so they refuse or cut
 * exactly where the contract would. Lengths are UTF-16 code units, as zod and `String.length`
 * count them.
 */
export {
  MAX_CLAIM_TYPE_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_QUOTE_CONTEXT_LENGTH,
  MAX_QUOTE_LENGTH,
  MAX_SPEAKER_LENGTH,
  MAX_TAG_LENGTH,
} from '../contract/entities';
