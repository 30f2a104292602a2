/**
 * The sample article every new library starts with: the February 2022 report bundled under
 * `resources/sample/`. It has a fixed id, so the same sample in two libraries is one entity when
 * they are merged; and it is added once per library, so it does not come back after a delete.
 */
import fs from 'node:fs';
import path from 'node:path';

export const SAMPLE_ARTICLE_ID = '01950000-0000-7000-8000-000000000001';
export const SAMPLE_FILE_NAME = 'negotiations-continue-2022-02-11.txt';

export interface SampleSource {
  readonly id: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

export function readSample(resourcesDir: string): SampleSource {
  const bytes = fs.readFileSync(path.join(resourcesDir, 'sample', SAMPLE_FILE_NAME));
  return { id: SAMPLE_ARTICLE_ID, fileName: SAMPLE_FILE_NAME, bytes };
}

/** Reads the sample only when asked: a library that already has it never touches the file. */
export function lazySample(resourcesDir: string): () => SampleSource {
  return () => readSample(resourcesDir);
}
