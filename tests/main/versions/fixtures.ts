/** Shared set-up of the version tests: a library with the sample, and its revised text. */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { resourcesDir } from '../../../src/main/paths';
import { SAMPLE_FILE_NAME } from '../../../src/main/sample';

export const STOLTENBERG_SENTENCE =
  'On February 10th, NATO Secretary General Jens Stoltenberg said that “the number of Russian ' +
  'forces is going up, the warning time for a possible attack is going down.” ';

/** The sample's own file text. */
export function sampleText(): string {
  return fs.readFileSync(path.join(resourcesDir(), 'sample', SAMPLE_FILE_NAME), 'utf8');
}

/**
 * The sample as the issue revises it: "which Russia denies" reads "which Russia has denied" and
 * the Stoltenberg sentence is gone.
 */
export function revisedSampleText(): string {
  const text = sampleText();
  expect(text).toContain('which Russia denies');
  expect(text).toContain(STOLTENBERG_SENTENCE);
  return text
    .replace('which Russia denies', 'which Russia has denied')
    .replace(STOLTENBERG_SENTENCE, '');
}

export const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
