/**
 * The words of one paragraph as it changed: runs that are the same, removed or inserted, from
 * jsdiff's word diff, with adjacent runs of a kind merged, and the words in a text counted.
 */
import { diffArrays } from 'diff';
import type { DiffPart } from '../contract/versions';

const WORD = /[\p{L}\p{N}]+/gu;
/** Tokens: a word (with its combining marks), a run of spaces, or one other character. */
const TOKEN = /[\p{L}\p{N}\p{M}_]+|\s+|[^]/gu;
const SPACE = /\s/;

/**
 * Beyond this many token edits a paragraph reads as rewritten: its middle is shown removed, then
 * inserted, rather than diffed word by word (which would cost time and read as confetti).
 */
const MAX_WORD_EDITS = 120;

interface Run {
  readonly kind: DiffPart['kind'];
  readonly value: string;
}

/**
 * Word-level runs: the common start and end are cut off first (most edits touch a sentence or
 * two of a paragraph), and only the tokens between go to jsdiff's `diffArrays`.
 */
function tokenRuns(from: string, to: string): Run[] {
  // The common start and end as characters first, cut back to spaces so no word is split.
  const shorter = Math.min(from.length, to.length);
  let start = 0;
  while (start < shorter && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < shorter - start &&
    from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)
  ) {
    end++;
  }
  if (start === from.length && start === to.length) {
    return from === '' ? [] : [{ kind: 'same', value: from }];
  }
  while (start > 0 && !SPACE.test(from[start - 1]!)) start--;
  while (end > 0 && !SPACE.test(from[from.length - end]!)) end--;
  const runs: Run[] = [];
  if (start > 0) runs.push({ kind: 'same', value: from.slice(0, start) });
  runs.push(...middleRuns(from.slice(start, from.length - end), to.slice(start, to.length - end)));
  if (end > 0) runs.push({ kind: 'same', value: from.slice(from.length - end) });
  return runs;
}

function middleRuns(from: string, to: string): Run[] {
  const a = from.match(TOKEN) ?? [];
  const b = to.match(TOKEN) ?? [];
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    tail++;
  }
  const runs: Run[] = [];
  if (head > 0) runs.push({ kind: 'same', value: a.slice(0, head).join('') });
  const removed = a.slice(head, a.length - tail);
  const inserted = b.slice(head, b.length - tail);
  const middle = diffArrays(removed, inserted, { maxEditLength: MAX_WORD_EDITS }) ?? [
    { added: false, removed: true, value: removed, count: removed.length },
    { added: true, removed: false, value: inserted, count: inserted.length },
  ];
  for (const change of middle) {
    if (change.value.length === 0) continue;
    const kind = change.added ? 'inserted' : change.removed ? 'removed' : 'same';
    runs.push({ kind, value: change.value.join('') });
  }
  if (tail > 0) runs.push({ kind: 'same', value: a.slice(a.length - tail).join('') });
  return runs;
}

/** Words in `text`: runs of letters and digits. */
export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(WORD)) count++;
  return count;
}

/**
 * `from` → `to` as runs (jsdiff on word tokens). Spaces alone between two changes join them ("denies" → "has denied",
 * not "denies" → "has", " ", "denied"), so a rewritten phrase reads as one.
 */
export function wordParts(from: string, to: string): DiffPart[] {
  const parts: DiffPart[] = [];
  let removed = '';
  let inserted = '';
  const flush = () => {
    if (removed) parts.push({ kind: 'removed', text: removed });
    if (inserted) parts.push({ kind: 'inserted', text: inserted });
    removed = '';
    inserted = '';
  };
  const runs = tokenRuns(from, to);
  runs.forEach((change, index) => {
    if (change.kind === 'removed') removed += change.value;
    else if (change.kind === 'inserted') inserted += change.value;
    else {
      const next = runs[index + 1];
      const between = (removed || inserted) && next && next.kind !== 'same';
      if (between && /^\s+$/.test(change.value)) {
        removed += change.value;
        inserted += change.value;
        return;
      }
      flush();
      const last = parts[parts.length - 1];
      if (last?.kind === 'same') last.text += change.value;
      else parts.push({ kind: 'same', text: change.value });
    }
  });
  flush();
  return parts;
}
