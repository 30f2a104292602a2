/**
 * Sets up one library for the reader benchmark, before web mode opens it:
 * `tsx scripts/bench/reader-data.ts <data dir> <annotations>` imports the generated book and
 * that many annotations (one W3C JSON-LD import), then prints one line of JSON describing them.
 * A separate process, so the browser-side benchmark never loads the main process's code.
 */
import { performance } from 'node:perf_hooks';
import { openLibrary } from '../../src/main/library';
import {
  annotationCollection,
  generateBook,
  planAnnotations,
  type ReaderData,
} from './reader-text';

const [dataDir, countArg] = process.argv.slice(2);
const count = Number(countArg);
if (!dataDir || !Number.isInteger(count) || count < 0) {
  console.error('usage: tsx scripts/bench/reader-data.ts <data dir> <annotations>');
  process.exit(2);
}

/**
 * The article's canonical text. `articleText` is the service's way since the reader rewrite;
 * before it, getArticle sent the text beside the document. Both are read so the same script
 * measures the code before the rewrite (the BEFORE figures) and after it.
 */
function textOf(service: unknown, id: string): string {
  const either = service as {
    articleText?: (id: string) => string;
    getArticle(request: { id: string }): { article: { text?: string } };
  };
  const text = either.articleText?.(id) ?? either.getArticle({ id }).article.text;
  if (typeof text !== 'string') throw new Error('the service gives no way to read the text');
  return text;
}

const started = performance.now();
const book = generateBook();
const library = openLibrary({ dataDir });
try {
  const { service } = library;
  const { article } = service.importBytes('war-and-peace.md', Buffer.from(book.markdown));
  const text = textOf(service, article.id);
  let report = { anchored: 0, orphaned: 0, linksCreated: 0 };
  if (count > 0) {
    const content = annotationCollection(article.id, text, planAnnotations(text, count));
    ({ report } = service.importAnnotations({ fileName: 'bench.jsonld', content }));
  }
  const data: ReaderData = {
    articleId: article.id,
    title: article.title,
    markdownBytes: Buffer.byteLength(book.markdown),
    textChars: text.length,
    chapters: book.chapters,
    blocks: book.blocks,
    annotations: count,
    anchored: report.anchored,
    orphaned: report.orphaned,
    links: report.linksCreated,
    setupMs: Math.round(performance.now() - started),
  };
  console.log(JSON.stringify(data));
} finally {
  library.close();
}
