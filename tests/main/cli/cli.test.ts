import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/main/paths';
import { SAMPLE_ARTICLE_ID } from '../../../src/main/sample';
import { UNKNOWN_ID, useTempDirs } from '../helpers';
import { cli, lines } from './capture';
import { Node } from 'prosemirror-model';
import type { DocumentJson } from '../../../src/shared/contract/entities';
import { canonicalText } from '../../../src/shared/document/canonical-text';
import { articleSchema } from '../../../src/shared/document/schema';

const tempDir = useTempDirs('marginalia-cli-');

const SAMPLE_TITLE = 'Negotiations continue between Western and Russian diplomats';
const SAMPLE_LINE = `${SAMPLE_ARTICLE_ID}\t${SAMPLE_TITLE}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A data folder and a folder of files to import. */
function setup() {
  const root = tempDir();
  const data = path.join(root, 'library');
  const files = path.join(root, 'files');
  fs.mkdirSync(files);
  const write = (name: string, content: string | Uint8Array) => {
    const file = path.join(files, name);
    fs.writeFileSync(file, content);
    return file;
  };
  const notes = write(
    'notes.md',
    '# Field notes\n\nThe envoy *denied* everything.\n\nA second paragraph.\n',
  );
  return { root, data, files, write, notes };
}

async function listIds(data: string): Promise<string[]> {
  const run = await cli(['--data-dir', data, 'list', '--json']);
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { id: string }[]).map((a) => a.id);
}

describe('marginalia import / list / show', () => {
  it('imports a Markdown file, prints "<id>\\t<title>" and keeps the file\'s base name', async () => {
    const { data, notes } = setup();
    const run = await cli(['--data-dir', data, 'import', notes]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const out = lines(run.stdout);
    expect(out).toHaveLength(1);
    const [id, title] = out[0]!.split('\t');
    expect(id).toMatch(UUID);
    expect(title).toBe('Field notes');
    expect(fs.existsSync(path.join(data, 'marginalia.db'))).toBe(true);
    // The article remembers the name of the file it came from, without its folder.
    const listed = await cli(['--data-dir', data, 'list', '--json']);
    const articles = JSON.parse(listed.stdout) as { id: string; sourceFileName: string | null }[];
    expect(articles.find((a) => a.id === id)?.sourceFileName).toBe('notes.md');
  });

  it('imports several files in one go, one line each', async () => {
    const { data, notes, write } = setup();
    const text = write('memo.txt', 'Memo\nBy Staff\n\nBody of the memo.\n');
    const run = await cli(['--data-dir', data, 'import', notes, text]);
    expect(run.code).toBe(0);
    expect(lines(run.stdout).map((l) => l.split('\t')[1])).toEqual(['Field notes', 'Memo']);
    const listed = await cli(['--data-dir', data, 'list', '--json']);
    const names = (JSON.parse(listed.stdout) as { sourceFileName: string | null }[]).map(
      (a) => a.sourceFileName,
    );
    expect(names.sort()).toEqual(['memo.txt', 'notes.md', null]);
  });

  it('lists the sample and the import, as text and as JSON', async () => {
    const { data, notes } = setup();
    const imported = await cli(['--data-dir', data, 'import', notes]);
    const importedLine = lines(imported.stdout)[0]!;

    const list = await cli(['--data-dir', data, 'list']);
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(lines(list.stdout)).toEqual([importedLine, SAMPLE_LINE]);

    const json = await cli(['--data-dir', data, 'list', '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as {
      id: string;
      title: string;
      byline: string | null;
    }[];
    expect(parsed.map((a) => a.id)).toEqual([importedLine.split('\t')[0], SAMPLE_ARTICLE_ID]);
    expect(parsed[1]).toMatchObject({
      title: SAMPLE_TITLE,
      byline: 'Simon C.',
      publishedAt: '2022-02-11',
    });
  });

  it('shows an article: metadata lines, then the canonical text', async () => {
    const { data } = setup();
    const run = await cli(['--data-dir', data, 'show', SAMPLE_ARTICLE_ID]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const out = run.stdout.split('\n');
    expect(out[0]).toBe(`Title: ${SAMPLE_TITLE}`);
    expect(out).toContain('Byline: Simon C.');
    expect(out).toContain('Published: 2022-02-11');
    expect(out).toContain(`Id: ${SAMPLE_ARTICLE_ID}`);

    const json = await cli(['--data-dir', data, 'show', SAMPLE_ARTICLE_ID, '--format', 'json']);
    expect(json.code).toBe(0);
    const article = JSON.parse(json.stdout) as { id: string; document: DocumentJson };
    expect(article.id).toBe(SAMPLE_ARTICLE_ID);
    expect(article.document.type).toBe('doc');
    const text = canonicalText(Node.fromJSON(articleSchema, article.document));
    expect(text).toMatch(/^In December of 2021/);
    // The text form ends with exactly the canonical text.
    expect(run.stdout.endsWith(`\n\n${text}\n`)).toBe(true);
  });

  it('show of an unknown id exits 1 with one line on stderr', async () => {
    const { data } = setup();
    const run = await cli(['--data-dir', data, 'show', UNKNOWN_ID]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain(UNKNOWN_ID);
  });

  it('closes the library after a failed command as after a good one (no WAL left open)', async () => {
    const { data } = setup();
    expect((await cli(['--data-dir', data, 'list'])).code).toBe(0);
    expect(fs.existsSync(path.join(data, 'marginalia.db-wal'))).toBe(false);
    expect((await cli(['--data-dir', data, 'show', UNKNOWN_ID])).code).toBe(1);
    // The last connection to close checkpoints and removes the WAL; an open one keeps it.
    expect(fs.existsSync(path.join(data, 'marginalia.db-wal'))).toBe(false);
  });
});

describe('marginalia import refusals: nothing is added', () => {
  it('a missing file: exit 1, one line on stderr, nothing added (not even a library)', async () => {
    const { data, files } = setup();
    const missing = path.join(files, 'missing.md');
    const run = await cli(['--data-dir', data, 'import', missing]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain('missing.md');
    expect(run.stderr.endsWith('\n')).toBe(true);
    expect(fs.existsSync(data)).toBe(false);
    expect(await listIds(data)).toEqual([SAMPLE_ARTICLE_ID]);
  });

  it('a good file and a missing one: nothing added (every file is checked before any is stored)', async () => {
    const { data, notes, files } = setup();
    const run = await cli(['--data-dir', data, 'import', notes, path.join(files, 'missing.md')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toHaveLength(1);
    expect(await listIds(data)).toEqual([SAMPLE_ARTICLE_ID]);
  });

  const badContents: [string, string, Uint8Array | string][] = [
    [
      'a PNG renamed .txt',
      'photo.txt',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    ],
    ['a ZIP renamed .md', 'archive.md', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])],
    ['an unsupported extension', 'slides.pptx', 'Title\n\nwords'],
    ['an empty file', 'empty.md', ''],
  ];
  for (const [label, name, content] of badContents) {
    it(`a good file followed by ${label}: exit 1, one line, nothing added`, async () => {
      const { data, notes, write } = setup();
      expect(await listIds(data)).toEqual([SAMPLE_ARTICLE_ID]);
      const bad = write(name, content);
      const run = await cli(['--data-dir', data, 'import', notes, bad]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(lines(run.stderr)).toHaveLength(1);
      expect(run.stderr).toContain(name);
      expect(await listIds(data)).toEqual([SAMPLE_ARTICLE_ID]);
    });
  }

  it('warns on stderr but imports a windows-1252 file', async () => {
    const { data, write } = setup();
    const file = write(
      'cafe.txt',
      Uint8Array.from([...Buffer.from('Caf'), 0xe9, ...Buffer.from('\n\nbody')]),
    );
    const run = await cli(['--data-dir', data, 'import', file]);
    expect(run.code).toBe(0);
    expect(lines(run.stdout)[0]!.split('\t')[1]).toBe('Café');
    expect(run.stderr).toMatch(/^warning: .*windows-1252/);
  });
});

describe('marginalia usage', () => {
  it('an unknown command exits 2 and adds nothing', async () => {
    const { data } = setup();
    const run = await cli(['--data-dir', data, 'frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command/i);
    expect(fs.existsSync(data)).toBe(false);
  });

  it('an unknown option exits 2', async () => {
    const { data } = setup();
    expect((await cli(['--data-dir', data, '--frobnicate', 'list'])).code).toBe(2);
    const run = await cli(['--data-dir', data, 'list', '--frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option/i);
    expect(run.stdout).toBe('');
  });

  it('missing arguments and bad choices exit 2', async () => {
    const { data } = setup();
    expect((await cli(['--data-dir', data, 'import'])).code).toBe(2);
    expect((await cli(['--data-dir', data, 'show'])).code).toBe(2);
    expect(
      (await cli(['--data-dir', data, 'show', SAMPLE_ARTICLE_ID, '--format', 'xml'])).code,
    ).toBe(2);
    expect((await cli(['--data-dir', data, 'web', '--port', 'eighty'])).code).toBe(2);
    expect((await cli([])).code).toBe(2);
  });

  it('--help exits 0 and describes the commands', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['import', 'list', 'show', 'web', '--data-dir'])
      expect(run.stdout).toContain(command);
    const sub = await cli(['import', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('<file...>');
  });
});

describe('choosing the library', () => {
  it('uses MARGINALIA_DATA_DIR from the environment when --data-dir is absent', async () => {
    const { root, notes } = setup();
    const fromEnv = path.join(root, 'env-library');
    const imported = await cli(['import', notes], { MARGINALIA_DATA_DIR: fromEnv });
    expect(imported.code).toBe(0);
    expect(fs.existsSync(path.join(fromEnv, 'marginalia.db'))).toBe(true);
    const id = lines(imported.stdout)[0]!.split('\t')[0]!;
    expect(await listIds(fromEnv)).toEqual([id, SAMPLE_ARTICLE_ID]);
  });

  it('--data-dir wins over MARGINALIA_DATA_DIR', async () => {
    const { root, data, notes } = setup();
    const fromEnv = path.join(root, 'env-library');
    const run = await cli(['--data-dir', data, 'import', notes], { MARGINALIA_DATA_DIR: fromEnv });
    expect(run.code).toBe(0);
    expect(fs.existsSync(fromEnv)).toBe(false);
    expect(await listIds(data)).toHaveLength(2);
  });
});

describe('the marginalia bin (what npx marginalia runs)', () => {
  it('node bin/marginalia.js --data-dir D list exits 0 and prints the sample', () => {
    const { data } = setup();
    const env = { ...process.env };
    delete env['MARGINALIA_DATA_DIR'];
    const result = spawnSync(process.execPath, ['bin/marginalia.js', '--data-dir', data, 'list'], {
      cwd: projectRoot(),
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.error).toBeUndefined();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(lines(result.stdout)).toEqual([SAMPLE_LINE]);
  }, 60_000);

  it('exits 1 from the bin when an import fails', () => {
    const { data, files } = setup();
    const result = spawnSync(
      process.execPath,
      ['bin/marginalia.js', '--data-dir', data, 'import', path.join(files, 'missing.md')],
      { cwd: projectRoot(), encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.status).toBe(1);
    expect(lines(result.stderr)).toHaveLength(1);
  }, 60_000);
});

describe('marginalia delete / restore', () => {
  it('R26 deletes an article to the trash, restores it, and a deleted sample stays deleted', async () => {
    const { data } = setup();
    const deleted = await cli(['--data-dir', data, 'delete', SAMPLE_ARTICLE_ID]);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toBe(
      `deleted\t${SAMPLE_ARTICLE_ID}\tNegotiations continue between Western and Russian diplomats\n`,
    );
    expect(await listIds(data)).toEqual([]);

    const restored = await cli(['--data-dir', data, 'restore', SAMPLE_ARTICLE_ID]);
    expect(restored.code).toBe(0);
    expect(await listIds(data)).toEqual([SAMPLE_ARTICLE_ID]);

    await cli(['--data-dir', data, 'delete', SAMPLE_ARTICLE_ID]);
    // Every command reopens the library: the sample is not seeded again.
    expect(await listIds(data)).toEqual([]);
  });

  it('fails with one line for an unknown or malformed id, changing nothing', async () => {
    const { data } = setup();
    for (const argv of [
      ['delete', UNKNOWN_ID],
      ['restore', UNKNOWN_ID],
      ['delete', 'not-an-id'],
    ]) {
      const run = await cli(['--data-dir', data, ...argv]);
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toHaveLength(1);
    }
    expect(await listIds(data)).toEqual([SAMPLE_ARTICLE_ID]);
  });
});
