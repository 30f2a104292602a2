/**
 * Kill -9 soak (RELIABILITY line 16): kills a writer N times in the middle of its writes and
 * checks after each kill that no acknowledged write was lost or half-written.
 *
 *   npx tsx scripts/soak-crash.ts --kills 200 [--seed S] [--data-dir D]
 *
 * Without --data-dir it uses a new temporary library, removed afterwards unless something failed.
 * Exits 1 on any loss, half-written write or integrity failure, and prints each.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runSoak, summaryLine } from './crash/harness';

const PROGRESS_EVERY = 10;

function integerOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0) {
    throw new Error(`--${name} must be a whole number, not ${value}`);
  }
  return parsed;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      kills: { type: 'string' },
      seed: { type: 'string' },
      'data-dir': { type: 'string' },
    },
    strict: true,
  });
  const kills = integerOption(values.kills, 'kills', 200);
  const seed = integerOption(values.seed, 'seed', crypto.randomInt(0, 2 ** 31));
  const temporary = values['data-dir'] === undefined;
  const dataDir = values['data-dir']
    ? path.resolve(values['data-dir'])
    : fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-soak-crash-'));

  console.log(`kill -9 soak: ${kills} kills, seed ${seed}, library ${dataDir}`);
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  const result = await runSoak({
    kills,
    seed,
    dataDir,
    onRound: (progress) => {
      if (progress.kills % PROGRESS_EVERY === 0 && progress.problems.length === 0) {
        console.log(
          `${progress.kills}/${kills} kills, ${progress.acknowledged} acknowledged writes, ` +
            `write in flight landed ${progress.inFlightLanded}, not ${progress.inFlightLost} ` +
            `(${seconds()} s)`,
        );
      }
    },
  });

  for (const problem of result.problems) console.log(`${problem.kind}: ${problem.message}`);
  const failed = result.problems.length > 0;
  if (failed) {
    console.log(`the library is kept in ${dataDir}; rerun with --seed ${seed}`);
  } else if (temporary) {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`took ${seconds()} s`);
  console.log(summaryLine(result));
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
