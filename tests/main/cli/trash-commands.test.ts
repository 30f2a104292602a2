import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_ARTICLE_ID } from '../../../src/main/sample';
import { TrashedArticleSchema } from '../../../src/shared/contract/trash';
import { useTempDirs } from '../helpers';
import { cli, lines } from './capture';

const tempDir = useTempDirs('marginalia-cli-trash-');

const SAMPLE_TITLE = 'Negotiations continue between Western and Russian diplomats';
const LINE = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})\t(\S+)\t(.+)\t(\d+) annotations?$/;

/** A library with the sample and one imported article; answers the imported article's id. */
async function setup() {
  const root = tempDir();
  const data = path.join(root, 'library');
  const notes = path.join(root, 'notes.md');
  fs.writeFileSync(notes, '# Field notes\n\nThe envoy denied everything.\n');
  expect((await cli(['--data-dir', data, 'import', notes])).code).toBe(0);
  const list = await cli(['--data-dir', data, 'list', '--json']);
  const articles = JSON.parse(list.stdout) as { id: string; title: string }[];
  const notesId = articles.find((a) => a.title === 'Field notes')!.id;
  return { data, notesId };
}

describe('marginalia trash', () => {
  it('lists deleted articles one a line: date deleted, id, title, annotation count', async () => {
    const { data, notesId } = await setup();
    const empty = await cli(['--data-dir', data, 'trash']);
    expect(empty).toMatchObject({ code: 0, stdout: '', stderr: 'the trash is empty\n' });

    await cli(['--data-dir', data, 'delete', SAMPLE_ARTICLE_ID]);
    await cli(['--data-dir', data, 'delete', notesId]);
    const run = await cli(['--data-dir', data, 'trash']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const rows = lines(run.stdout).map((line) => {
      const match = LINE.exec(line);
      expect(match, line).not.toBeNull();
      return match!.slice(2);
    });
    // Most recently deleted first.
    expect(rows).toEqual([
      [notesId, 'Field notes', '0'],
      [SAMPLE_ARTICLE_ID, SAMPLE_TITLE, '0'],
    ]);
  });

  it('--json prints an array of the trashed articles as the contract describes them', async () => {
    const { data, notesId } = await setup();
    await cli(['--data-dir', data, 'delete', notesId]);
    const run = await cli(['--data-dir', data, 'trash', '--json']);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout) as unknown[];
    expect(parsed).toHaveLength(1);
    const article = TrashedArticleSchema.parse(parsed[0]);
    expect(article).toMatchObject({ id: notesId, title: 'Field notes', annotationCount: 0 });
  });

  it('R26 restore brings an article back out of the trash', async () => {
    const { data, notesId } = await setup();
    await cli(['--data-dir', data, 'delete', notesId]);
    const restored = await cli(['--data-dir', data, 'restore', notesId]);
    expect(restored).toMatchObject({ code: 0, stdout: `${notesId}\tField notes\n` });
    expect((await cli(['--data-dir', data, 'trash'])).stdout).toBe('');
  });

  it('--empty erases every trashed article for good and says how many; live ones stay', async () => {
    const { data, notesId } = await setup();
    await cli(['--data-dir', data, 'delete', notesId]);
    const run = await cli(['--data-dir', data, 'trash', '--empty']);
    expect(run).toMatchObject({ code: 0, stdout: 'erased 1 article from the trash\n' });
    expect((await cli(['--data-dir', data, 'trash'])).stdout).toBe('');
    const list = await cli(['--data-dir', data, 'list']);
    expect(lines(list.stdout)).toEqual([`${SAMPLE_ARTICLE_ID}\t${SAMPLE_TITLE}`]);
    // Gone for good: it cannot be restored.
    const restore = await cli(['--data-dir', data, 'restore', notesId]);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toMatch(/no deleted article/);

    const again = await cli(['--data-dir', data, 'trash', '--empty', '--json']);
    expect(again).toMatchObject({ code: 0, stdout: '{"erased":0}\n' });
  });

  it('--help says that --empty asks nothing and cannot be undone', async () => {
    const run = await cli(['trash', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--empty/);
    expect(run.stdout.replace(/\s+/g, ' ')).toMatch(/asks nothing/);
    expect(run.stdout.replace(/\s+/g, ' ')).toMatch(/no undo/);
  });
});
