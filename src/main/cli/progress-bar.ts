/**
 * Long commands' progress (importing a folder, checking articles for changes): a bar on a
 * terminal's stderr, fed by a job's `{done, total, current}` events, and Ctrl+C cancelling the job
 * cleanly (what finished stays).
 */
import { SingleBar } from 'cli-progress';

/** What a long command draws its progress with (cli-progress's SingleBar, or a test's). */
export interface ProgressBar {
  start(total: number, value: number, payload: { file: string }): void;
  update(value: number, payload: { file: string }): void;
  stop(): void;
}

/** The bar drawn on a terminal's stderr: "Importing [====] 3/10 page.html". */
export function terminalProgressBar(verb: 'Importing' | 'Checking' = 'Importing'): ProgressBar {
  return new SingleBar({
    format: `${verb} [{bar}] {value}/{total} {file}`,
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
}

export interface JobRunOptions {
  readonly signal: AbortSignal;
  readonly onProgress: (event: {
    readonly done: number;
    readonly total: number;
    readonly current: string | null;
  }) => void;
}

/** Runs a job with its progress on `bar` (when there is one) and Ctrl+C as its Cancel. */
export async function withProgress<T>(
  bar: ProgressBar | null,
  run: (options: JobRunOptions) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  let started = false;
  try {
    return await run({
      signal: controller.signal,
      onProgress: ({ done, total, current }) => {
        if (!bar) return;
        if (!started) bar.start(total, done, { file: '' });
        started = true;
        bar.update(done, { file: current ?? '' });
      },
    });
  } finally {
    bar?.stop();
    process.off('SIGINT', stop);
  }
}
