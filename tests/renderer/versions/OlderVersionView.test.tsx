/**
 * The older version's view, in Chromium: made once per version shown, and kept when an
 * annotation changes meanwhile (a note saved, a colour changed): its highlights follow, but the
 * text is not rebuilt (a book would take long, and the reader would lose their place).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OlderVersionView } from '../../../src/renderer/src/versions/OlderVersionView';
import { StoreContext } from '../../../src/renderer/src/store/hooks';
import { createRendererStore } from '../../../src/renderer/src/store/renderer-store';
import type { ResponseOf } from '../../../src/shared/contract/operations';
import { buildAnnotation, changesOf } from '../../support/annotation-builder';
import { cleanup, perform, render } from '../react-harness';
import { until } from '../safety/until';
import { VERSION } from './version-fixtures';

afterEach(cleanup);

const OLD_TEXT = 'NATO says Russia planned an attack, which Russia denies. Stoltenberg spoke.';

describe('OlderVersionView', () => {
  it('keeps its text when an annotation changes, and redraws that highlight alone', async () => {
    const annotation = buildAnnotation({ articleId: VERSION.articleId, color: 'green' });
    const other = buildAnnotation({ articleId: VERSION.articleId, color: 'blue' });
    const store = createRendererStore();
    store.openAnnotations(VERSION.articleId, [annotation, other]);
    const answer: ResponseOf<'getArticleVersion'> = {
      version: { ...VERSION, number: 1, current: false, report: null },
      document: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: OLD_TEXT }] }],
      },
      anchors: [
        {
          annotationId: annotation.id,
          quote: { exact: 'which Russia denies', prefix: '', suffix: '' },
          position: { start: 36, end: 55 },
          anchor: { status: 'anchored', start: 36, end: 55 },
        },
        {
          annotationId: other.id,
          quote: { exact: 'NATO', prefix: '', suffix: '' },
          position: { start: 0, end: 4 },
          anchor: { status: 'anchored', start: 0, end: 4 },
        },
      ],
    };
    const getArticleVersion = vi.fn(async () => answer);
    await render(
      <StoreContext.Provider value={store}>
        <OlderVersionView
          client={{ getArticleVersion }}
          articleId={VERSION.articleId}
          number={1}
          total={2}
          title="Talks go on"
          onBack={() => {}}
          onError={(error) => {
            throw error;
          }}
        />
      </StoreContext.Provider>,
    );
    const mark = (id: string) =>
      document.querySelector<HTMLElement>(`.article-body mark[data-annotation-id="${id}"]`);
    await until(() => expect(mark(annotation.id)?.textContent).toBe('which Russia denies'));
    const body = document.querySelector('.article-body');
    expect(mark(annotation.id)!.className).toContain('highlight-green');

    // A note saved elsewhere: nothing to redraw, and the text stays the same element.
    await perform(() =>
      store.apply(changesOf({ annotations: [{ ...annotation, note: 'a note' }] })),
    );
    expect(document.querySelector('.article-body')).toBe(body);

    // A colour changed: that highlight follows, in the same text.
    await perform(() =>
      store.apply(changesOf({ annotations: [{ ...annotation, color: 'pink' }] })),
    );
    await until(() => expect(mark(annotation.id)!.className).toContain('highlight-pink'));
    expect(document.querySelector('.article-body')).toBe(body);
    expect(mark(other.id)!.className).toContain('highlight-blue');

    // Deleted since: no longer drawn.
    await perform(() => store.apply(changesOf({ removedAnnotations: [other.id] })));
    await until(() => expect(mark(other.id)).toBeNull());
    expect(document.querySelector('.article-body')).toBe(body);
    expect(getArticleVersion).toHaveBeenCalledTimes(1);
  });
});
