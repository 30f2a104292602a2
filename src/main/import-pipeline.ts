/**
 * The heavy half of the main process: reading articles (linkedom, Readability, Markdown, MHTML,
 * character encodings), fetching pages, and the exporters and annotation interop (YAML, Markdown
 * serialisers). Most commands need none of it, so the service and the CLI reach it only through
 * `importPipeline()` (lazy-import-pipeline.ts), which the built CLI loads the first time an
 * import, export or interop operation runs.
 */
export { importFile } from './import/index';
export { importPaths, readImportFile } from './import/import-paths';
export { decodeText } from './import/decode';
export { fetchPage } from './net/fetch-page';
export { importAnnotationFile } from './interop/annotation-import';
export { writeExportFolder } from './interop/export-folder';
export { createExports } from './interop/exports';
export { articleToMarkdown } from '../shared/export/article-markdown';
