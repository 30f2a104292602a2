/**
 * Global setup of the end-to-end project: builds the app (electron-vite) so web mode serves the
 * renderer of the code under test, never a stale build.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './web-mode';

export default function setup(): void {
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}
