/**
 * The comparison key of a user-given name (tag, speaker, claim type): Unicode NFC, lower-cased in
 * every script, inner white space folded. SQLite's NOCASE folds only ASCII, so keys are computed
 * here and stored beside the names.
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A name as stored: NFC, trimmed, inner white space folded to single spaces. */
export function cleanName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}
