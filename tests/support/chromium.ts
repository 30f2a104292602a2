/**
 * The Chromium that view and end-to-end tests drive: `CHROMIUM_PATH`, else Debian's
 * `/usr/bin/chromium`. Playwright's own browser download does not work on these machines.
 */
import fs from 'node:fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The Chromium to use, or null when this machine has none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && fs.existsSync(p)) ?? null;
}

/** The Chromium to use; throws, saying how to get one, when there is none. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const found = findChromium(env);
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests. Install one (Debian: "apt-get install chromium") ' +
        'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  }
  return found;
}
