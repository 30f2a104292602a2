/**
 * "Copy as Markdown" in the sidebar: one card's button, and Select mode for several, copied in
 * document order; without a copy callback the sidebar offers neither.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { Sidebar, type SidebarProps } from '../../../src/renderer/src/annotations/Sidebar';
import type { AnnotationActions } from '../../../src/renderer/src/annotations/annotation-actions';
import { StoreContext } from '../../../src/renderer/src/store/hooks';
import { createRendererStore } from '../../../src/renderer/src/store/renderer-store';
import type { Annotation } from '../../../src/shared/contract/entities';
import { ANNOTATIONS, ARTICLE_ID, IDS } from './claim-fixtures';
import { cleanup, perform, render } from '../react-harness';
import '../../../src/renderer/src/styles.css';

afterEach(cleanup);

const LABELS = { yellow: '', green: '', blue: '', pink: '', purple: '' };
const SORTED = [...ANNOTATIONS].sort((a, b) => a.position.start - b.position.start);

async function show(props: Partial<SidebarProps> = {}) {
  const onCopyMarkdown = vi.fn<(annotations: readonly Annotation[]) => void>();
  // The store sorts what it is given into document order.
  const store = createRendererStore();
  store.openAnnotations(ARTICLE_ID, ANNOTATIONS);
  await render(
    <StoreContext.Provider value={store}>
      <Sidebar
        actions={{} as AnnotationActions}
        colorLabels={LABELS}
        activeId={null}
        focusField={null}
        onActivate={() => {}}
        onJump={() => {}}
        onCopyMarkdown={onCopyMarkdown}
        {...props}
      />
    </StoreContext.Provider>,
  );
  return onCopyMarkdown;
}

const button = (name: string) =>
  page.getByRole('button', { name, exact: true }).element() as HTMLButtonElement;
const checkbox = (name: string) =>
  page.getByRole('checkbox', { name, exact: true }).element() as HTMLInputElement;
const idsOf = (call: readonly Annotation[]) => call.map((a) => a.id);

describe('Sidebar: Copy as Markdown', () => {
  it('copies one annotation from its card', async () => {
    const copy = await show();
    const copies = page.getByRole('button', { name: 'Copy as Markdown', exact: true }).all();
    expect(copies).toHaveLength(SORTED.length);
    await perform(() => (copies[2]!.element() as HTMLButtonElement).click());
    expect(copy).toHaveBeenCalledOnce();
    expect(idsOf(copy.mock.calls[0]![0])).toEqual([SORTED[2]!.id]);
  });

  it('copies the selected cards, in document order, from Select mode', async () => {
    const copy = await show();
    expect(page.getByRole('checkbox').all()).toHaveLength(0); // no checkboxes until asked
    await perform(() => button('Select').click());
    expect(page.getByRole('checkbox').all()).toHaveLength(SORTED.length);
    expect(page.getByRole('button', { name: /^Copy \d+ as Markdown$/ }).all()).toHaveLength(0);

    await perform(() => checkbox('Select which Russia denies').click());
    await perform(() => checkbox('Select a White House finding of January 14th').click());
    await perform(() => button('Copy 2 as Markdown').click());
    expect(idsOf(copy.mock.calls[0]![0])).toEqual([IDS.finding, IDS.denial]);
    // Copying ends Select mode.
    expect(page.getByRole('checkbox').all()).toHaveLength(0);
  });

  it('selects every card at once, and Cancel leaves Select mode', async () => {
    const copy = await show();
    await perform(() => button('Select').click());
    await perform(() => button('Select all').click());
    expect(button(`Copy ${SORTED.length} as Markdown`)).toBeTruthy();
    await perform(() => button('Cancel selection').click());
    expect(page.getByRole('checkbox').all()).toHaveLength(0);
    expect(copy).not.toHaveBeenCalled();
  });

  it('offers no copying without a copy callback', async () => {
    await show({ onCopyMarkdown: undefined });
    expect(page.getByRole('button', { name: 'Copy as Markdown' }).all()).toHaveLength(0);
    expect(page.getByRole('button', { name: 'Select', exact: true }).all()).toHaveLength(0);
  });
});
