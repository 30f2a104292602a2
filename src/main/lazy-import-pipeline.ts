/**
 * The one door to import-pipeline.ts (parsers, fetcher, exporters: most of the main process's
 * code by size). Run from the sources (tsx, the tests, electron-vite's main bundle) it is an
 * ordinary import. The built CLI (scripts/build-cli.mjs) replaces this module's body with a
 * `require` inside `importPipeline()`, so the pipeline's modules are only evaluated the first time
 * an operation asks for them: `marginalia list` or `search` never pays for them. It is synchronous
 * because several operations that import are (importBytes, importPaste, the exports).
 *
 * Keep this file's exports to `importPipeline` and the type: the CLI's replacement defines just
 * those (build-cli.mjs: LAZY_PIPELINE_BODY).
 */
import * as pipeline from './import-pipeline';

export type ImportPipeline = typeof pipeline;

export function importPipeline(): ImportPipeline {
  return pipeline;
}
