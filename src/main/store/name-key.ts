/**
 * The comparison key of a user-given name (tag, speaker, claim type) and the name as stored: the
 * one rule, in `shared/text/fold.ts` (the ledger groups names by it too). SQLite's NOCASE folds
 * only ASCII, so keys are computed there and stored beside the names; existing libraries'
 * `name_key` columns hold keys it computed, so it never changes without a migration.
 */
export { cleanName, nameKey } from '../../shared/text/fold';
