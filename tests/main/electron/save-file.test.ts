import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  InvalidSaveRequest,
  MAX_FILE_NAME_LENGTH,
  describeWriteError,
  saveDialogFilters,
  validateSaveRequest,
  writeFileAtomically,
} from '../../../src/main/electron/save-file';
import { useTempDirs } from '../helpers';

const tempDir = useTempDirs('marginalia-save-');

describe('validateSaveRequest', () => {
  it('accepts a file name and string content, and answers exactly those', () => {
    const request = { fileName: 'Negotiations continue (00000001).md', content: '# Title\n' };
    expect(validateSaveRequest(request)).toEqual(request);
    expect(validateSaveRequest({ fileName: 'x.claimreview.jsonld', content: '' })).toEqual({
      fileName: 'x.claimreview.jsonld',
      content: '',
    });
  });

  it('takes names in any script, up to 255 characters', () => {
    expect(validateSaveRequest({ fileName: 'Переговоры — 談判.md', content: 'x' }).fileName).toBe(
      'Переговоры — 談判.md',
    );
    const longest = 'a'.repeat(MAX_FILE_NAME_LENGTH - 3) + '.md';
    expect(validateSaveRequest({ fileName: longest, content: '' }).fileName).toBe(longest);
  });

  it.each([
    ['not an object', 'notes.md'],
    ['null', null],
    ['an array', ['notes.md', 'x']],
    ['no fileName', { content: 'x' }],
    ['no content', { fileName: 'notes.md' }],
    ['a number as fileName', { fileName: 42, content: 'x' }],
    ['a Buffer-like content', { fileName: 'notes.md', content: { data: [1, 2] } }],
    ['an extra field', { fileName: 'notes.md', content: 'x', path: '/etc/passwd' }],
    ['an empty name', { fileName: '', content: 'x' }],
    ['a blank name', { fileName: '   ', content: 'x' }],
    ['"."', { fileName: '.', content: 'x' }],
    ['".."', { fileName: '..', content: 'x' }],
    ['a POSIX path', { fileName: '../../.bashrc', content: 'x' }],
    ['an absolute path', { fileName: '/etc/passwd', content: 'x' }],
    ['a Windows path', { fileName: '..\\..\\evil.md', content: 'x' }],
    ['a drive path', { fileName: 'C:\\Users\\me\\evil.md', content: 'x' }],
    ['a trailing slash', { fileName: 'folder/', content: 'x' }],
    ['a NUL byte', { fileName: 'notes\u0000.md', content: 'x' }],
    ['a newline', { fileName: 'notes\n.md', content: 'x' }],
    ['a name over 255 characters', { fileName: 'a'.repeat(253) + '.md', content: 'x' }],
  ])('refuses %s', (_what, payload) => {
    expect(() => validateSaveRequest(payload)).toThrow(InvalidSaveRequest);
    expect(() => validateSaveRequest(payload)).toThrow(/^Invalid save request: /);
  });
});

describe('saveDialogFilters', () => {
  it('offers Markdown for .md and JSON-LD for .jsonld (ClaimReview too), then all files', () => {
    const all = { name: 'All Files', extensions: ['*'] };
    expect(saveDialogFilters('notes.md')).toEqual([{ name: 'Markdown', extensions: ['md'] }, all]);
    expect(saveDialogFilters('notes.jsonld')).toEqual([
      { name: 'JSON-LD', extensions: ['jsonld'] },
      all,
    ]);
    expect(saveDialogFilters('notes.claimreview.jsonld')[0]).toEqual({
      name: 'JSON-LD',
      extensions: ['jsonld'],
    });
    expect(saveDialogFilters('NOTES.MD')[0]).toEqual({ name: 'Markdown', extensions: ['md'] });
  });

  it('names another extension after itself, and offers all files for none', () => {
    expect(saveDialogFilters('data.csv')[0]).toEqual({ name: 'CSV', extensions: ['csv'] });
    expect(saveDialogFilters('README')).toEqual([{ name: 'All Files', extensions: ['*'] }]);
  });
});

