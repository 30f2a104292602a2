/**
 * Golden files: an export compared with the file checked in under tests/golden. After a deliberate
 * change of format, `UPDATE_GOLDEN=1 npx vitest run --project unit` rewrites them; review the diff.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { projectRoot } from '../../src/main/paths';

export const GOLDEN_DIR = path.join(projectRoot(), 'tests', 'golden');

export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env['UPDATE_GOLDEN'] === '1') {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  expect(fs.existsSync(file), `${name} is missing: run with UPDATE_GOLDEN=1 to write it`).toBe(
    true,
  );
  expect(actual, `${name} differs from the golden file`).toBe(fs.readFileSync(file, 'utf8'));
}
