/**
 * The shared set-up of an end-to-end test file: a Chromium for the file and a fresh data dir,
 * optionally with web mode already running on it; all of it stopped and removed afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { startWebMode, type RunningWebMode } from './web-mode';

export interface E2eSession {
  readonly browser: Browser;
  readonly dataDir: string;
  /** Web mode, when the session was asked to start it. */
  readonly server: RunningWebMode;
  /** A folder inside the data dir that web mode may export to (`--export-folder`). */
  readonly exportDir: string;
}

export function useE2eSession(name: string, options: { startServer?: boolean } = {}): E2eSession {
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  let server: RunningWebMode | undefined;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `marginalia-${name}-`));
    fs.mkdirSync(path.join(dataDir, 'exports'));
    if (options.startServer) {
      server = await startWebMode(dataDir, undefined, {
        exportFolders: [path.join(dataDir, 'exports')],
      });
    }
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready: use it inside a test`);
    return value;
  };
  return {
    get browser() {
      return required(browser, 'the browser');
    },
    get dataDir() {
      return required(dataDir, 'the data dir');
    },
    get server() {
      return required(server, 'web mode');
    },
    get exportDir() {
      return path.join(required(dataDir, 'the data dir'), 'exports');
    },
  };
}
