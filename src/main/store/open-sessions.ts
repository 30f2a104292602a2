/**
 * Which processes have a library open: each one writes `<data dir>/.sessions/<pid>-<random>`
 * before it opens the database and removes it when it closes. Only consulted before a damaged
 * library is moved aside: a file another Marginalia has open must not be renamed from under it
 * (its later writes would go to the moved file). Node has no portable advisory file locks, and
 * SQLite's own locks cannot be asked "is anyone else here?" without taking part in them, so the
 * registry is plain files checked with `process.kill(pid, 0)`.
 *
 * Limits, accepted: an entry from another host (a shared folder) cannot be checked and is ignored;
 * a dead process whose pid was reused looks alive (the damaged file then stays where it is and the
 * user is asked to close the other Marginalia; removing `.sessions/` clears it).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const FOLDER = '.sessions';

/** This process's open entry for one library; `end()` removes it (safe to call twice). */
export interface OpenSession {
  readonly file: string;
  end(): void;
}

/** What another process's entry says. */
export interface SessionEntry {
  readonly pid: number;
  readonly hostname: string | null;
  readonly startedAt: string | null;
}

const sessionsFolder = (dataDir: string) => path.join(dataDir, FOLDER);

/** Entries this process has written and not yet removed: removed on exit, best effort. */
const ownEntries = new Set<string>();
let exitHookInstalled = false;

function removeOwnEntriesOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const entry of ownEntries) removeEntry(entry);
  });
}

function removeEntry(entry: string): void {
  ownEntries.delete(entry);
  try {
    fs.unlinkSync(entry);
  } catch {
    // already gone
  }
  try {
    fs.rmdirSync(path.dirname(entry)); // leave the data folder as it was when no one has it open
  } catch {
    // another session's entry is still there (or the folder is gone)
  }
}

/**
 * Writes this process's entry for the library in `dataDir`, or answers null when it cannot be
 * written (a folder that cannot be written): then nothing may be moved aside.
 */
export function openSession(dataDir: string): OpenSession | null {
  const name = `${process.pid}-${crypto.randomBytes(6).toString('hex')}`;
  const entry = path.join(sessionsFolder(dataDir), name);
  const content = JSON.stringify({
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
  });
  // Twice: another process that closes may remove the (then empty) folder between mkdir and write.
  for (let attempt = 0; ; attempt++) {
    try {
      fs.mkdirSync(path.dirname(entry), { recursive: true });
      fs.writeFileSync(entry, content, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && attempt < 2) continue;
      return null;
    }
  }
  ownEntries.add(entry);
  removeOwnEntriesOnExit();
  return { file: entry, end: () => removeEntry(entry) };
}

/** Whether a process with this pid is running here (EPERM: it is, but someone else's). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readEntry(file: string, pid: number): SessionEntry {
  try {
    const { hostname, startedAt } = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<
      string,
      unknown
    >;
    return {
      pid,
      hostname: typeof hostname === 'string' ? hostname : null,
      startedAt: typeof startedAt === 'string' ? startedAt : null,
    };
  } catch {
    // Being written this moment, or cut short: the pid in its name still says whose it is.
    return { pid, hostname: null, startedAt: null };
  }
}

/**
 * Another process on this host that has the library in `dataDir` open, or null. Entries of
 * processes that are no longer running (killed, crashed) are stale and removed on the way.
 */
export function otherLiveSession(dataDir: string, own: OpenSession | null): SessionEntry | null {
  const folder = sessionsFolder(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return null; // no registry: no one has written an entry
  }
  const here = os.hostname();
  for (const name of names) {
    const file = path.join(folder, name);
    if (file === own?.file) continue;
    const pid = Number.parseInt(name, 10);
    if (!Number.isSafeInteger(pid) || pid <= 0) continue; // not an entry
    const entry = readEntry(file, pid);
    if (entry.hostname !== null && entry.hostname !== here) continue; // cannot be checked
    if (isAlive(pid)) return entry;
    try {
      fs.unlinkSync(file);
    } catch {
      // removed by another process meanwhile
    }
  }
  return null;
}
