/**
 * Export and import benchmark (figures, never pass/fail): one article with 10,000 annotations
 * (notes, tags, claims, links), brought in by a W3C JSON-LD import, then exported in every
 * format and into a folder. `npm run bench:export`; figures go to bench/results.json under
 * "export".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openLibrary } from '../src/main/library';
import { codePointConverter } from '../src/shared/text/code-points';
import { recordResults } from './bench-results';
import { claimBodies, linkBody } from './bench/w3c-bodies';

const PARAGRAPHS = 2_000;
const ANNOTATIONS = 10_000;

const figures: Record<string, { ms: number; usPerAnnotation: number }> = {};

function time<T>(label: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  const ms = performance.now() - start;
  figures[label] = { ms, usPerAnnotation: (ms / ANNOTATIONS) * 1000 };
  console.log(
    `${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms  (${((ms / ANNOTATIONS) * 1000).toFixed(1)} µs per annotation)`,
  );
  return result;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-export-'));
const library = openLibrary({ dataDir: path.join(dir, 'library') });
try {
  const { service } = library;
  const seed = service.articleText(service.listArticles({}).articles[0]!.id);
  const body = Array.from(
    { length: PARAGRAPHS },
    (_, i) => `${i}. ${seed.split('\n\n')[i % 4]}`,
  ).join('\n\n');
  const { article } = service.importBytes('long.txt', Buffer.from(`A long report\n\n${body}\n`));
  const text = service.articleText(article.id);

  // Build the 10,000 annotations as a W3C collection, the way another library would send them.
  const step = Math.floor(text.length / ANNOTATIONS);
  const offsets = codePointConverter(text);
  const ids = Array.from(
    { length: ANNOTATIONS },
    (_, i) => `01960000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`,
  );
  const items = ids.map((id, i) => {
    const start = i * step;
    const end = start + 30;
    const body: object[] = [
      {
        type: 'TextualBody',
        purpose: 'commenting',
        value: `note ${i}: *not* emphasis`,
        format: 'text/plain',
      },
    ];
    if (i % 5 === 0) body.push({ type: 'TextualBody', purpose: 'tagging', value: `tag ${i % 50}` });
    if (i % 3 === 0) {
      body.push(...claimBodies('accusation', `Speaker ${i % 40}`, 'disputed'));
    }
    if (i % 10 === 1) {
      body.push(linkBody(ids[i - 1]!, 'denies'));
    }
    return {
      id: `urn:uuid:${id}`,
      type: 'Annotation',
      body,
      target: {
        source: `urn:uuid:${article.id}`,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: text.slice(start, end),
            prefix: text.slice(start - 20, start),
            suffix: text.slice(end, end + 20),
          },
          {
            type: 'TextPositionSelector',
            start: offsets.toCodePoint(start),
            end: offsets.toCodePoint(end),
          },
        ],
      },
    };
  });
  const file = JSON.stringify({
    '@context': ['http://www.w3.org/ns/anno.jsonld', { marginalia: 'https://marginalia.app/ns#' }],
    id: 'urn:uuid:01960000-0000-7000-8000-ffffffffffff',
    type: 'AnnotationCollection',
    total: ANNOTATIONS,
    first: {
      id: 'urn:uuid:01960000-0000-7000-8000-ffffffffffff#page-1',
      type: 'AnnotationPage',
      items,
    },
  });
  console.log(
    `article: ${(text.length / 1024 / 1024).toFixed(1)} MB of text; ${ANNOTATIONS} annotations; import file ${(file.length / 1024 / 1024).toFixed(1)} MB`,
  );

  const { report } = time('import W3C JSON-LD (anchor, store)', () =>
    service.importAnnotations({ fileName: 'bench.jsonld', content: file }),
  );
  console.log(
    `  anchored ${report.anchored}, changed ${report.changed}, orphaned ${report.orphaned}, links ${report.linksCreated}`,
  );
  const markdown = { groupBy: 'none' as const, includeText: false };
  const md = time('export Markdown', () =>
    service.exportArticle({ id: article.id, format: 'md', markdown }),
  );
  time('export Markdown, grouped by speaker, with text', () =>
    service.exportArticle({
      id: article.id,
      format: 'md',
      markdown: { groupBy: 'speaker', includeText: true },
    }),
  );
  const jsonld = time('export W3C JSON-LD', () =>
    service.exportArticle({ id: article.id, format: 'jsonld', markdown }),
  );
  time('export ClaimReview', () =>
    service.exportArticle({ id: article.id, format: 'claimreview', markdown }),
  );
  time('export claims ledger (library)', () => service.exportLibrary({ format: 'ledger' }));
  const vault = path.join(dir, 'vault');
  fs.mkdirSync(vault);
  time('export library to folder (first)', () =>
    service.exportLibraryToFolder({ folder: vault, markdown }),
  );
  time('export library to folder (unchanged)', () =>
    service.exportLibraryToFolder({ folder: vault, markdown }),
  );
  console.log(
    `sizes: Markdown ${(md.file.content.length / 1024 / 1024).toFixed(1)} MB, JSON-LD ${(jsonld.file.content.length / 1024 / 1024).toFixed(1)} MB`,
  );
  recordResults('export', {
    textChars: text.length,
    annotations: ANNOTATIONS,
    importFileBytes: file.length,
    import: {
      anchored: report.anchored,
      changed: report.changed,
      orphaned: report.orphaned,
      links: report.linksCreated,
    },
    figures,
    sizes: { markdownBytes: md.file.content.length, jsonldBytes: jsonld.file.content.length },
  });
} finally {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
