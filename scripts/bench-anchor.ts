/**
 * Anchoring benchmark (figures, never pass/fail): how well annotations find their words again in
 * a revised text. Texts: the sample article with every sentence annotated three times (and 60
 * random selections), and a
 * generated 3 MB book with 10,000 random word-aligned annotations. For each edit mix
 * (scripts/bench/anchor-revisions.ts) a seeded revision is made, with the truth for every
 * annotation; ours (`reanchorAll`) and two peers run from their npm packages (Apache Annotator's
 * text-quote matcher, Hypothesis's approximate matching) anchor every annotation, and each answer
 * is scored correct, partial, wrong or orphaned (scripts/bench/anchor-scoring.ts).
 * On the 3 MB text the peers run on an even subsample (they search the whole text per
 * annotation); ours always runs all of them.
 *
 * `npm run bench:anchor` (figures to bench/results.json under "anchor");
 * `npm run bench:anchor -- --quick` (a 300 KB book with 1,000 annotations; nothing recorded).
 */
import { performance } from 'node:perf_hooks';
import { reanchorAll } from '../src/shared/anchoring/reanchor';
import { recordResults } from './bench-results';
import { MIXES, reviseText, type Span, type Truth } from './bench/anchor-revisions';
import { apacheAnnotator, hypothesis, type PeerAnchor } from './bench/anchor-peers';
import { SCORING_RULES, emptyTally, score, type Tally } from './bench/anchor-scoring';
import {
  annotate,
  bookText,
  randomSelections,
  sampleText,
  sentenceSelections,
  type BenchAnnotation,
} from './bench/anchor-texts';

const quick = process.argv.includes('--quick');
const BOOK_BYTES = quick ? 300 * 1024 : 3 * 1024 * 1024;
const BOOK_ANNOTATIONS = quick ? 1_000 : 10_000;
const PEER_SAMPLE = quick ? 100 : 300;
const HEADLINE_MIX = '10% of sentences change';

type Engine = 'ours' | 'apache-annotator' | 'hypothesis';

interface Row {
  readonly mix: string;
  readonly engine: Engine;
  readonly annotations: number;
  readonly tally: Tally;
  readonly ms: number;
}

interface BenchText {
  readonly name: string;
  readonly text: string;
  readonly spans: Span[];
  /** How many annotations the peers run on (all, or an even subsample). */
  readonly peerSample: number;
  /** Revisions made per mix (seeds): many for a short text, whose one revision has few edits. */
  readonly revisions: number;
}

const mb = (text: string) => Buffer.byteLength(text) / 1024 / 1024;
const pct = (n: number, of: number) => (of ? (100 * n) / of : 0);

function truthSummary(truths: readonly Truth[]): string {
  const by: Record<Truth['kind'], number> = { same: 0, edited: 0, deleted: 0, split: 0 };
  for (const t of truths) by[t.kind]++;
  return (Object.keys(by) as Truth['kind'][])
    .filter((k) => by[k] > 0)
    .map((k) => `${k} ${pct(by[k], truths.length).toFixed(1)}%`)
    .join(', ');
}

/**
 * Annotations whose prefix, quote and suffix all occur at two places or more of `revised` (a
 * copied passage took them along): only the position tells the original from the copy there,
 * and an anchor on the copy counts as wrong.
 */
function contextAmbiguous(revised: string, annotations: readonly BenchAnnotation[]): number {
  let n = 0;
  for (const { selectors } of annotations) {
    const whole = selectors.quote.prefix + selectors.quote.exact + selectors.quote.suffix;
    const first = revised.indexOf(whole);
    if (first !== -1 && revised.indexOf(whole, first + 1) !== -1) n++;
  }
  return n;
}

