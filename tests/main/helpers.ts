/** Shared helpers for the Node unit tests: temporary folders that clean up after themselves. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
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
