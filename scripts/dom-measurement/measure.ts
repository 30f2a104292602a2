/**
 * jsdom 29 against linkedom under Readability, on the issue-9 fixture pages and 20 generated news
 * pages of 50–300 KB: time per page (parse + Readability) and whether the article text is the
 * same; then both on 10,000-deep nesting (RELIABILITY 1). Not a test; run with
 *   npx tsx scripts/dom-measurement/measure.ts
 * The figures it printed are in src/main/import/html/dom.ts, which explains the choice.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { decodeText } from '../../src/main/import/decode';
import { generatePage } from './generate-page';

interface Run {
  readonly ms: number;
  readonly text: string;
}
const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
const shared = new JSDOM('');

function read(document: Document, started: number): Run {
  const parsed = new Readability<Element>(document, { serializer: (n) => n as Element }).parse();
  return { ms: performance.now() - started, text: normalise(parsed?.content?.textContent ?? '') };
}
const parsers: Record<string, (html: string) => Run> = {
  'jsdom (new JSDOM)': (html) => {
    const t = performance.now();
    return read(new JSDOM(html).window.document, t);
  },
  'jsdom (DOMParser)': (html) => {
    const t = performance.now();
    return read(new shared.window.DOMParser().parseFromString(html, 'text/html'), t);
  },
  linkedom: (html) => {
    const t = performance.now();
    return read(parseHTML(html).document as unknown as Document, t);
  },
};

const pages: [string, string][] = [];
const dir = 'tests/fixtures/pages';
if (existsSync(dir)) {
  for (const f of readdirSync(dir)) {
    if (/\.(html?|xhtml)$/.test(f)) {
      pages.push([
        f,
        decodeText(new Uint8Array(readFileSync(`${dir}/${f}`)), f, { html: true }).text,
      ]);
    }
  }
}
for (let i = 0; i < 20; i++) pages.push([`generated-${i}`, generatePage(i, 50 + (i * 250) / 19)]);

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const times = new Map<string, number[]>(Object.keys(parsers).map((k) => [k, []]));
let same = 0;
for (const [name, html] of pages) {
  const runs = Object.entries(parsers).map(([k, parse]) => {
    const run = parse(html);
    times.get(k)!.push(run.ms);
    return run;
  });
  if (runs[0]!.text === runs[2]!.text) same++;
  else
    console.log(
      `${name}: article text differs (jsdom ${runs[0]!.text.length}, linkedom ${runs[2]!.text.length} chars)`,
    );
}
for (const [k, xs] of times) {
  console.log(
    `${k.padEnd(18)} ${xs.length} pages  median ${percentile(xs, 0.5).toFixed(1)} ms  p95 ${percentile(xs, 0.95).toFixed(1)} ms`,
  );
}
console.log(`identical article text, jsdom vs linkedom: ${same}/${pages.length}`);

for (const [name, html] of [
  [
    '10,000 nested <div><span>',
    `${'<div><span>t '.repeat(10_000)}deep${'</span></div>'.repeat(10_000)}`,
  ],
  ['10,000 unclosed <div>', `${'<div>'.repeat(10_000)}deep`],
] as const) {
  for (const k of ['jsdom (DOMParser)', 'linkedom']) {
    const t = performance.now();
    try {
      if (k === 'linkedom') parseHTML(`<html><body>${html}</body></html>`);
      else new shared.window.DOMParser().parseFromString(html, 'text/html');
      console.log(`${name}, ${k}: parsed in ${(performance.now() - t).toFixed(0)} ms`);
    } catch (error) {
      console.log(`${name}, ${k}: ${(error as Error).message}`);
    }
  }
}
