/**
 * R17 end to end, in web mode: a note typed into a card and the tab closed straight after the last
 * key (well within 50 ms, long before the draft's save timer) is saved: the page sends its queued
 * drafts as it goes (`pagehide`/`beforeunload`, a keepalive request), and a new tab shows it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eSession } from '../support/e2e-session';
import { card, highlightTexts, openSample, selectPhrase } from '../support/reader-page';

const session = useE2eSession('note-on-close', { startServer: true });
const PHRASE = 'false-flag operations';
const NOTE = 'Typed just before the tab was closed';

async function call<T>(operation: string, payload: unknown): Promise<T> {
  const response = await fetch(`${session.server.origin}/api/${operation}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${session.server.token}`,
    },
    body: JSON.stringify(payload),
  });
  return ((await response.json()) as { value: T }).value;
}

/** The notes of the library's one article (the sample), as stored. */
async function storedNotes(): Promise<string[]> {
  const { articles } = await call<{ articles: { id: string }[] }>('listArticles', {});
  const { annotations } = await call<{ annotations: { note: string }[] }>('listAnnotations', {
    articleId: articles[0]!.id,
  });
  return annotations.map((a) => a.note);
}

async function noteField(page: Page) {
  const annotation = card(page, PHRASE);
  const note = annotation.getByLabel('Note');
  if ((await note.count()) === 0) await annotation.getByRole('button', { name: 'Edit' }).click();
  await note.waitFor();
  return note;
}

describe('R17 flush on close', () => {
  it('R17 a note typed just before the tab closes is saved, and shown in a new tab', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await openSample(page, session.server);
    await selectPhrase(page, PHRASE);
    await page.getByRole('button', { name: 'Highlight yellow' }).click();
    await expect.poll(() => highlightTexts(page)).toEqual([PHRASE]);
    await expect.poll(storedNotes).toEqual(['']);

    const note = await noteField(page);
    await note.pressSequentially(NOTE);
    // No wait of any kind: the tab goes as soon as the last key is in.
    await page.close({ runBeforeUnload: true });

    await expect.poll(storedNotes, { timeout: 10_000 }).toEqual([NOTE]);
    const again = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    try {
      await openSample(again, session.server);
      await expect.poll(() => card(again, PHRASE).innerText()).toContain(NOTE);
    } finally {
      await again.close();
    }
  });
});
