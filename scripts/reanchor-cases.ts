/**
 * Lists the cases `npm run bench:anchor` scores wrong (and, with --orphans, orphaned) for our
 * engine, for one mix or all: a debugging aid for the anchoring engine, not a benchmark.
 * Run: `npx tsx scripts/reanchor-cases.ts [--book [--bytes=N]] [--orphans] [--mix=<substring>]
 * [--limit=N] [--revisions=N]` (the book as the bench's --quick, 300 KB; 3 MB takes 10,000 annotations).
 */
import { reanchorAll } from '../src/shared/anchoring/reanchor';
import { MIXES, reviseText, type Span } from './bench/anchor-revisions';
import { score } from './bench/anchor-scoring';
import {
  annotate,
  bookText,
  randomSelections,
  sampleText,
  sentenceSelections,
} from './bench/anchor-texts';

const arg = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const useBook = process.argv.includes('--book');
const showOrphans = process.argv.includes('--orphans');
const mixFilter = arg('mix') ?? '';
const limit = Number(arg('limit') ?? 10);
const revisions = Number(arg('revisions') ?? (useBook ? 1 : 10));

const bookBytes = Number(arg('bytes') ?? 300 * 1024);
const text = useBook ? bookText(bookBytes) : sampleText();
const spans: Span[] = useBook
  ? randomSelections(text, bookBytes >= 3 * 1024 * 1024 ? 10_000 : 1_000, 34)
  : [...sentenceSelections(text, 12), ...randomSelections(text, 60, 13)].sort(
      (a, b) => a.start - b.start || a.end - b.end,
    );
const annotations = annotate(text, spans);
const items = annotations.map(({ id, selectors }) => ({ id, selectors }));
const show = (t: string, s: number, e: number) =>
  JSON.stringify(t.slice(Math.max(0, s - 30), s) + '⟦' + t.slice(s, e) + '⟧' + t.slice(e, e + 30));

for (const [m, mix] of MIXES.entries()) {
  if (!mix.name.includes(mixFilter)) continue;
  let shown = 0;
  const tally: Record<string, number> = {};
  let ms = 0;
  for (let r = 0; r < revisions; r++) {
    const revision = reviseText(text, spans, mix, 9_000 + 100 * m + r);
    const began = performance.now();
    const results = reanchorAll(text, revision.text, items);
    ms += performance.now() - began;
    results.forEach((res, i) => {
      const found =
        res.anchor.status === 'orphan' ? null : { start: res.anchor.start, end: res.anchor.end };
      const truth = revision.truths[i]!;
      const outcome = score(revision.text, truth, found);
      tally[outcome] = (tally[outcome] ?? 0) + 1;
      if (!(outcome === 'wrong' || (showOrphans && outcome === 'orphaned'))) return;
      if (shown++ >= limit) return;
      const sel = items[i]!.selectors;
      console.log(
        `--- ${mix.name} r${r} #${i} ${outcome} (${res.anchor.status}, truth ${truth.kind})`,
      );
      console.log('  old  ', show(text, sel.position.start, sel.position.end));
      if (truth.kind === 'same' || truth.kind === 'edited')
        console.log('  truth', show(revision.text, truth.start, truth.end));
      if (found) console.log('  found', show(revision.text, found.start, found.end));
    });
  }
  console.log(`${mix.name}:`, tally, `${ms.toFixed(0)} ms`);
}
