/**
 * Find in article in Chromium: Ctrl+F opens the bar, every match is drawn as a decoration with the
 * current one marked, the count follows Enter / Shift+Enter / F3 (wrapping round), folding finds
 * ß and both forms of é at their exact places, and Escape gives focus back to the text.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentJson } from '../../../src/shared/contract/entities';
import {
  CommandsContext,
  createCommandRegistry,
  useKeymap,
} from '../../../src/renderer/src/commands/registry';
import { createArticleView, type ArticleView } from '../../../src/renderer/src/reader/article-view';
import { FindBar } from '../../../src/renderer/src/reader/find/FindBar';
import { findState } from '../../../src/renderer/src/reader/find/find-plugin';
import { useFind } from '../../../src/renderer/src/reader/find/use-find';
import { cleanup, perform, press, render, setValue } from '../react-harness';

afterEach(cleanup);

const paragraphs = [
  'The café on the Straße was closed. The owner, a cafe\u0301 regular, said the cafe would reopen.',
  'THE END of the story: the town had one café.',
];
const documentJson: DocumentJson = {
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
};
const text = paragraphs.join('\n\n');

let current: ArticleView | null = null;

function Reader({ doc = documentJson }: { doc?: DocumentJson }) {
  const registry = useMemo(() => createCommandRegistry(), []);
  useKeymap(registry);
  return (
    <CommandsContext.Provider value={registry}>
      <ReaderBody doc={doc} />
    </CommandsContext.Provider>
  );
}

function ReaderBody({ doc }: { doc: DocumentJson }) {
  const mountRef = useRef<HTMLDivElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<ArticleView | null>(null);
  useEffect(() => {
    const created = createArticleView(mountRef.current!, doc);
    current = created;
    setView(created);
    return () => created.destroy();
  }, [doc]);
  const find = useFind(view, scrollerRef);
  return (
    <div>
      {find.isOpen && <FindBar find={find} />}
      <div ref={scrollerRef} style={{ height: 300, overflow: 'auto' }}>
        <div ref={mountRef} />
      </div>
    </div>
  );
}

const input = () => document.querySelector<HTMLInputElement>('input[aria-label="Find in article"]');
const count = () => document.querySelector('[role="status"]')?.textContent ?? '';
const drawn = () => [...document.querySelectorAll('.find-match')].map((el) => el.textContent);
const currentText = () => document.querySelector('.find-current')?.textContent ?? null;
/** The canonical ranges of the drawn matches, from the plugin state. */
const ranges = () => findState(current!.view.state).matches.map((m) => text.slice(m.start, m.end));

async function open(doc = documentJson): Promise<HTMLInputElement> {
  await render(<Reader doc={doc} />);
  current!.view.focus();
  await press('f', { ctrlKey: true });
  await expect.poll(() => input()).not.toBeNull();
  await expect.poll(() => document.activeElement).toBe(input());
  return input()!;
}

async function search(query: string): Promise<void> {
  await setValue(input()!, query);
  await expect.poll(count).not.toBe('');
}

