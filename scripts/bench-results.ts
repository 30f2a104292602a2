/**
 * `bench/results.json`: every benchmark's latest figures, one key per benchmark ("store",
 * "export", "reader", …). Each run reads the file, replaces its own key and writes it back, so
 * `npm run bench` leaves the figures of all of them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS_FILE = path.join(ROOT, 'bench', 'results.json');

/** The commit measured (with "+changes" when the work tree differs from it), or null. */
function commitOf(): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return dirty ? `${head}+changes` : head;
  } catch {
    return null;
  }
}

/** Where and when figures were taken, stored beside them. */
export function runInfo(): Record<string, unknown> {
  return {
    date: new Date().toISOString(),
    commit: commitOf(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
  };
}

/** Replaces `key` in bench/results.json with `figures` (and when and where they were taken). */
export function recordResults(key: string, figures: Record<string, unknown>): void {
  let all: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      all = parsed as Record<string, unknown>;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      console.warn(`${RESULTS_FILE} was not readable JSON; starting it afresh.`);
    }
  }
  all[key] = { run: runInfo(), ...figures };
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  const temporary = `${RESULTS_FILE}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(all, null, 2)}\n`);
  fs.renameSync(temporary, RESULTS_FILE);
  console.log(`Figures written to ${path.relative(process.cwd(), RESULTS_FILE)} under "${key}".`);
}