async function runPeer(
  engine: Engine,
  revised: string,
  sample: readonly BenchAnnotation[],
): Promise<{ answers: PeerAnchor[]; ms: number }> {
  const answers: PeerAnchor[] = [];
  const start = performance.now();
  for (const a of sample) {
    answers.push(
      engine === 'apache-annotator'
        ? await apacheAnnotator(revised, a.selectors)
        : hypothesis(revised, a.selectors),
    );
  }
  return { answers, ms: performance.now() - start };
}

function addTally(into: Tally, from: Tally): void {
  for (const k of Object.keys(from) as (keyof Tally)[]) into[k] += from[k];
}

function tallyOf(revised: string, truths: readonly Truth[], answers: readonly PeerAnchor[]): Tally {
  const tally = emptyTally();
  answers.forEach((found, i) => tally[score(revised, truths[i]!, found)]++);
  return tally;
}

async function benchText(bench: BenchText): Promise<Row[]> {
  const annotations = annotate(bench.text, bench.spans);
  const step = annotations.length / bench.peerSample;
  const sampleIndex = Array.from({ length: bench.peerSample }, (_, i) => Math.floor(i * step));
  const sample = sampleIndex.map((i) => annotations[i]!);
  console.log(
    `\n${bench.name}: ${mb(bench.text).toFixed(2)} MB, ${annotations.length.toLocaleString('en-US')} annotations` +
      (bench.peerSample < annotations.length
        ? ` (peers on an even subsample of ${bench.peerSample})`
        : '') +
      (bench.revisions > 1 ? `, ${bench.revisions} revisions per mix (figures summed)` : ''),
  );
  const rows: Row[] = [];
  for (const [m, mix] of MIXES.entries()) {
    const items = annotations.map(({ id, selectors }) => ({ id, selectors }));
    const totals: Record<Engine, { tally: Tally; ms: number; n: number }> = {
      ours: { tally: emptyTally(), ms: 0, n: 0 },
      'apache-annotator': { tally: emptyTally(), ms: 0, n: 0 },
      hypothesis: { tally: emptyTally(), ms: 0, n: 0 },
    };
    const edits: Record<string, number> = {};
    const truths: Truth[] = [];
    let ambiguous = 0;
    for (let r = 0; r < bench.revisions; r++) {
      const revision = reviseText(bench.text, bench.spans, mix, 9_000 + 100 * m + r);
      for (const [k, n] of Object.entries(revision.counts)) edits[k] = (edits[k] ?? 0) + n;
      truths.push(...revision.truths);
      if (mix.rates.repeatedPhrase) ambiguous += contextAmbiguous(revision.text, annotations);

      const start = performance.now();
      const ours = reanchorAll(bench.text, revision.text, items);
      totals.ours.ms += performance.now() - start;
      const oursAnswers = ours.map((a) =>
        a.anchor.status === 'orphan' ? null : { start: a.anchor.start, end: a.anchor.end },
      );
      addTally(totals.ours.tally, tallyOf(revision.text, revision.truths, oursAnswers));
      totals.ours.n += annotations.length;

      const sampleTruths = sampleIndex.map((i) => revision.truths[i]!);
      for (const engine of ['apache-annotator', 'hypothesis'] as const) {
        const { answers, ms } = await runPeer(engine, revision.text, sample);
        addTally(totals[engine].tally, tallyOf(revision.text, sampleTruths, answers));
        totals[engine].ms += ms;
        totals[engine].n += sample.length;
      }
    }
    const applied = Object.entries(edits)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    const twins = mix.rates.repeatedPhrase
      ? `; quote and context found twice ${pct(ambiguous, truths.length).toFixed(1)}%`
      : '';
    console.log(`  ${mix.name}: edits ${applied || 'none'}; truth ${truthSummary(truths)}${twins}`);
    for (const engine of ['ours', 'apache-annotator', 'hypothesis'] as const) {
      const { tally, ms, n } = totals[engine];
      rows.push({ mix: mix.name, engine, annotations: n, tally, ms });
    }
  }
  printTable(bench.name, rows);
  return rows;
}

