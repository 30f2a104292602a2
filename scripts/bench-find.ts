/**
 * Find in article on the reader benchmark's 3 MB book: the time to fold the canonical text once
 * (the first search of a set of options pays it) and to find every match of common and rare words
 * after that. Run with `npx tsx scripts/bench-find.ts`. The drawing of the matches is measured in
 * the browser (web mode) by the reader; this is the part that runs before any drawing.
 */
import { parseMarkdown } from '../src/main/import/markdown';
import {
  findInFolded,
  foldQuery,
  foldText,
  type FindOptions,
} from '../src/renderer/src/reader/find/find-text';
import { buildTextMap } from '../src/shared/document/canonical-text';
import { generateBook } from './bench/reader-text';

const book = generateBook();
const article = parseMarkdown(book.markdown, 'War and Peace');
const { text } = buildTextMap(article.document);

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

console.log(`canonical text: ${(text.length / 1024 / 1024).toFixed(2)} M UTF-16 units`);
const settings: [string, FindOptions][] = [
  ['default (case- and accent-insensitive)', { matchCase: false, matchAccents: false }],
  ['match case and accents', { matchCase: true, matchAccents: true }],
];
for (const [name, options] of settings) {
  const fold = time(() => foldText(text, options));
  console.log(`\n${name}: fold once ${fold.ms.toFixed(1)} ms`);
  for (const query of ['the', 'prince', 'natasha', 'war and peace', 'zebra']) {
    const runs: number[] = [];
    let count = 0;
    for (let i = 0; i < 7; i++) {
      const { ms, value } = time(() => findInFolded(fold.value, foldQuery(query, options)));
      runs.push(ms);
      count = value.length;
    }
    console.log(
      `  "${query}": ${count.toLocaleString('en')} matches, median ${median(runs).toFixed(1)} ms`,
    );
  }
}