describe('Find in article', () => {
  it('opens with Ctrl+F, draws every match and says which one is current', async () => {
    await open();
    await search('the');
    expect(count()).toBe('1 of 7');
    expect(ranges()).toEqual(['The', 'the', 'The', 'the', 'THE', 'the', 'the']);
    expect(drawn()).toHaveLength(7);
    expect(currentText()).toBe('The');
    expect(document.querySelector('[role="status"]')?.getAttribute('aria-live')).toBe('polite');
  });

  it('moves with Enter and Shift+Enter, F3 and Ctrl+G, wrapping at both ends', async () => {
    const field = await open();
    await search('café');
    expect(count()).toBe('1 of 4');
    await press('Enter', {}, field);
    expect(count()).toBe('2 of 4');
    await press('F3', {}, field);
    await press('g', { ctrlKey: true }, field);
    expect(count()).toBe('4 of 4');
    await press('Enter', {}, field);
    expect(count()).toBe('1 of 4'); // wrapped to the first
    await press('Enter', { shiftKey: true }, field);
    expect(count()).toBe('4 of 4'); // and back to the last
    await press('F3', { shiftKey: true }, field);
    expect(count()).toBe('3 of 4');
    await press('G', { ctrlKey: true, shiftKey: true }, field);
    expect(count()).toBe('2 of 4');
    expect(document.querySelectorAll('.find-current')).toHaveLength(1);
    expect(currentText()).toBe('cafe\u0301');
  });

  it('ignores case and accents by default, at exact offsets (é, e + U+0301, ß)', async () => {
    await open();
    await search('cafe');
    expect(ranges()).toEqual(['café', 'cafe\u0301', 'cafe', 'café']);
    const second = findState(current!.view.state).matches[1]!;
    expect(second).toEqual({
      start: text.indexOf('cafe\u0301'),
      end: text.indexOf('cafe\u0301') + 5,
    });
    await search('strasse');
    expect(count()).toBe('1 of 1');
    expect(ranges()).toEqual(['Straße']);
    expect(drawn()).toEqual(['Straße']);
  });

  it('with Match case and Match accents, finds only the exact spelling', async () => {
    await open();
    await search('The');
    expect(count()).toBe('1 of 7');
    await perform(() =>
      document.querySelector<HTMLInputElement>('label:nth-of-type(1) input')!.click(),
    );
    await expect.poll(count).toBe('1 of 2');
    await search('café');
    await perform(() =>
      document.querySelector<HTMLInputElement>('label:nth-of-type(2) input')!.click(),
    );
    // Both Unicode forms of "café", never the plain "cafe".
    await expect.poll(ranges).toEqual(['café', 'cafe\u0301', 'café']);
  });

  it('says "No matches" and draws nothing when nothing matches', async () => {
    await open();
    await search('zebra');
    expect(count()).toBe('No matches');
    expect(drawn()).toEqual([]);
    const next = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Next');
    expect(next?.disabled).toBe(true);
  });

  it('closes with Escape, removes the matches and gives focus back to the text at the match', async () => {
    const field = await open();
    await search('story');
    await press('Escape', {}, field);
    expect(input()).toBeNull();
    expect(drawn()).toEqual([]);
    expect(document.activeElement).toBe(current!.view.dom);
    const { from } = current!.view.state.selection;
    expect(current!.view.state.doc.textBetween(from, from + 5)).toBe('story');
  });

  it('Ctrl+F again while open puts focus back in the field with its text selected', async () => {
    const field = await open();
    await search('town');
    current!.view.focus();
    await press('f', { ctrlKey: true });
    await expect.poll(() => document.activeElement).toBe(field);
    expect(field.selectionStart).toBe(0);
    expect(field.selectionEnd).toBe(4);
  });

  it('in a long article draws only the matches near the current one, and follows it to the end', async () => {
    const long: DocumentJson = {
      type: 'doc',
      content: Array.from({ length: 3000 }, (_, i) => ({
        type: 'paragraph',
        content: [{ type: 'text', text: `Paragraph ${i + 1}: the needle is here, and the hay.` }],
      })),
    };
    const field = await open(long);
    await search('needle');
    expect(count()).toBe('1 of 3000');
    const first = drawn().length;
    expect(first).toBeGreaterThan(100); // a window of text, not one match
    expect(first).toBeLessThan(3000);
    await press('Enter', { shiftKey: true }, field); // wraps to the last, far outside the window
    expect(count()).toBe('3000 of 3000');
    expect(document.querySelector('.find-current')?.closest('p')?.textContent).toMatch(
      /^Paragraph 3000:/,
    );
    expect(drawn().length).toBeLessThan(3000);
  });

  it('in a long article draws the matches where the reader scrolls to', async () => {
    const long: DocumentJson = {
      type: 'doc',
      content: Array.from({ length: 3000 }, (_, i) => ({
        type: 'paragraph',
        content: [{ type: 'text', text: `Paragraph ${i + 1}: the needle is here, and the hay.` }],
      })),
    };
    await open(long);
    await search('needle');
    const scroller = current!.view.dom.parentElement!.parentElement!;
    const shownParagraph = () => {
      const box = scroller.getBoundingClientRect();
      const p = document.elementFromPoint(box.left + 20, box.top + 150)?.closest('p');
      return p?.querySelector('.find-match') ? p.textContent : null;
    };
    await perform(() => (scroller.scrollTop = scroller.scrollHeight / 2));
    await expect.poll(shownParagraph).toMatch(/^Paragraph 1\d\d\d:/);
  });
});