function printTable(name: string, rows: readonly Row[]): void {
  const header = [
    'mix'.padEnd(30),
    'engine'.padEnd(17),
    'n'.padStart(6),
    'correct'.padStart(8),
    'partial'.padStart(8),
    'wrong'.padStart(7),
    'orphan'.padStart(7),
    'ms'.padStart(9),
    'ms/1k'.padStart(9),
  ].join(' ');
  console.log(`\n${name}\n${header}\n${'-'.repeat(header.length)}`);
  let last = '';
  for (const r of rows) {
    const n = r.annotations;
    console.log(
      [
        (r.mix === last ? '' : r.mix).padEnd(30),
        r.engine.padEnd(17),
        String(n).padStart(6),
        `${pct(r.tally.correct, n).toFixed(1)}%`.padStart(8),
        `${pct(r.tally.partial, n).toFixed(1)}%`.padStart(8),
        `${pct(r.tally.wrong, n).toFixed(2)}%`.padStart(7),
        `${pct(r.tally.orphaned, n).toFixed(1)}%`.padStart(7),
        r.ms.toFixed(0).padStart(9),
        ((r.ms / n) * 1000).toFixed(0).padStart(9),
      ].join(' '),
    );
    last = r.mix;
  }
}

const sample = sampleText();
const book = bookText(BOOK_BYTES);
const sampleSpans = [...sentenceSelections(sample, 12), ...randomSelections(sample, 60, 13)].sort(
  (a, b) => a.start - b.start || a.end - b.end,
);
const texts: BenchText[] = [
  {
    name: 'sample article',
    text: sample,
    spans: sampleSpans,
    peerSample: sampleSpans.length,
    revisions: quick ? 10 : 50,
  },
  {
    name: `generated ${mb(book).toFixed(1)} MB book`,
    text: book,
    spans: randomSelections(book, BOOK_ANNOTATIONS, 34),
    peerSample: PEER_SAMPLE,
    revisions: 1,
  },
];

console.log(`Scoring:\n${SCORING_RULES}`);
const results: Record<string, Row[]> = {};
for (const bench of texts) results[bench.name] = await benchText(bench);

const bookRows = results[texts[1]!.name]!;
const headline = bookRows.find((r) => r.engine === 'ours' && r.mix === HEADLINE_MIX)!;
const n = headline.annotations;
console.log(
  `\nanchor: ours correct ${pct(headline.tally.correct, n).toFixed(1)}%, wrong ${pct(headline.tally.wrong, n).toFixed(2)}%, ` +
    `${n.toLocaleString('en-US')} annotations on ${mb(book).toFixed(1)} MB in ${headline.ms.toFixed(0)} ms` +
    ` (mix "${HEADLINE_MIX}"${quick ? '; --quick' : ''})`,
);

if (quick) console.log('--quick: figures not recorded.');
else {
  const figures = (rows: readonly Row[]) =>
    rows.map((r) => ({
      mix: r.mix,
      engine: r.engine,
      annotations: r.annotations,
      correctPct: Math.round(pct(r.tally.correct, r.annotations) * 100) / 100,
      partialPct: Math.round(pct(r.tally.partial, r.annotations) * 100) / 100,
      wrongPct: Math.round(pct(r.tally.wrong, r.annotations) * 100) / 100,
      orphanedPct: Math.round(pct(r.tally.orphaned, r.annotations) * 100) / 100,
      ms: Math.round(r.ms),
    }));
  recordResults('anchor', {
    headline: {
      mix: HEADLINE_MIX,
      annotations: n,
      textMB: Math.round(mb(book) * 10) / 10,
      correctPct: Math.round(pct(headline.tally.correct, n) * 100) / 100,
      wrongPct: Math.round(pct(headline.tally.wrong, n) * 100) / 100,
      ms: Math.round(headline.ms),
    },
    peerSampleOnBook: PEER_SAMPLE,
    texts: Object.fromEntries(Object.entries(results).map(([k, rows]) => [k, figures(rows)])),
  });
}
