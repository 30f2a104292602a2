/**
 * The reading position around a restore from backup: the pending save is sent before the
 * restore starts, and once the restore is done nothing is sent (the reload's pagehide would
 * otherwise write the old position over the restored library).
 */
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Client } from '../../../src/shared/contract/operations';
import type { ArticleView } from '../../../src/renderer/src/reader/article-view';
import { useReadingPosition } from '../../../src/renderer/src/reader/hooks/use-reading-position';
import {
  createPendingSaves,
  PendingSavesContext,
  type PendingSaves,
} from '../../../src/renderer/src/safety/pending-saves';
import { cleanup, perform, render } from '../react-harness';

afterEach(cleanup);

const ARTICLE_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

function Harness({ client, view }: { client: Client; view: ArticleView }) {
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  useReadingPosition({
    client,
    articleId: ARTICLE_ID,
    scrollerRef,
    view,
    saved: null,
    restore: false,
    onError: () => {},
  });
  return (
    <div ref={scrollerRef} data-testid="scroller" style={{ height: 50, overflow: 'auto' }}>
      <div style={{ height: 500 }} />
    </div>
  );
}

async function mount() {
  const setReadingPosition = vi.fn(() => Promise.resolve({}));
  const client = { setReadingPosition } as unknown as Client;
  const view = { topOffset: () => 42 } as unknown as ArticleView;
  const saves: PendingSaves = createPendingSaves();
  // The view is only known after the first render, as in the reader.
  const handle = await render(
    <PendingSavesContext.Provider value={saves}>
      <Harness client={client} view={view} />
    </PendingSavesContext.Provider>,
  );
  const scroller = handle.container.querySelector<HTMLElement>('[data-testid="scroller"]')!;
  return { setReadingPosition, saves, scroller };
}

describe('useReadingPosition around a restore from backup', () => {
  it('R25 sends the position waiting to be saved before the restore starts', async () => {
    const { setReadingPosition, saves, scroller } = await mount();
    await perform(() => scroller.dispatchEvent(new Event('scroll')));
    expect(setReadingPosition).not.toHaveBeenCalled(); // waiting for scrolling to stop
    await saves.holdAndFlush();
    expect(setReadingPosition).toHaveBeenCalledTimes(1);
    expect(setReadingPosition).toHaveBeenCalledWith({ articleId: ARTICLE_ID, offset: 42 });
  });

  it('R25 sends nothing once the restore is done, not even when the page goes away', async () => {
    const { setReadingPosition, saves, scroller } = await mount();
    await saves.holdAndFlush();
    saves.discard();
    await perform(() => scroller.dispatchEvent(new Event('scroll')));
    await perform(() => window.dispatchEvent(new Event('pagehide')));
    expect(setReadingPosition).not.toHaveBeenCalled();
  });

  it('saves again on pagehide after a failed restore resumes saving', async () => {
    const { setReadingPosition, saves } = await mount();
    await saves.holdAndFlush();
    await perform(() => window.dispatchEvent(new Event('pagehide')));
    expect(setReadingPosition).not.toHaveBeenCalled(); // held
    saves.resume();
    await perform(() => window.dispatchEvent(new Event('pagehide')));
    expect(setReadingPosition).toHaveBeenCalledTimes(1);
  });
});
