/** `marginalia search`: grouped by article, matches marked, notes said as such; --json. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../src/main/library';
import { formatSearch, snippetLine } from '../../../src/main/cli/search-command';
import { operations } from '../../../src/shared/contract/operations';
import { create, useTempDirs } from '../helpers';
import { cli, lines } from './capture';

const tempDir = useTempDirs('marginalia-cli-search-');

/** A library with one imported article and a note on it; answers the ids. */
async function setup() {
  const root = tempDir();
  const data = path.join(root, 'library');
  const file = path.join(root, 'notes.md');
  fs.writeFileSync(file, '# Field notes\n\nThe envoy denied everything at the border.\n');
  expect((await cli(['--data-dir', data, 'import', file])).code).toBe(0);
  const library = openLibrary({ dataDir: data });
  try {
    const article = library.service
      .listArticles({})
      .articles.find((a) => a.title === 'Field notes')!;
    const note = create(library.service, article.id, 'denied everything', {
      note: 'Compare the zeppelin memo',
    });
    return { data, articleId: article.id, annotationId: note.id };
  } finally {
    library.close();
  }
}

describe('marginalia search', () => {
  it('prints matches grouped by article, the note marked as a note, the match in «»', async () => {
    const { data, articleId, annotationId } = await setup();
    const run = await cli(['--data-dir', data, 'search', 'zeppelin']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(lines(run.stdout)).toEqual([
      `Field notes  (${articleId})`,
      `  note ${annotationId}: Compare the «zeppelin» memo`,
    ]);
    const text = await cli(['--data-dir', data, 'search', 'envoy', 'border']);
    expect(lines(text.stdout)[1]).toBe('  text: The «envoy» denied everything at the «border».');
  });

  it('--json prints the contract’s answer; a malformed query is searched as text', async () => {
    const { data, annotationId } = await setup();
    const run = await cli(['--data-dir', data, 'search', '--json', '"zeppelin']);
    expect(run.code).toBe(0);
    const result = operations.search.response.parse(JSON.parse(run.stdout));
    expect(result.groups[0]!.hits[0]).toMatchObject({ kind: 'note', annotationId });
    const none = await cli(['--data-dir', data, 'search', 'NEAR(']);
    expect(none).toMatchObject({ code: 0, stdout: 'No matches.\n' });
  });

  it('marks matches in bold on a terminal, and says when more articles matched', () => {
    const snippet = {
      parts: [
        { text: 'a\nb ', match: false },
        { text: 'c', match: true },
      ],
      truncatedStart: true,
      truncatedEnd: false,
    };
    expect(snippetLine(snippet, true)).toBe('…a b \u001b[1mc\u001b[22m');
    const group = {
      article: { id: 'x', title: 'T', site: 'example.org' },
      titleMatch: true,
      hits: [],
      moreAnnotations: 2,
    };
    expect(formatSearch({ groups: [group], total: 3 }, false)).toEqual([
      'T — example.org  (x) [title]',
      '  … and 2 more annotations',
      '(1 of 3 articles shown)',
    ]);
  });
});
