/** Shared helpers for the Node unit tests: temporary folders that clean up after themselves. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, expect } from 'vitest';
import { resourcesDir } from '../../src/main/paths';
import { readSample } from '../../src/main/sample';
import { createService, type Service } from '../../src/main/service';
import { openDatabase } from '../../src/main/store/connection';
import { describeRange } from '../../src/shared/anchoring/selectors';
import type { Annotation } from '../../src/shared/contract/entities';
import { ServiceError } from '../../src/shared/contract/errors';

/**
 * Returns a function that makes a fresh temporary folder; every folder made is removed after
 * each test. Call it at the top of a `describe` (or file).
 */
export function useTempDirs(prefix = 'marginalia-test-'): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

export function sha256File(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A UUID that no row has. */
export const UNKNOWN_ID = '01950000-0000-7000-8000-0000000000ff';

/** Runs `run`, expecting it to throw a ServiceError, and answers that error. */
export function serviceErrorOf(run: () => unknown): ServiceError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    return error as ServiceError;
  }
  throw new Error('expected a ServiceError');
}

/** Deterministic UUIDv7-shaped ids: 01950000-0000-7000-8000-<12 hex digits of a counter>. */
export function idSource(start = 0x1000): () => string {
  let n = start;
  return () => `01950000-0000-7000-8000-${(n++).toString(16).padStart(12, '0')}`;
}

/** A clock that moves one second per call, so every write has its own timestamp. */
export function tickingClock(start = Date.UTC(2024, 0, 1)): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

/** Selectors for the first occurrence of `quote` in the article's canonical text. */
export function rangeOf(service: Service, articleId: string, quote: string) {
  const text = service.articleText(articleId);
  const start = text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  return describeRange(text, start, start + quote.length);
}

/**
 * Creates a plain yellow annotation of the first occurrence of `quote`, with `extra` fields, and
 * answers the whole reply (the annotation and the changes).
 */
export function createReply(
  service: Service,
  articleId: string,
  quote: string,
  extra: Partial<Parameters<Service['createAnnotation']>[0]> = {},
): ReturnType<Service['createAnnotation']> {
  return service.createAnnotation({
    articleId,
    ...rangeOf(service, articleId, quote),
    color: 'yellow',
    note: '',
    claim: null,
    tags: [],
    ...extra,
  });
}

/** Creates a plain yellow annotation of the first occurrence of `quote`, with `extra` fields. */
export function create(
  service: Service,
  articleId: string,
  quote: string,
  extra: Partial<Parameters<Service['createAnnotation']>[0]> = {},
): Annotation {
  return createReply(service, articleId, quote, extra).annotation;
}

/** A library with the sample, its service, and the same library's service opened read-only. */
export interface SampleLibrary {
  readonly db: Database;
  readonly service: Service;
  readonly readOnlyService: () => Service;
}

/**
 * Returns a function that opens a new library in a fresh folder of `tempDir`, with the sample;
 * every database opened is closed after each test.
 */
export function useSampleLibrary(tempDir: () => string): () => SampleLibrary {
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
