/**
 * R12 through the service: two highlights over overlapping words; deleting one leaves the other
 * whole (its words, note and tags), after a reopen too. Drawing both and then one is
 * tests/renderer/reader/article-view.test.ts.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../src/main/library';
import { SAMPLE_ARTICLE_ID } from '../../../src/main/sample';
import { create, useTempDirs } from '../helpers';

const tempDir = useTempDirs('marginalia-r12-');
const open: Library[] = [];
afterEach(() => {
  for (const lib of open.splice(0)) lib.close();
});

function library(dataDir: string): Library {
  const lib = openLibrary({ dataDir });
  open.push(lib);
  return lib;
}

describe('R12 overlapping highlights', () => {
  it('R12 deleting A leaves the overlapping B intact, after a reopen too', () => {
    const dataDir = path.join(tempDir(), 'data');
    const lib = library(dataDir);
    const a = create(lib.service, SAMPLE_ARTICLE_ID, 'Russia planned to run', { note: 'A' });
    const b = create(lib.service, SAMPLE_ARTICLE_ID, 'planned to run “false-flag', {
      note: 'B',
      tags: ['overlap'],
    });
    expect(a.position.end).toBeGreaterThan(b.position.start);
    lib.service.deleteAnnotation({ id: a.id });
    expect(lib.service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations).toEqual([b]);
    lib.close();
    open.length = 0;
    const again = library(dataDir);
    const [kept] = again.service.listAnnotations({ articleId: SAMPLE_ARTICLE_ID }).annotations;
    expect(kept).toEqual(b);
    const text = again.service.articleText(SAMPLE_ARTICLE_ID);
    expect(text.slice(kept!.position.start, kept!.position.end)).toBe('planned to run “false-flag');
  });
});
