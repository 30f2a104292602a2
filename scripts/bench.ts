/**
 * Benchmarks (figures, never pass/fail): importing a long article, creating and listing many
 * annotations, and anchoring them against changed text. `npm run bench:store` (`npm run bench`
 * runs every benchmark); figures go to bench/results.json under "store".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openLibrary } from '../src/main/library';
import { anchor } from '../src/shared/anchoring/anchor';
import { describeRange } from '../src/shared/anchoring/selectors';
import { recordResults } from './bench-results';

const PARAGRAPHS = 2_000;
const ANNOTATIONS = 2_000;

const figures: Record<string, { ms: number; items: number; usEach?: number }> = {};

function time<T>(label: string, work: () => T, count = 1): T {
  const start = performance.now();
  const result = work();
  const ms = performance.now() - start;
  figures[label] = { ms, items: count, ...(count > 1 ? { usEach: (ms / count) * 1000 } : {}) };
  const per = count > 1 ? `  (${((ms / count) * 1000).toFixed(1)} µs each, ${count} items)` : '';
  console.log(`${label.padEnd(48)} ${ms.toFixed(1).padStart(9)} ms${per}`);
  return result;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-'));
const library = openLibrary({ dataDir: dir });
try {
  const { service } = library;
  const seed = service.articleText(service.listArticles({}).articles[0]!.id);
  const body = Array.from(
    { length: PARAGRAPHS },
    (_, i) => `${i}. ${seed.split('\n\n')[i % 4]}`,
  ).join('\n\n');
  const bytes = Buffer.from(`A long report\n\n${body}\n`);
  console.log(`article: ${PARAGRAPHS} paragraphs, ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);

  const { article } = time('import (decode, parse, store, index)', () =>
    service.importBytes('long.txt', bytes),
  );
  const text = time('getArticle', () => service.articleText(article.id));

  const step = Math.floor(text.length / ANNOTATIONS);
  time(
    'createAnnotation',
    () => {
      for (let i = 0; i < ANNOTATIONS; i++) {
        const start = i * step;
        service.createAnnotation({
          articleId: article.id,
          ...describeRange(text, start, start + 40),
          color: 'yellow',
          note: `note ${i}`,
          claim:
            i % 3 === 0
              ? { type: 'accusation', speaker: `Speaker ${i % 20}`, status: 'unverified' }
              : null,
          tags: i % 5 === 0 ? ['bench'] : [],
        });
      }
    },
    ANNOTATIONS,
  );
  const { annotations } = time('listAnnotations (tags and links)', () =>
    service.listAnnotations({ articleId: article.id }),
  );
  time(
    'anchor, unchanged text',
    () => annotations.forEach((a) => anchor(text, a)),
    annotations.length,
  );
  const changed = `Preface added later.\n\n${text}`;
  time(
    'anchor, text shifted (exact quote search)',
    () => annotations.forEach((a) => anchor(changed, a)),
    annotations.length,
  );
  const edited = changed.replace(/Russia/g, 'Rusia');
  const sample = annotations.slice(0, 200);
  time(
    'anchor, words edited (fuzzy), first 200',
    () => sample.forEach((a) => anchor(edited, a)),
    sample.length,
  );
  recordResults('store', {
    article: { paragraphs: PARAGRAPHS, bytes: bytes.length },
    annotations: ANNOTATIONS,
    figures,
  });
} finally {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