describe('writeFileAtomically', () => {
  it('writes a new file as UTF-8 and leaves nothing else behind', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'Переговоры (00000001).md');
    await writeFileAtomically(file, '# Заголовок\n\n> “quoted” 談判\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('# Заголовок\n\n> “quoted” 談判\n');
    expect(fs.readdirSync(dir)).toEqual(['Переговоры (00000001).md']);
  });

  it('replaces an existing file whole, keeping its permissions', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.md');
    fs.writeFileSync(file, 'old content that is longer than the new one');
    if (process.platform !== 'win32') fs.chmodSync(file, 0o640);
    await writeFileAtomically(file, 'new');
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(dir)).toEqual(['notes.md']);
  });

  it('writes an empty file, and a large one', async () => {
    const dir = tempDir();
    await writeFileAtomically(path.join(dir, 'empty.md'), '');
    expect(fs.readFileSync(path.join(dir, 'empty.md'), 'utf8')).toBe('');
    const big = 'line of text\n'.repeat(200_000);
    await writeFileAtomically(path.join(dir, 'big.md'), big);
    expect(fs.readFileSync(path.join(dir, 'big.md'), 'utf8')).toBe(big);
  });

  it('takes a 255-character name (its temporary file is shorter)', async () => {
    const dir = tempDir();
    const name = 'a'.repeat(MAX_FILE_NAME_LENGTH - 3) + '.md';
    await writeFileAtomically(path.join(dir, name), 'x');
    expect(fs.readdirSync(dir)).toEqual([name]);
  });

  it('saving over a symbolic link replaces the file it points to', async (context) => {
    if (process.platform === 'win32') {
      context.skip('symbolic links need extra rights on Windows');
    }
    const dir = tempDir();
    const real = path.join(dir, 'real.md');
    const link = path.join(dir, 'link.md');
    fs.writeFileSync(real, 'old');
    fs.symlinkSync(real, link);
    await writeFileAtomically(link, 'new');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe('new');
  });

  it('fails with "Could not save <path>: <reason>" when the folder does not exist', async () => {
    const file = path.join(tempDir(), 'missing', 'notes.md');
    await expect(writeFileAtomically(file, 'x')).rejects.toThrow(
      `Could not save ${file}: the folder does not exist`,
    );
  });

  it('fails when the target is a folder, and leaves no temporary file', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'notes.md');
    fs.mkdirSync(target);
    await expect(writeFileAtomically(target, 'x')).rejects.toThrow(/^Could not save .*notes\.md: /);
    expect(fs.readdirSync(dir)).toEqual(['notes.md']);
    expect(fs.statSync(target).isDirectory()).toBe(true);
  });

  it('fails with "permission denied" in a read-only folder, leaving the old file as it was', async (context) => {
    if (process.platform === 'win32')
      context.skip('folder permission bits do not apply on Windows');
    if (process.getuid?.() === 0) {
      context.skip(
        'running as root, which permission bits do not stop: no read-only folder to test with',
      );
    }
    const dir = tempDir();
    const file = path.join(dir, 'notes.md');
    fs.writeFileSync(file, 'old');
    fs.chmodSync(dir, 0o555);
    try {
      await expect(writeFileAtomically(file, 'new')).rejects.toThrow(
        `Could not save ${file}: permission denied`,
      );
      expect(fs.readFileSync(file, 'utf8')).toBe('old');
      expect(fs.readdirSync(dir)).toEqual(['notes.md']);
    } finally {
      fs.chmodSync(dir, 0o755);
    }
  });
});

describe('describeWriteError', () => {
  it('says what common errors mean, and passes others on', () => {
    const withCode = (code: string) =>
      Object.assign(new Error(`${code}: x, open '/t/.tmp'`), { code });
    expect(describeWriteError(withCode('ENOSPC'))).toBe('the disk is full');
    expect(describeWriteError(withCode('EROFS'))).toBe('the disk is read-only');
    expect(describeWriteError(withCode('EACCES'))).toBe('permission denied');
    expect(describeWriteError(new Error('something odd'))).toBe('something odd');
    expect(describeWriteError('a string')).toBe('a string');
  });
});
