import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_ARTICLE_ID } from '../../../src/main/sample';
import { ArticleDetailsSchema } from '../../../src/shared/contract/article-details';
import { ArticleSummarySchema } from '../../../src/shared/contract/entities';
import { UNKNOWN_ID, useTempDirs } from '../helpers';
import { cli } from './capture';

const tempDir = useTempDirs('marginalia-cli-edit-');

/** A library with the sample and an imported file; answers the imported article's id. */
async function setup() {
  const root = tempDir();
  const data = path.join(root, 'library');
  const notes = path.join(root, 'notes.md');
  fs.writeFileSync(notes, '# Field notes\n\nThe envoy denied everything.\n');
  expect((await cli(['--data-dir', data, 'import', notes])).code).toBe(0);
  const list = await cli(['--data-dir', data, 'list', '--json']);
  const articles = JSON.parse(list.stdout) as { id: string; title: string }[];
  return { data, notesId: articles.find((a) => a.title === 'Field notes')!.id };
}

describe('marginalia edit-article', () => {
  it('changes the details given and prints each change, before → after', async () => {
    const { data, notesId } = await setup();
    const run = await cli([
      '--data-dir',
      data,
      'edit-article',
      notesId,
      '--byline',
      'Ann Onymous',
      '--published',
      '2024-03-01',
      '--source-url',
      'https://example.org/notes',
      '--tags',
      'geneva, Talks,,GENEVA',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      [
        'byline: (none) → Ann Onymous',
        'published: (none) → 2024-03-01',
        'source-url: (none) → https://example.org/notes',
        'tags: (none) → geneva, Talks',
        '',
      ].join('\n'),
    );
    const shown = await cli(['--data-dir', data, 'show', notesId, '--format', 'json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      title: 'Field notes',
      byline: 'Ann Onymous',
      publishedAt: '2024-03-01',
      tags: ['geneva', 'Talks'],
    });
  });

  it('an empty value clears a field; the same values again change nothing', async () => {
    const { data, notesId } = await setup();
    await cli(['--data-dir', data, 'edit-article', notesId, '--site', 'Review', '--tags', 'a']);
    const cleared = await cli([
      '--data-dir',
      data,
      'edit-article',
      notesId,
      '--site',
      '',
      '--tags',
      '',
    ]);
    expect(cleared).toMatchObject({ code: 0, stdout: 'site: Review → (none)\ntags: a → (none)\n' });
    const again = await cli(['--data-dir', data, 'edit-article', notesId, '--site', '']);
    expect(again).toMatchObject({ code: 0, stdout: 'nothing changed\n' });
  });

  it('--json prints the article and its details before', async () => {
    const { data } = await setup();
    const run = await cli([
      '--data-dir',
      data,
      'edit-article',
      SAMPLE_ARTICLE_ID,
      '--title',
      'Talks in Geneva',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout) as { article: unknown; previous: unknown };
    expect(ArticleSummarySchema.parse(parsed.article).title).toBe('Talks in Geneva');
    expect(ArticleDetailsSchema.parse(parsed.previous).title).toBe(
      'Negotiations continue between Western and Russian diplomats',
    );
  });

  it('refuses a bad date, an empty title or an unknown article (1), and no change asked (2)', async () => {
    const { data, notesId } = await setup();
    const badDate = await cli([
      '--data-dir',
      data,
      'edit-article',
      notesId,
      '--published',
      '2023-02-31',
    ]);
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toMatch(/publication date does not exist/);
    const noTitle = await cli(['--data-dir', data, 'edit-article', notesId, '--title', ' ']);
    expect(noTitle.code).toBe(1);
    expect(noTitle.stderr).toMatch(/a title cannot be empty/);
    const unknown = await cli(['--data-dir', data, 'edit-article', UNKNOWN_ID, '--title', 'x']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no article with id/);
    const nothing = await cli(['--data-dir', data, 'edit-article', notesId]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/nothing to change/);
  });
});
