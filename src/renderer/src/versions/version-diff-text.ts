/**
 * The version diff's words: the count over a diff, each change's label, the select's option
 * labels, and where the reader is among the changes. Pure, so they are checked without a browser.
 */
import type { ParagraphChange, VersionSummary } from '../../../shared/contract/versions';
import { versionDate } from './version-text';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 paragraphs changed · 5 words removed · 7 inserted" */
export function diffCountText(paragraphs: number, removed: number, inserted: number): string {
  return [
    `${plural(paragraphs, 'paragraph', 'paragraphs')} changed`,
    `${plural(removed, 'word', 'words')} removed`,
    `${inserted} inserted`,
  ].join(' · ');
}

/** What kind of change a paragraph is, as its card says it. */
export function changeKindLabel(kind: ParagraphChange['kind']): string {
  if (kind === 'inserted') return 'Inserted paragraph';
  if (kind === 'removed') return 'Removed paragraph';
  return 'Changed paragraph';
}

/** "Version 2 · Feb 12, 2026", and "(current)" on the current one. */
export function diffVersionLabel(version: VersionSummary): string {
  const label = `Version ${version.number} · ${versionDate(version)}`;
  return version.current ? `${label} (current)` : label;
}

/** "Change 2 of 3" */
export function changePosition(index: number, total: number): string {
  return `Change ${index + 1} of ${total}`;
}
