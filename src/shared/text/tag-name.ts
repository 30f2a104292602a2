/**
 * Tag names from outside the contract (another tool's file, words typed in the editor) made into
 * names the library takes (`TagNameSchema`): one rule wherever a tag comes in.
 */
import { firstUnits } from './code-points';
import { MAX_TAG_LENGTH } from './limits';
import { toWellFormed } from './well-formed';

/**
 * A tag as a Marginalia tag name, or null when nothing is left: leading `#`s dropped (a
 * hashtag's mark), other `#` and commas (which separate tags) turned into spaces, trimmed, cut
 * to the schema's maximum length without splitting a character; half a character (a lone
 * surrogate) becomes U+FFFD. Every non-null answer passes
 * `TagNameSchema`, and a valid name comes back unchanged.
 */
export function cleanTagName(raw: string): string | null {
  const cleaned = firstUnits(
    toWellFormed(raw).trim().replace(/^#+/u, '').replace(/[,#]/gu, ' ').trim(),
    MAX_TAG_LENGTH,
  ).trim();
  return cleaned === '' ? null : cleaned;
}

/** Each tag cleaned (`cleanTagName`), the empty ones left out, each distinct name once, in order. */
export function cleanTagNames(raw: Iterable<string>): string[] {
  const kept = new Set<string>();
  for (const tag of raw) {
    const cleaned = cleanTagName(tag);
    if (cleaned !== null) kept.add(cleaned);
  }
  return [...kept];
}
