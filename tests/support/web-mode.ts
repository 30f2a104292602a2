/**
 * Starts the real web mode (`bin/marginalia.js web`) on a data dir, as a user would, and reads the
 * one line it prints when ready.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const READY_LINE =
  /^Marginalia web: (http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+))$/m;

export interface RunningWebMode {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly process: ChildProcess;
  readonly output: () => string;
  /** Sends SIGTERM and answers the exit code. */
  stop(): Promise<number | null>;
}

export function startWebMode(
  dataDir: string,
  timeoutMs = 30_000,
  options: { readonly exportFolders?: readonly string[] } = {},
): Promise<RunningWebMode> {
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'bin/marginalia.js'),
      '--data-dir',
      dataDir,
      'web',
      '--no-open',
      '--port',
      '0',
      ...(options.exportFolders ?? []).flatMap((folder) => ['--export-folder', folder]),
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`web mode did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY_LINE.exec(output);
      if (!match) return;
      clearTimeout(timer);
      const url = match[1]!;
      resolve({
        url,
        origin: new URL(url).origin,
        token: match[3]!,
        process: child,
        output: () => output,
        stop: async () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`web mode exited with ${code} before it was ready:\n${output}`));
    });
  });
}
