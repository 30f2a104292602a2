/**
 * The one file writer: whole or not at all. Failures are made at each step (the write, the
 * flush, the rename, the link) with spies on `fs`, and every one must leave the old file as it
 * was and no partial or temporary file behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFileAtomic, errorCode, writeFileAtomic } from '../../../src/main/files/atomic-write';
import { useTempDirs } from '../helpers';

const tempDir = useTempDirs('marginalia-atomic-');

afterEach(() => {
  vi.restoreAllMocks();
});

const enospc = () =>
  Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });

/** `fs.writeFileSync` that writes the first `keep` characters, then fails as a full disk does. */
function failMidWrite(keep: number): void {
  const realWrite = fs.writeFileSync;
  vi.spyOn(fs, 'writeFileSync').mockImplementation((file, data, options) => {
    realWrite(file, String(data).slice(0, keep), options);
    throw enospc();
  });
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('writeFileAtomic', () => {
  it('writes a new file as UTF-8 and leaves nothing else behind', () => {
    const dir = tempDir();
    const file = path.join(dir, 'Переговоры 談判.md');
    writeFileAtomic(file, '# Заголовок\n\n> “quoted” 談判 🦜\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('# Заголовок\n\n> “quoted” 談判 🦜\n');
    expect(fs.readdirSync(dir)).toEqual(['Переговоры 談判.md']);
  });

  it('replaces a file whole, keeping its permissions', () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.md');
    fs.writeFileSync(file, 'old content that is longer than the new one');
    if (process.platform !== 'win32') fs.chmodSync(file, 0o640);
    writeFileAtomic(file, 'new');
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(dir)).toEqual(['notes.md']);
  });

  it('a failure mid-write leaves the old file intact and no partial file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.md');
    fs.writeFileSync(file, 'the old notes, whole');
    failMidWrite(5);
    const error = thrown(() => writeFileAtomic(file, 'the new notes, which never arrive whole'));
    vi.restoreAllMocks();
    expect(errorCode(error)).toBe('ENOSPC');
    expect(fs.readFileSync(file, 'utf8')).toBe('the old notes, whole');
    expect(fs.readdirSync(dir)).toEqual(['notes.md']);
  });

  it('a failure mid-write of a new file leaves no file at all', () => {
    const dir = tempDir();
    failMidWrite(5);
    expect(errorCode(thrown(() => writeFileAtomic(path.join(dir, 'new.md'), 'content')))).toBe(
      'ENOSPC',
    );
    vi.restoreAllMocks();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('flushes before renaming: a failed flush leaves the old file and no temporary file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.md');
    fs.writeFileSync(file, 'old');
    const rename = vi.spyOn(fs, 'renameSync');
    vi.spyOn(fs, 'fsyncSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
    });
    expect(errorCode(thrown(() => writeFileAtomic(file, 'new')))).toBe('EIO');
    expect(rename).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['notes.md']);
  });

  it('a failed rename leaves the old file and no temporary file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.md');
    fs.writeFileSync(file, 'old');
    vi.spyOn(fs, 'renameSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' });
    });
    expect(errorCode(thrown(() => writeFileAtomic(file, 'new')))).toBe('EBUSY');
    vi.restoreAllMocks();
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['notes.md']);
  });

  it('writing over a symbolic link replaces the file it points to', (context) => {
    if (process.platform === 'win32') context.skip('symbolic links need extra rights on Windows');
    const dir = tempDir();
    const real = path.join(dir, 'real.md');
    const link = path.join(dir, 'link.md');
    fs.writeFileSync(real, 'old');
    fs.symlinkSync(real, link);
    writeFileAtomic(link, 'new');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe('new');
  });

  it('takes a 255-character name (its temporary file is shorter)', () => {
    const dir = tempDir();
    const name = 'a'.repeat(252) + '.md';
    writeFileAtomic(path.join(dir, name), 'x');
    expect(fs.readdirSync(dir)).toEqual([name]);
  });

  it('throws the error as it is when the folder does not exist', () => {
    const file = path.join(tempDir(), 'missing', 'notes.md');
    expect(errorCode(thrown(() => writeFileAtomic(file, 'x')))).toBe('ENOENT');
  });
});

describe('createFileAtomic', () => {
  it('creates a file that is not there, and says so', () => {
    const dir = tempDir();
    const file = path.join(dir, 'new.md');
    expect(createFileAtomic(file, 'content 談判')).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('content 談判');
    expect(fs.readdirSync(dir)).toEqual(['new.md']);
  });

  it('never writes over a file, a folder or a link of that name', (context) => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'taken.md'), 'not ours');
    fs.mkdirSync(path.join(dir, 'folder.md'));
    expect(createFileAtomic(path.join(dir, 'taken.md'), 'ours')).toBe(false);
    expect(createFileAtomic(path.join(dir, 'folder.md'), 'ours')).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'taken.md'), 'utf8')).toBe('not ours');
    if (process.platform === 'win32') context.skip('symbolic links need extra rights on Windows');
    fs.symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'dangling.md'));
    expect(createFileAtomic(path.join(dir, 'dangling.md'), 'ours')).toBe(false);
    expect(fs.existsSync(path.join(dir, 'nowhere.md'))).toBe(false);
    expect(fs.readdirSync(dir).sort()).toEqual(['dangling.md', 'folder.md', 'taken.md']);
  });

  it('loses to a file that appears while it writes, and leaves that file alone', () => {
    const dir = tempDir();
    const file = path.join(dir, 'race.md');
    const realLink = fs.linkSync;
    vi.spyOn(fs, 'linkSync').mockImplementationOnce((from, to) => {
      fs.writeFileSync(file, 'theirs');
      realLink(from, to);
    });
    expect(createFileAtomic(file, 'ours')).toBe(false);
    vi.restoreAllMocks();
    expect(fs.readFileSync(file, 'utf8')).toBe('theirs');
    expect(fs.readdirSync(dir)).toEqual(['race.md']);
  });

  it('a failure mid-write leaves no file at all', () => {
    const dir = tempDir();
    failMidWrite(3);
    expect(errorCode(thrown(() => createFileAtomic(path.join(dir, 'new.md'), 'content')))).toBe(
      'ENOSPC',
    );
    vi.restoreAllMocks();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('works on a file system without hard links: the name claimed, then renamed over', () => {
    const dir = tempDir();
    const file = path.join(dir, 'new.md');
    vi.spyOn(fs, 'linkSync').mockImplementation(() => {
      throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
    });
    expect(createFileAtomic(file, 'whole')).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('whole');
    expect(fs.readdirSync(dir)).toEqual(['new.md']);

    fs.writeFileSync(path.join(dir, 'taken.md'), 'not ours');
    expect(createFileAtomic(path.join(dir, 'taken.md'), 'ours')).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'taken.md'), 'utf8')).toBe('not ours');
    expect(fs.readdirSync(dir).sort()).toEqual(['new.md', 'taken.md']);
  });

  it('without hard links, a failed rename removes the name it claimed', () => {
    const dir = tempDir();
    vi.spyOn(fs, 'linkSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOTSUP: operation not supported'), { code: 'ENOTSUP' });
    });
    vi.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw enospc();
    });
    expect(errorCode(thrown(() => createFileAtomic(path.join(dir, 'new.md'), 'x')))).toBe('ENOSPC');
    vi.restoreAllMocks();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
