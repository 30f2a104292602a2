/**
 * How names and words are compared, in one place. There are two rules, for two purposes that must
 * not be mixed:
 *
 * - `nameKey`: the identity of a user-given name (tag, speaker, claim type). "The same name" is
 *   the same words in any case or Unicode form, with any spacing; accents still count ("résumé"
 *   and "resume" are two tags). The store keeps this key in `name_key` columns with unique
 *   indexes (migrations 0001 and 0002 computed the keys of existing libraries with it), so the
 *   rule can never change without a migration that recomputes them. Locale-independent
 *   (`toLowerCase`), so a library's keys do not depend on the machine that wrote them.
 * - `searchFold`: what a typed search matches. Looser: accents and compatibility forms are
 *   ignored too ("resume" finds "Résumé", "ﬁ" finds "fi"), lower-cased in the user's locale. Never
 *   stored, never used to decide that two names are one.
 */

/** A name as stored and shown: NFC, trimmed, inner white space (newlines too) folded to one space. */
export function cleanName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * The comparison key of a user-given name: `cleanName`, lower-cased in every script. SQLite's
 * NOCASE folds only ASCII, so the store computes keys with this and stores them beside the names.
 */
export function nameKey(name: string): string {
  return cleanName(name).toLowerCase();
}

/** The case- and accent-insensitive form a search compares (see the file comment). */
export function searchFold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}
