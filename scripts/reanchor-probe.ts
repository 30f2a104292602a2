/**
 * A quick probe of re-anchoring at book scale (not the benchmark: `npm run bench:anchor` is):
 * a generated ~3 MB text, 10,000 annotations, 10 % of its sentences edited (a word replaced, the
 * sentence deleted, or a sentence inserted after it), then `reanchorAll` timed, and every result
 * judged against where the edits put the quoted words. Run: `npx tsx scripts/reanchor-probe.ts`.
 */
import { reanchorAll } from '../src/shared/anchoring/reanchor';
import { describeRange } from '../src/shared/anchoring/selectors';
import { generateBook, planAnnotations, seededRandom } from './bench/reader-text';

interface Edit {
  /** Old range replaced by a new range. */
  readonly oldStart: number;
  readonly oldEnd: number;
  readonly newStart: number;
  readonly newEnd: number;
}

const SENTENCE = /[^.!?\n]+[.!?]+[”"]?/g;
const FILLER = 'The committee later revised its earlier statement on the matter';

/** Edits `rate` of the sentences of `text`; answers the new text and the edits, in order. */
function editSentences(text: string, rate: number, seed: number) {
  const random = seededRandom(seed);
  const parts: string[] = [];
  const edits: Edit[] = [];
  let copiedTo = 0;
  let newLength = 0;
  const copy = (to: number) => {
    parts.push(text.slice(copiedTo, to));
    newLength += to - copiedTo;
    copiedTo = to;
  };
  for (const m of text.matchAll(SENTENCE)) {
    if (random() >= rate) continue;
    const start = m.index;
    const end = start + m[0].length;
    const kind = random();
    let oldStart = start;
    let oldEnd = end;
    let replacement: string;
    if (kind < 0.4) {
      const words = [...m[0].matchAll(/\p{L}+/gu)];
      const word = words[Math.floor(random() * words.length)];
      if (!word) continue;
      oldStart = start + word.index;
      oldEnd = oldStart + word[0].length;
      replacement = word[0] === 'revised' ? 'amended' : 'revised';
    } else if (kind < 0.7) {
      replacement = '';
    } else {
      oldStart = oldEnd = end;
      replacement = ` ${FILLER} ${Math.floor(random() * 1e6)}.`;
    }
    copy(oldStart);
    edits.push({ oldStart, oldEnd, newStart: newLength, newEnd: newLength + replacement.length });
    parts.push(replacement);
    newLength += replacement.length;
    copiedTo = oldEnd;
  }
  copy(text.length);
  return { text: parts.join(''), edits };
}

/** Where old offset `at` went: the shift of the last edit before it (inside an edit: its start or end). */
function mapOffset(edits: readonly Edit[], at: number, side: 'start' | 'end'): number {
  let lo = 0;
  let hi = edits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const e = edits[mid]!;
    // An insertion right at the end of a quote is after it, not in it.
    if (e.oldEnd < at || (e.oldEnd === at && (side === 'start' || e.oldStart < e.oldEnd)))
      lo = mid + 1;
    else hi = mid;
  }
  const next = edits[lo];
  if (next && next.oldStart < at && at < next.oldEnd) {
    return side === 'start' ? next.newStart : next.newEnd;
  }
  const before = edits[lo - 1];
  return before ? at + (before.newEnd - before.oldEnd) : at;
}

function touched(edits: readonly Edit[], start: number, end: number): boolean {
  return edits.some((e) => e.oldStart < end && e.oldEnd > start);
}

const { markdown: oldText } = generateBook(3 * 1024 * 1024);
const planned = planAnnotations(oldText, 10_000);
const { text: newText, edits } = editSentences(oldText, 0.1, 42);
const items = planned.map(({ start, end }, i) => ({
  id: String(i),
  selectors: describeRange(oldText, start, end),
}));

const began = performance.now();
const results = reanchorAll(oldText, newText, items);
const ms = performance.now() - began;

const counts = { correct: 0, wrong: 0, orphan: 0, intactOrphan: 0, untouched: 0 };
const statuses: Record<string, number> = {};
for (const [i, r] of results.entries()) {
  const { start, end } = planned[i]!;
  statuses[r.anchor.status] = (statuses[r.anchor.status] ?? 0) + 1;
  const isTouched = touched(edits, start, end);
  if (!isTouched) counts.untouched++;
  const expectedStart = mapOffset(edits, start, 'start');
  const expectedEnd = mapOffset(edits, end, 'end');
  if (r.anchor.status === 'orphan') {
    counts.orphan++;
    if (!isTouched && ++counts.intactOrphan <= 3) {
      console.log('ORPHAN (untouched)', JSON.stringify(oldText.slice(start - 40, end + 40)));
      console.log(
        '          now',
        JSON.stringify(newText.slice(expectedStart - 40, expectedEnd + 40)),
      );
    }
    continue;
  }
  const ok = isTouched
    ? // Edited words: the match must lie on what became of them (give or take a word).
      expectedEnd > expectedStart &&
      r.anchor.start >= expectedStart - 12 &&
      r.anchor.end <= expectedEnd + 12 &&
      Math.min(r.anchor.end, expectedEnd) - Math.max(r.anchor.start, expectedStart) >
        (r.anchor.end - r.anchor.start) / 2
    : r.anchor.start === expectedStart && r.anchor.end === expectedEnd;
  if (ok) counts.correct++;
  else {
    counts.wrong++;
    if (counts.wrong <= 5) {
      console.log('WRONG', r.anchor, JSON.stringify(oldText.slice(start, end)), '→', {
        expectedStart,
        expectedEnd,
        got: newText.slice(r.anchor.start, r.anchor.end),
      });
    }
  }
}
const total = results.length;
console.log(
  `text ${(oldText.length / 1e6).toFixed(2)}M chars → ${(newText.length / 1e6).toFixed(2)}M, ` +
    `${edits.length} edits, ${total} annotations (${counts.untouched} away from the edits)`,
);
console.log('statuses', statuses);
console.log(
  `reanchorAll: ${ms.toFixed(0)} ms; correct ${counts.correct} (${((100 * counts.correct) / total).toFixed(2)} %), ` +
    `wrong ${counts.wrong}, orphan ${counts.orphan} (of which ${counts.intactOrphan} untouched by edits)`,
);
