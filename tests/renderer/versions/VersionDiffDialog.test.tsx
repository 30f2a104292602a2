/**
 * The version diff dialog in Chromium, with a fake client: the count, removed and inserted words
 * marked, moving between changes with the buttons and the keys, "Show in article", another pair
 * of versions asked for when the selects change, the service's error, and a diff of thousands
 * of changes rendered only where it is seen.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServiceError } from '../../../src/shared/contract/errors';
import type {
  ParagraphChange,
  VersionDiff,
  VersionSummary,
} from '../../../src/shared/contract/versions';
import { VersionDiffDialog } from '../../../src/renderer/src/versions/VersionDiffDialog';
import { cleanup, perform, press, render } from '../react-harness';
import { until } from '../safety/until';
import '../../../src/renderer/src/styles.css';

afterEach(cleanup);

const ARTICLE_ID = '0190d6e4-8f6b-7c3a-9d2e-1a2b3c4d5e6f';
const version = (number: number, current: boolean): VersionSummary => ({
  id: `0190d6e4-8f6b-7c3a-9d2e-1a2b3c4d5e7${number}`,
  articleId: ARTICLE_ID,
  number,
  addedAt: `2026-02-1${number}T10:00:00.000Z`,
  source: number === 1 ? 'import' : 'file',
  sourceName: number === 1 ? null : 'revised.html',
  title: 'Negotiations continue',
  contentHash: 'h',
  textLength: 100,
  report: null,
  current,
});
const VERSIONS = [version(1, false), version(2, false), version(3, true)];

const CHANGES: ParagraphChange[] = [
  {
    kind: 'changed',
    parts: [
      { kind: 'same', text: 'The troops massed, which Russia ' },
      { kind: 'removed', text: 'denies' },
      { kind: 'inserted', text: 'has denied' },
      { kind: 'same', text: '.' },
    ],
    fromOffset: 40,
    toOffset: 42,
  },
  {
    kind: 'changed',
    parts: [
      { kind: 'same', text: 'Talks resume next week.' },
      { kind: 'removed', text: ' Stoltenberg said the alliance is ready to talk.' },
    ],
    fromOffset: 120,
    toOffset: 118,
  },
  {
    kind: 'inserted',
    parts: [{ kind: 'inserted', text: 'A new paragraph.' }],
    fromOffset: 300,
    toOffset: 260,
  },
];

function diffOf(changes: ParagraphChange[], from = 1, to = 3): VersionDiff {
  return {
    from: VERSIONS[from - 1]!,
    to: VERSIONS[to - 1]!,
    changes,
    wordsRemoved: 9,
    wordsInserted: 5,
  };
}

async function setup(
  answer: (request: { from: number; to: number }) => Promise<VersionDiff> = (r) =>
    Promise.resolve(diffOf(CHANGES, r.from, r.to)),
) {
  const diffVersions = vi.fn(answer);
  const onClose = vi.fn();
  const onJump = vi.fn();
  const view = await render(
    <VersionDiffDialog
      client={{ diffVersions }}
      articleId={ARTICLE_ID}
      versions={VERSIONS}
      from={1}
      to={3}
      onClose={onClose}
      onJump={onJump}
    />,
  );
  return { diffVersions, onClose, onJump, view };
}

const dialog = () => document.querySelector<HTMLElement>('[role="dialog"]')!;
const rows = () => [...dialog().querySelectorAll<HTMLElement>('[role="listitem"]')];
const buttonNamed = (name: string) =>
  [...dialog().querySelectorAll('button')].find((b) => b.textContent === name)!;
const position = () => dialog().querySelector('.version-diff-position')!.textContent;
const count = () => dialog().querySelector('.version-diff-count')?.textContent;

describe('VersionDiffDialog', () => {
  it('asks for the two versions and shows the count and the changed words marked', async () => {
    const { diffVersions } = await setup();
    await until(() => expect(count()).toBe('3 paragraphs changed · 9 words removed · 5 inserted'));
    await until(() => expect(rows()).toHaveLength(3));
    expect(diffVersions).toHaveBeenCalledWith({ articleId: ARTICLE_ID, from: 1, to: 3 });
    expect(dialog().getAttribute('aria-labelledby')).toBeTruthy();
    expect(dialog().querySelector('h2')!.textContent).toBe('Changes between versions');
    expect([...dialog().querySelectorAll('del')].map((d) => d.textContent)).toEqual([
      'denies',
      ' Stoltenberg said the alliance is ready to talk.',
    ]);
    expect([...dialog().querySelectorAll('ins')].map((d) => d.textContent)).toEqual([
      'has denied',
      'A new paragraph.',
    ]);
    // Screen readers hear which words went and which came.
    expect(rows()[0]!.textContent).toContain('[removed: denies]');
    expect(rows()[0]!.textContent).toContain('[inserted: has denied]');
    expect(rows()[2]!.textContent).toContain('Inserted paragraph');
    expect(rows()[0]!.textContent).toContain('Changed paragraph');
  });

  it('moves between changes with Next and Previous, the keys too, and says where it is', async () => {
    await setup();
    await until(() => expect(rows()).toHaveLength(3));
    await perform(() => buttonNamed('Next change').click());
    await until(() => expect(document.activeElement).toBe(rows()[0]));
    expect(position()).toBe('Change 1 of 3');
    await press('n');
    await until(() => expect(document.activeElement).toBe(rows()[1]));
    expect(position()).toBe('Change 2 of 3');
    await press('ArrowDown', { altKey: true });
    await until(() => expect(document.activeElement).toBe(rows()[2]));
    expect(position()).toBe('Change 3 of 3');
    expect(buttonNamed('Next change').disabled).toBe(true);
    await press('p');
    await until(() => expect(document.activeElement).toBe(rows()[1]));
    await press('k');
    await until(() => expect(position()).toBe('Change 1 of 3'));
    await until(() => expect(document.activeElement).toBe(rows()[0]));
    expect(buttonNamed('Previous change').disabled).toBe(true);
  });

  it('answers the keys from the Close button too, where focus starts', async () => {
    await setup();
    await until(() => expect(rows()).toHaveLength(3));
    expect(document.activeElement?.textContent).toBe('Close');
    await press('j');
    await until(() => expect(position()).toBe('Change 1 of 3'));
    await press('ArrowUp', { altKey: true });
    expect(position()).toBe('Change 1 of 3');
  });

  it('goes to a change in the article with Show in article, and closes', async () => {
    const { onJump, onClose } = await setup();
    await until(() => expect(rows()).toHaveLength(3));
    const show = rows()[1]!.querySelector('button')!;
    expect(show.textContent).toBe('Show in article');
    await perform(() => show.click());
    expect(onJump).toHaveBeenCalledWith(118);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('offers Show in article only when the newer side is the current text', async () => {
    await setup();
    await until(() => expect(rows()).toHaveLength(3));
    const to = [...dialog().querySelectorAll('label')].find((l) => l.textContent === 'To')!;
    const select = document.getElementById(to.htmlFor) as HTMLSelectElement;
    await perform(() => {
      select.value = '2';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => expect(rows()).toHaveLength(3));
    await until(() => expect(count()).toBeTruthy());
    // Version 2's offsets are not the current text's: the reader would go to the wrong place.
    expect(rows().flatMap((r) => [...r.querySelectorAll('button')])).toHaveLength(0);
  });

  it('lists the versions in both selects and asks again when one changes', async () => {
    const { diffVersions } = await setup();
    await until(() => expect(rows()).toHaveLength(3));
    const from = [...dialog().querySelectorAll('label')].find((l) => l.textContent === 'From')!;
    const select = document.getElementById(from.htmlFor) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Version 1 · Feb 11, 2026',
      'Version 2 · Feb 12, 2026',
      'Version 3 · Feb 13, 2026 (current)',
    ]);
    await perform(() => {
      select.value = '2';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() =>
      expect(diffVersions).toHaveBeenLastCalledWith({ articleId: ARTICLE_ID, from: 2, to: 3 }),
    );
  });

  it('shows the service’s message when the diff cannot be made', async () => {
    await setup(() =>
      Promise.reject(new ServiceError('not_found', 'There is no version 3 of this article.')),
    );
    const alert = await until(() => {
      const el = dialog().querySelector('[role="alert"]');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(alert.textContent).toContain('There is no version 3 of this article.');
    expect(rows()).toHaveLength(0);
  });

  it('says so when two versions read the same', async () => {
    await setup((r) =>
      Promise.resolve({ ...diffOf([], r.from, r.to), wordsRemoved: 0, wordsInserted: 0 }),
    );
    await until(() => expect(count()).toBe('0 paragraphs changed · 0 words removed · 0 inserted'));
    expect(dialog().textContent).toContain('These versions read the same.');
    expect(buttonNamed('Next change')).toBeUndefined();
  });

  it('renders only the changes in view of a diff with thousands, and still moves through them', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ ...CHANGES[0]!, toOffset: i * 100 }));
    await setup((r) => Promise.resolve(diffOf(many, r.from, r.to)));
    await until(() => expect(count()).toContain('5000 paragraphs changed'));
    await until(() => expect(rows().length).toBeGreaterThan(0));
    expect(rows().length).toBeLessThan(40);
    await press('p'); // from before the first change, Previous goes to the last
    await until(() => expect(position()).toBe('Change 5000 of 5000'));
    await until(() => expect(document.activeElement?.getAttribute('data-index')).toBe('4999'));
    expect(rows().length).toBeLessThan(40);
  });
});
