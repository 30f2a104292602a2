/**
 * The registry of processes that have a library open (RELIABILITY line 22: a damaged library is
 * only moved aside when no other Marginalia has it open). Each open writes an entry, each close
 * removes it; entries of processes that are gone are stale and removed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../src/main/library';
import { openSession, otherLiveSession } from '../../../src/main/store/open-sessions';
import { useTempDirs } from '../helpers';

const tempDir = useTempDirs('marginalia-sessions-');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function runningProcess(): ChildProcess & { pid: number } {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
    stdio: 'ignore',
  });
  children.push(child);
  expect(child.pid).toBeTypeOf('number');
  return child as ChildProcess & { pid: number };
}

async function endedProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

function writeEntry(dataDir: string, pid: number, hostname = os.hostname()): string {
  const entry = path.join(dataDir, '.sessions', `${pid}-feedfacecafe`);
  fs.mkdirSync(path.dirname(entry), { recursive: true });
  fs.writeFileSync(entry, JSON.stringify({ pid, hostname, startedAt: new Date().toISOString() }));
  return entry;
}

describe('the open sessions of a library', () => {
  it('R22 an open library has an entry naming its process and host; closing it removes the entry', () => {
    const dataDir = tempDir();
    const lib = openLibrary({ dataDir });
    const names = fs.readdirSync(path.join(dataDir, '.sessions'));
    expect(names).toHaveLength(1);
    expect(names[0]!.startsWith(`${process.pid}-`)).toBe(true);
    expect(
      JSON.parse(fs.readFileSync(path.join(dataDir, '.sessions', names[0]!), 'utf8')),
    ).toMatchObject({ pid: process.pid, hostname: os.hostname() });

    lib.close();

    expect(fs.existsSync(path.join(dataDir, '.sessions'))).toBe(false);
    expect(fs.readdirSync(dataDir).sort()).toEqual(['marginalia.db']);
  });

  it('R22 a process that is still running counts as having the library open; this process does not', () => {
    const dataDir = tempDir();
    const own = openSession(dataDir);
    expect(own).not.toBeNull();
    expect(otherLiveSession(dataDir, own)).toBeNull();
    const other = runningProcess();
    writeEntry(dataDir, other.pid);

    expect(otherLiveSession(dataDir, own)).toMatchObject({
      pid: other.pid,
      hostname: os.hostname(),
    });
    other.kill('SIGKILL');
    fs.rmSync(path.join(dataDir, '.sessions', `${other.pid}-feedfacecafe`));
    // A second open in this same process is another session too.
    const second = openSession(dataDir);
    expect(otherLiveSession(dataDir, second)?.pid).toBe(process.pid);
    own!.end();
    expect(otherLiveSession(dataDir, second)).toBeNull();
    second!.end();
  });

  it('R22 the entry of a process that is gone (killed, crashed) is stale: removed, not counted', async () => {
    const dataDir = tempDir();
    const entry = writeEntry(dataDir, await endedProcess());

    expect(otherLiveSession(dataDir, null)).toBeNull();
    expect(fs.existsSync(entry)).toBe(false);
  });

  it("R22 another host's entry cannot be checked from here and is left alone", () => {
    const dataDir = tempDir();
    const entry = writeEntry(dataDir, runningProcess().pid, 'some-other-host.invalid');

    expect(otherLiveSession(dataDir, null)).toBeNull();
    expect(fs.existsSync(entry)).toBe(true);
  });

  it('R22 where no entry can be written, openSession says so instead of failing', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, '.sessions'), 'a file in the way');
    expect(openSession(dataDir)).toBeNull();
  });
});
