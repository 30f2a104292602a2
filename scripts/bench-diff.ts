/**
 * How long the version diff (diffTexts) takes on a generated 3 MB book and each of the anchoring
 * benchmark's edit mixes (a benchmark, not a test): `tsx scripts/bench-diff.ts [--quick]`.
 * Each mix runs three times; the first run includes the JIT's warm-up, as the app's first diff does.
 */
import { performance } from 'node:perf_hooks';
import { diffTexts } from '../src/shared/versions/text-diff';
import { MIXES, reviseText } from './bench/anchor-revisions';
import { bookText } from './bench/anchor-texts';

const quick = process.argv.includes('--quick');
const text = bookText(quick ? 300 * 1024 : 3 * 1024 * 1024);
const paragraphs = text.split('\n\n').length;
console.log(`book: ${(text.length / 1e6).toFixed(2)} M chars, ${paragraphs} paragraphs`);
// CPU time as well as wall time: on a busy machine the wall time includes waiting for a core.
console.log(
  'mix | changes (changed/inserted/removed) | words −/+ | first ms | best ms | best CPU ms',
);
MIXES.forEach((mix, m) => {
  const revised = reviseText(text, [], mix, 5_000 + m).text;
  const times: number[] = [];
  const cpu: number[] = [];
  let summary = '';
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const diff = diffTexts(text, revised);
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
    const of = (kind: string) => diff.changes.filter((c) => c.kind === kind).length;
    summary = `${diff.changes.length} (${of('changed')}/${of('inserted')}/${of('removed')}) | ${diff.wordsRemoved}/${diff.wordsInserted}`;
  }
  console.log(
    `${mix.name} | ${summary} | ${times[0]!.toFixed(0)} | ${Math.min(...times).toFixed(0)} | ${Math.min(...cpu).toFixed(0)}`,
  );
});
