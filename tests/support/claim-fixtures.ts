/**
 * Reads the claim finder's labelled fixtures (tests/fixtures/claims/*.json) from disk, for the
 * tests and `npm run bench:claims`. The format and the scoring are in
 * src/shared/claim-finder/evaluate.ts.
 *
 * Two sets: 'tuned' (the top folder, which the finder was tuned against) and 'held-out'
 * (tests/fixtures/claims/held-out, labelled the same way but never tuned against, so its figures
 * are honest). Without a set, everything reads the tuned one.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  loadFixture,
  type Fixture,
  type FixtureFile,
} from '../../src/shared/claim-finder/evaluate';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLAIM_FIXTURES_DIR = path.join(ROOT, 'tests', 'fixtures', 'claims');

/** A text file named from the project root. */
function readFromRoot(file: string): string {
  return readFileSync(path.join(ROOT, file), 'utf8');
}

export type ClaimFixtureSet = 'tuned' | 'held-out';

function directoryOf(set: ClaimFixtureSet): string {
  return set === 'held-out' ? path.join(CLAIM_FIXTURES_DIR, 'held-out') : CLAIM_FIXTURES_DIR;
}

/** The fixture files' names (without ".json"), sorted, the sample article first. */
export function claimFixtureNames(set: ClaimFixtureSet = 'tuned'): string[] {
  // Files only: the held-out folder sits inside the tuned one.
  return readdirSync(directoryOf(set), { withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith('.json'))
    .map((f) => f.name.slice(0, -'.json'.length))
    .sort((a, b) => Number(b === 'sample') - Number(a === 'sample') || a.localeCompare(b));
}

/** One fixture by its file name (without ".json"), its labels' offsets computed. */
export function readClaimFixture(name: string, set: ClaimFixtureSet = 'tuned'): Fixture {
  const json = JSON.parse(
    readFileSync(path.join(directoryOf(set), `${name}.json`), 'utf8'),
  ) as FixtureFile;
  return loadFixture(json, readFromRoot, name);
}

/** Every fixture of a set, the sample article first. */
export function readClaimFixtures(set: ClaimFixtureSet = 'tuned'): Fixture[] {
  return claimFixtureNames(set).map((name) => readClaimFixture(name, set));
}
