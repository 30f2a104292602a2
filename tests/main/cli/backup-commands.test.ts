import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/main/cli/backup-commands';
import { useTempDirs } from '../helpers';
import { countsOfFile } from '../store/backups-fixtures';
import { cli, lines } from './capture';

const tempDir = useTempDirs('marginalia-cli-backup-');

const NOTES = '# Field notes\n\nThe envoy denied everything.\n\nA second paragraph.\n';
const LINE =
  /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\t(\S+)\t(\d+) articles?\t(\d+) annotations?\t[\d.]+ (?:bytes|KB|MB)\t(\/.+)$/;

/** A library with the sample and one imported article. */
async function setup() {
  const root = tempDir();
  const data = path.join(root, 'library');
  const notes = path.join(root, 'notes.md');
  fs.writeFileSync(notes, NOTES);
  expect((await cli(['--data-dir', data, 'import', notes])).code).toBe(0);
  return { root, data, library: path.join(data, 'marginalia.db') };
}

function parse(line: string) {
  const match = LINE.exec(line);
  expect(match, line).not.toBeNull();
  const [, kind, articles, annotations, file] = match!;
  return { kind, articles: Number(articles), annotations: Number(annotations), file: file! };
}

describe('marginalia backup / backups / restore-backup', () => {
  it('backup takes a manual backup into the backups folder and prints its line; backups lists it', async () => {
    const { data } = await setup();
    const run = await cli(['--data-dir', data, 'backup']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const taken = parse(lines(run.stdout)[0]!);
    expect(taken).toMatchObject({ kind: 'manual', articles: 2, annotations: 0 });
    expect(path.dirname(taken.file)).toBe(path.join(data, 'backups'));
    expect(fs.existsSync(taken.file)).toBe(true);

    const second = await cli(['--data-dir', data, 'backup']);
    const list = await cli(['--data-dir', data, 'backups']);
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(lines(list.stdout)).toEqual([lines(second.stdout)[0], lines(run.stdout)[0]]);
  });

  it('backup --out writes a verified copy to the file given, or into the folder given', async () => {
    const { root, data } = await setup();
    const out = path.join(root, 'elsewhere.db');
    const run = await cli(['--data-dir', data, 'backup', '--out', out]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(parse(lines(run.stdout)[0]!)).toMatchObject({ file: out, articles: 2 });
    expect(countsOfFile(out).articles).toBe(2);
    // Not in the backups folder, so not listed there.
    expect(lines((await cli(['--data-dir', data, 'backups'])).stdout)).toEqual([]);

    const folder = path.join(root, 'usb-stick');
    fs.mkdirSync(folder);
    const into = await cli(['--data-dir', data, 'backup', '--out', folder]);
    expect(into.code).toBe(0);
    expect(path.dirname(parse(lines(into.stdout)[0]!).file)).toBe(folder);
  });

  it('backup --out refuses an existing file and a missing folder, one clear line, exit 1', async () => {
    const { root, data } = await setup();
    const existing = path.join(root, 'keep-me.db');
    fs.writeFileSync(existing, 'precious');
    const run = await cli(['--data-dir', data, 'backup', '--out', existing]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual([
      `marginalia: ${existing} already exists; choose a new file name`,
    ]);
    expect(fs.readFileSync(existing, 'utf8')).toBe('precious');

    const missing = path.join(root, 'no', 'such', 'folder', 'x.db');
    const again = await cli(['--data-dir', data, 'backup', '--out', missing]);
    expect(again.code).toBe(1);
    expect(lines(again.stderr)).toEqual([
      `marginalia: cannot write ${missing}: its folder does not exist`,
    ]);
  });

  it('restore-backup restores, says where the library was kept aside and how to undo it; the undo works', async () => {
    const { root, data, library } = await setup();
    const taken = parse(lines((await cli(['--data-dir', data, 'backup'])).stdout)[0]!);
    fs.writeFileSync(path.join(root, 'more.md'), '# More\n\nAnother article.\n');
    expect((await cli(['--data-dir', data, 'import', path.join(root, 'more.md')])).code).toBe(0);
    expect(countsOfFile(library).articles).toBe(3);

    const run = await cli(['--data-dir', data, 'restore-backup', taken.file]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const out = lines(run.stdout);
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/^restored the manual backup of .+ \(2 articles, 0 annotations\) from /);
    expect(out[0]).toContain(taken.file);
    const kept = /^the library as it was \(3 articles, 0 annotations\) is kept at (\/\S+)$/.exec(
      out[1]!,
    );
    expect(kept).not.toBeNull();
    const keptAside = kept![1]!;
    expect(path.basename(keptAside)).toMatch(/^marginalia\.db\.before-restore\./);
    expect(out[2]).toBe(`to undo: marginalia --data-dir ${data} restore-backup ${keptAside}`);
    expect(countsOfFile(library).articles).toBe(2);

    const undo = await cli(['--data-dir', data, 'restore-backup', keptAside]);
    expect(undo.code).toBe(0);
    expect(countsOfFile(library).articles).toBe(3);
  });

  it('restore-backup refuses a path that is not a listed backup: exit 1, one clear line, library unchanged', async () => {
    const { root, data, library } = await setup();
    await cli(['--data-dir', data, 'backup']);
    const listingBefore = fs.readdirSync(path.join(data, 'backups')).sort();
    const countsBefore = countsOfFile(library);
    for (const bad of ['/etc/passwd', path.join(root, 'nothing-here.bak'), '../x']) {
      const run = await cli(['--data-dir', data, 'restore-backup', bad]);
      expect(run.code, bad).toBe(1);
      expect(run.stdout).toBe('');
      const err = lines(run.stderr);
      expect(err).toHaveLength(1);
      expect(err[0]).toBe(
        `marginalia: ${bad} is not one of this library's backups (they are in ` +
          `${path.join(data, 'backups')}); nothing was restored`,
      );
    }
    expect(fs.readdirSync(path.join(data, 'backups')).sort()).toEqual(listingBefore);
    expect(countsOfFile(library)).toEqual(countsBefore);
  });

  it('backups on a library with none prints nothing and says so on stderr', async () => {
    const { data } = await setup();
    const run = await cli(['--data-dir', data, 'backups']);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: 'no backups yet\n' });
  });

  it('formats sizes for people', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
