/** Runs the CLI in-process with its output captured, as the CLI tests read it. */
import { runCli, type CliIo } from '../../../src/main/cli/index';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function cli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** The non-empty lines of an output. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.length > 0);
}
