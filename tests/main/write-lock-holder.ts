/**
 * Another connection to a library (a worker thread) holding its write lock until this thread lets
 * it go. The service's writes block this thread, so the lock is let go from inside the service's
 * pause before a retry (`letGo`, passed as createService's pauseBeforeRetry): deterministic, with no
 * timed holds.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const driver = createRequire(import.meta.url).resolve('better-sqlite3');
const LET_GO = 0;
const COMMITTED = 1;

export interface WriteLockHolder {
  /**
   * For pauseBeforeRetry: records the pause; at the first one, lets the lock go (the holder runs
   * its own change first) and waits until the holder has committed. Later pauses only record.
   */
  readonly letGo: (ms: number) => void;
  /** For pauseBeforeRetry: records the pause and keeps the lock. */
  readonly keep: (ms: number) => void;
  /** The pauses the service asked for, in order. */
  readonly pauses: number[];
  /** Lets the lock go from the event loop (if not yet) and waits for the worker to finish. */
  finish(): Promise<void>;
}

/**
 * Takes the write lock in a worker thread (BEGIN IMMEDIATE) and answers once it is held. When let
 * go, the worker runs `change` (SQL with its parameters), if any, in the same transaction, commits
 * and closes its connection.
 */
export async function holdWriteLock(
  file: string,
  change?: { readonly sql: string; readonly params: readonly unknown[] },
): Promise<WriteLockHolder> {
  const signals = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.driver);
    const signals = new Int32Array(workerData.signals);
    const db = new Database(workerData.file);
    db.exec('BEGIN IMMEDIATE');
    parentPort.postMessage('locked');
    Atomics.wait(signals, ${LET_GO}, 0);
    if (workerData.change) db.prepare(workerData.change.sql).run(...workerData.change.params);
    db.exec('COMMIT');
    db.close();
    Atomics.store(signals, ${COMMITTED}, 1);
    Atomics.notify(signals, ${COMMITTED});
    `,
    { eval: true, workerData: { file, driver, change, signals: signals.buffer } },
  );
  const exited = new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the lock holder exited with ${code}`)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (m) => m === 'locked' && resolve());
    exited.catch(reject);
  });

  const pauses: number[] = [];
  const release = () => {
    Atomics.store(signals, LET_GO, 1);
    Atomics.notify(signals, LET_GO);
  };
  return {
    pauses,
    keep: (ms) => void pauses.push(ms),
    letGo: (ms) => {
      pauses.push(ms);
      if (pauses.length > 1) return;
      release();
      if (Atomics.wait(signals, COMMITTED, 0, 10_000) === 'timed-out') {
        throw new Error('the lock holder did not commit');
      }
    },
    finish: async () => {
      release();
      await exited;
    },
  };
}
