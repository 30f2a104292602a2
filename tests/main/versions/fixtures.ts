/** Shared set-up of the version tests: a library with the sample, and its revised text. */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, expect } from 'vitest';
import { resourcesDir } from '../../../src/main/paths';
import { SAMPLE_FILE_NAME, readSample } from '../../../src/main/sample';
import { createService, type Service } from '../../../src/main/service';
import { openDatabase } from '../../../src/main/store/connection';
import { idSource, tickingClock } from '../helpers';

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

export interface Harness {
  readonly db: Database;
  readonly service: Service;
  readonly readOnlyService: () => Service;
}

export function useHarness(tempDir: () => string): () => Harness {
  const opened: Database[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) if (db.open) db.close();
  });
  return () => {
    const { db } = openDatabase(path.join(tempDir(), 'marginalia.db'));
    opened.push(db);
    const service = createService({
      db,
      newId: idSource(),
      now: tickingClock(),
      sample: readSample(resourcesDir()),
    });
    const readOnlyService = () =>
      createService({
        db,
        newId: idSource(0x9000),
        now: tickingClock(),
        readOnly: { reason: 'a test' },
      });
    return { db, service, readOnlyService };
  };
}

export const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
