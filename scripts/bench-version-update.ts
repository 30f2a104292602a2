/**
 * A new version of a 3 MB article with 10,000 annotations, through the service as the app and
 * the CLI take it (`updateArticleFromFile`): the file read, the outgoing text and every
 * annotation's place kept, all re-anchored, the search index following the new text, in one
 * transaction. Then reading the older version, and the diff of the two. Part of
 * `npm run bench:anchor`; figures to bench/results.json under "versionUpdate".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openLibrary } from '../src/main/library';
import { recordResults } from './bench-results';
import { MIXES, reviseText } from './bench/anchor-revisions';
import { annotationCollection, generateBook, planAnnotations } from './bench/reader-text';

const ANNOTATIONS = 10_000;
const RUNS = 3;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;

const mix = MIXES.find((m) => m.name === '10% of sentences change');
if (!mix) throw new Error('the bench has no "10% of sentences change" mix');

const book = generateBook();
const times = { update: [] as number[], readOlder: [] as number[], diff: [] as number[] };
let report: unknown = null;
let textLength = 0;
for (let run = 0; run < RUNS; run++) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-version-'));
  try {
    const library = openLibrary({ dataDir });
    const { service } = library;
    const { article } = service.importBytes('book.md', Buffer.from(book.markdown));
    const text = service.articleText(article.id);
    textLength = text.length;
    const planned = planAnnotations(text, ANNOTATIONS);
    service.importAnnotations({
      fileName: 'bench.jsonld',
      content: annotationCollection(article.id, text, planned),
    });
    // The revised canonical text, written as plain text: blank lines between paragraphs.
    const revised = reviseText(text, planned, mix, 1000 + run).text;
    const contentBase64 = Buffer.from(`Revised\n\n${revised}`).toString('base64');

    let started = performance.now();
    const outcome = service.updateArticleFromFile({
      id: article.id,
      fileName: 'book-v2.txt',
      contentBase64,
    });
    times.update.push(performance.now() - started);
    report = outcome.report;

    started = performance.now();
    service.getArticleVersion({ articleId: article.id, number: 1 });
    times.readOlder.push(performance.now() - started);

    started = performance.now();
    service.diffVersions({ articleId: article.id, from: 1, to: 2 });
    times.diff.push(performance.now() - started);
    library.close();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(
  `version update: ${(textLength / 1e6).toFixed(2)}M characters, ${ANNOTATIONS.toLocaleString('en-US')} annotations, mix "${mix.name}", medians of ${RUNS}`,
);
console.log(
  `  updateArticleFromFile (parse, keep, re-anchor, re-index, store) ${ms(median(times.update))}`,
);
console.log(
  `  getArticleVersion (the older version, with its annotations' places) ${ms(median(times.readOlder))}`,
);
console.log(`  diffVersions ${ms(median(times.diff))}`);
console.log(`  report ${JSON.stringify(report)}`);
recordResults('versionUpdate', {
  characters: textLength,
  annotations: ANNOTATIONS,
  mix: mix.name,
  updateMs: Math.round(median(times.update)),
  readOlderMs: Math.round(median(times.readOlder)),
  diffMs: Math.round(median(times.diff)),
  report,
});
