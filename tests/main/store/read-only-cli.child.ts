/**
 * Runs several command lines of the CLI in one process, one after another, and prints each one's
 * exit code, output and errors as JSON. read-only.test.ts runs it as another user (one that
 * permission bits stop), once per library, instead of paying a process start per command.
 * Usage: node --import tsx read-only-cli.child.ts '[["--data-dir", "D", "list"], …]'
 */
import { runCli } from '../../../src/main/cli/index';

const commands = JSON.parse(process.argv[2] ?? '[]') as string[][];
const results: { code: number; stdout: string; stderr: string }[] = [];
for (const argv of commands) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: process.env,
  });
  results.push({ code, stdout, stderr });
}
process.stdout.write(JSON.stringify(results));
