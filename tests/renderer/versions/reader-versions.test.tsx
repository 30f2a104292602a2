/**
 * The reader's versions in Chromium, through the whole window with a fake client: the banner
 * about a new version (its words, Dismiss), the version picker (an older version shown
 * read-only, with its highlights, and back), "Update from file…" (the op, then the new text and
 * its banner; in the desktop app the native chooser, from the button and the menu), "Check for changes" (an unchanged text said so; refused without a source
 * address; Ctrl/⌘+Shift+U).
 */
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { act } from 'react';
import { page, userEvent } from 'vitest/browser';
import { App } from '../../../src/renderer/src/App';
import type { AppCommand } from '../../../src/shared/contract/desktop';
import { NO_SOURCE_REASON } from '../../../src/renderer/src/versions/use-version-updates';
import {
  DEFAULT_SETTINGS,
  type Article,
  type ArticleSummary,
  type DocumentJson,
} from '../../../src/shared/contract/entities';
import type { Client, ResponseOf } from '../../../src/shared/contract/operations';
import type {
  ReanchorReport,
  VersionOutcome,
  VersionSummary,
} from '../../../src/shared/contract/versions';
import { VERSION as fakeVersion } from './version-fixtures';
import { buildAnnotation, changesOf } from '../../support/annotation-builder';
import { cleanup, perform, press, render } from '../react-harness';
import { until } from '../safety/until';
import '../../../src/renderer/src/styles.css';
import { useAnnotationList } from '../../../src/renderer/src/store/hooks';

// The sidebar reads the list through this hook once per render: its calls count its renders.
vi.mock(import('../../../src/renderer/src/store/hooks'), async (importOriginal) => {
  const hooks = await importOriginal();
  return { ...hooks, useAnnotationList: vi.fn(hooks.useAnnotationList) };
});

afterEach(async () => {
  await cleanup();
  delete window.marginalia;
});

const ARTICLE_ID = '0190a000-0000-7000-8000-0000000000a1';
const OLD_TEXT = 'NATO says Russia planned an attack, which Russia denies. Stoltenberg spoke.';
const NEW_TEXT = 'NATO says Russia planned an attack, which Russia has denied.';
const NEWER_TEXT = 'NATO says Russia planned an attack, which Russia has denied again.';

const doc = (text: string): DocumentJson => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

const SUMMARY: ArticleSummary = {
  id: ARTICLE_ID,
  title: 'Talks go on',
  byline: null,
  site: null,
  sourceUrl: 'https://example.org/news/talks',
  publishedAt: null,
  addedAt: '2026-02-10T12:00:00.000Z',
  annotationCount: 1,
  canonicalUrl: null,
  language: null,
  direction: null,
  origin: 'address',
  sourceFileName: null,
  lastOpenedAt: null,
  claimCount: 1,
  orphanCount: 0,
  tags: [],
  facets: { annotationTags: [], speakers: [], claimTypes: [] },
};

const article = (summary: ArticleSummary, text: string): Article => ({
  ...summary,
  document: doc(text),
  contentHash: `hash:${text.length}`,
  damaged: false,
  readingPosition: null,
});

const REPORT: ReanchorReport = {
  unchanged: 3,
  moved: 0,
  changed: 2,
  orphaned: 1,
  claimsChanged: 2,
  claimsOrphaned: 0,
};
const V1: VersionSummary = {
  ...fakeVersion,
  articleId: ARTICLE_ID,
  number: 1,
  addedAt: '2026-02-10T12:00:00.000Z',
  source: 'import',
  sourceName: null,
  report: null,
  current: false,
};
const V2: VersionSummary = {
  ...fakeVersion,
  id: '0190a000-0000-7000-8000-0000000000b2',
  articleId: ARTICLE_ID,
  number: 2,
  addedAt: '2026-02-12T12:00:00.000Z',
  report: REPORT,
  current: true,
};

const DENIAL = buildAnnotation({
  articleId: ARTICLE_ID,
  exact: 'which Russia has denied',
  text: NEW_TEXT,
  color: 'green',
  claim: { type: 'denial', speaker: 'Russia', status: 'unverified' },
});

interface Setup {
  summary?: ArticleSummary;
  versions?: VersionSummary[];
  noticeDismissed?: boolean;
}

function fakeClient({ summary = SUMMARY, versions = [V1, V2], noticeDismissed = false }: Setup) {
  let text = NEW_TEXT;
  const fns = {
    listArticles: vi.fn(async () => ({ articles: [summary] })),
    getSettings: vi.fn(async () => ({ settings: DEFAULT_SETTINGS })),
    getArticle: vi.fn(async () => ({ article: article(summary, text) })),
    listAnnotations: vi.fn(async () => ({ annotations: [DENIAL] })),
    listTags: vi.fn(async () => ({ tags: [] })),
    listSpeakers: vi.fn(async () => ({ speakers: [] })),
    listClaimTypes: vi.fn(async () => ({ types: [] })),
    setReadingPosition: vi.fn(async () => ({})),
    markArticleOpened: vi.fn(async () => ({ article: summary, changes: changesOf() })),
    getLibraryStatus: vi.fn(async () => ({
      status: {
        file: '/l/library.db',
        backupsFolder: '/l/backups',
        readOnly: null,
        recovered: null,
      },
    })),
    listVersions: vi.fn(async () => ({ versions, noticeDismissed })),
    dismissVersionNotice: vi.fn(async () => ({})),
    getArticleVersion: vi.fn(
      async ({ number }: { number: number }): Promise<ResponseOf<'getArticleVersion'>> => ({
        version: versions.find((v) => v.number === number)!,
        document: doc(OLD_TEXT),
        anchors: [
          {
            annotationId: DENIAL.id,
            quote: { exact: 'which Russia denies', prefix: '', suffix: '' },
            position: { start: 36, end: 55 },
            anchor: { status: 'anchored', start: 36, end: 55 },
          },
        ],
      }),
    ),
    updateArticleFromFile: vi.fn<(r: unknown) => Promise<VersionOutcome>>(),
    checkForChanges: vi.fn<(r: unknown) => Promise<VersionOutcome>>(),
    diffVersions: vi.fn(
      async ({ from, to }: { from: number; to: number }): Promise<ResponseOf<'diffVersions'>> => ({
        from: versions.find((v) => v.number === from)!,
        to: versions.find((v) => v.number === to)!,
        changes: [],
        wordsRemoved: 0,
        wordsInserted: 0,
      }),
    ),
  };
  const setText = (next: string) => (text = next);
  return { fns, setText, client: fns as unknown as Client };
}

const button = (name: string) =>
  page.getByRole('button', { name, exact: true }).element() as HTMLButtonElement;
const announced = () => document.querySelector('.app > [aria-live="polite"]')?.textContent ?? '';
const banner = () =>
  document.querySelector<HTMLElement>('[role="status"][aria-label="New version"]');
const currentText = () =>
  document.querySelector('.article-scroller:not(.version-scroller) .article-body');

async function openReader(setup: Setup = {}) {
  const fake = fakeClient(setup);
  await render(<App client={fake.client} />);
  const listed = await until(
    () =>
      page
        .getByRole('navigation', { name: 'Library' })
        .getByRole('button', { name: SUMMARY.title })
        .element() as HTMLButtonElement,
  );
  await perform(() => listed.click());
  await until(() => expect(currentText()?.textContent).toBe(NEW_TEXT));
  await until(() => expect(fake.fns.listVersions).toHaveBeenCalledWith({ articleId: ARTICLE_ID }));
  return fake;
}

function outcome(status: VersionOutcome['status'], version: VersionSummary): VersionOutcome {
  return {
    status,
    article: SUMMARY,
    version,
    report: version.report,
    warnings: [],
    changes: changesOf(),
  };
}

describe('the banner about a new version', () => {
  it('says when it came and what happened to the claims, and Dismiss closes it for good', async () => {
    const { fns } = await openReader();
    const shown = await until(() => banner()!);
    expect(shown.textContent).toContain('Updated Feb 12: 2 claims changed, 1 passage removed');
    expect(button('Show changes').getAttribute('aria-haspopup')).toBe('dialog');
    await perform(() => button('Dismiss').click());
    expect(banner()).toBeNull();
    expect(fns.dismissVersionNotice).toHaveBeenCalledWith({ articleId: ARTICLE_ID });
  });

  it('Show changes opens the diff of the version before and the current one', async () => {
    const { fns } = await openReader();
    await until(() => banner()!);
    await perform(() => button('Show changes').click());
    await until(() => expect(document.querySelector('[role="dialog"]')).not.toBeNull());
    expect(fns.diffVersions).toHaveBeenCalledWith({ articleId: ARTICLE_ID, from: 1, to: 2 });
  });

  it('does not show once dismissed, nor for an article with one version', async () => {
    await openReader({ noticeDismissed: true });
    expect(banner()).toBeNull();
    await cleanup();
    await openReader({ versions: [{ ...V1, current: true }] });
    expect(banner()).toBeNull();
    expect(page.getByRole('combobox', { name: 'Version' }).query()).toBeNull();
  });
});

describe('the version picker', () => {
  it('does not re-render the sidebar when the reader shows another version', async () => {
    await openReader();
    const picker = await until(
      () => page.getByRole('combobox', { name: 'Version' }).element() as HTMLSelectElement,
    );
    await until(() => expect(document.querySelector('.sb-list')).not.toBeNull());
    vi.mocked(useAnnotationList).mockClear();
    await perform(() => {
      picker.value = '1';
      picker.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => page.getByRole('region', { name: 'Older version' }).element());
    // Its props are the reader's stable callbacks: a book's orphans are not all drawn again.
    expect(vi.mocked(useAnnotationList)).not.toHaveBeenCalled();
  });

  it('shows an older version read-only with its highlights, and goes back to the current one', async () => {
    const { fns } = await openReader();
    const picker = await until(
      () => page.getByRole('combobox', { name: 'Version' }).element() as HTMLSelectElement,
    );
    expect([...picker.options].map((o) => o.text)).toEqual([
      '2 of 2 — Feb 12, 2026 (current)',
      '1 — Feb 10, 2026 (first import)',
    ]);
    await perform(() => {
      picker.value = '1';
      picker.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(fns.getArticleVersion).toHaveBeenCalledWith({ articleId: ARTICLE_ID, number: 1 });
    const notice = await until(
      () => page.getByRole('region', { name: 'Older version' }).element() as HTMLElement,
    );
    await until(() =>
      expect(notice.textContent).toContain('You are reading version 1 of 2 (Feb 10).'),
    );
    const older = document.querySelector('.version-scroller .article-body')!;
    await until(() => expect(older.textContent).toBe(OLD_TEXT));
    const mark = older.querySelector(`mark[data-annotation-id="${DENIAL.id}"]`);
    expect(mark?.textContent).toBe('which Russia denies');
    // The current text is hidden, the banner too (it is about the current version).
    expect(currentText()!.closest('.article-scroller')!.hasAttribute('hidden')).toBe(true);
    expect(banner()).toBeNull();

    // Selecting words of the older version offers no annotating.
    const range = document.createRange();
    range.selectNodeContents(mark!);
    await perform(() => {
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      older.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    });
    expect(page.getByRole('toolbar', { name: 'Selection' }).query()).toBeNull();
    await press('h', {}, older);
    expect(page.getByRole('toolbar', { name: 'Selection' }).query()).toBeNull();

    // Escape leaves the older version too; the picker brings it back.
    await press('Escape', {}, document.body);
    expect(page.getByRole('region', { name: 'Older version' }).query()).toBeNull();
    await perform(() => {
      picker.value = '1';
      picker.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => page.getByRole('region', { name: 'Older version' }).element());
    await perform(() => button('Back to current version').click());
    expect(page.getByRole('region', { name: 'Older version' }).query()).toBeNull();
    expect(currentText()!.closest('.article-scroller')!.hasAttribute('hidden')).toBe(false);
    expect(currentText()!.textContent).toBe(NEW_TEXT);
    expect(
      currentText()!.querySelector(`mark[data-annotation-id="${DENIAL.id}"]`)?.textContent,
    ).toBe('which Russia has denied');
    expect(picker.value).toBe('2');
    expect(document.activeElement).toBe(picker); // the button it was on is gone
  });
});

describe('Update from file…', () => {
  it('sends the file, then shows the new text, its banner and what re-anchoring found', async () => {
    const { fns, setText } = await openReader({ noticeDismissed: true });
    const V3: VersionSummary = {
      ...V2,
      id: '0190a000-0000-7000-8000-0000000000b3',
      number: 3,
      source: 'file',
      sourceName: 'talks.txt',
      addedAt: '2026-02-14T12:00:00.000Z',
      report: { ...REPORT, changed: 1, claimsChanged: 0, orphaned: 0 },
    };
    fns.updateArticleFromFile.mockImplementation(async () => {
      setText(NEWER_TEXT);
      return outcome('updated', V3);
    });
    const input = page.getByLabelText('New version of the article').element() as HTMLInputElement;
    const files = new DataTransfer();
    files.items.add(new File([NEWER_TEXT], 'talks.txt', { type: 'text/plain' }));
    await perform(() => {
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => expect(fns.updateArticleFromFile).toHaveBeenCalledOnce());
    expect(fns.updateArticleFromFile).toHaveBeenCalledWith({
      id: ARTICLE_ID,
      fileName: 'talks.txt',
      contentBase64: btoa(NEWER_TEXT),
    });
    await until(() => expect(currentText()?.textContent).toBe(NEWER_TEXT));
    expect(fns.getArticle).toHaveBeenCalledTimes(2);
    expect(banner()?.textContent).toContain('Updated Feb 14: 1 highlight changed');
    expect(announced()).toBe(
      'Version 3 added: annotations 3 unchanged, 0 moved, 1 changed, 0 orphaned',
    );
    const picker = page.getByRole('combobox', { name: 'Version' }).element() as HTMLSelectElement;
    expect([...picker.options].map((o) => o.text)[0]).toBe('3 of 3 — Feb 14, 2026 (current)');
  });

  it('is offered by the Update from file… button, which opens the file picker', async () => {
    await page.viewport(1280, 720); // room for the reader between the library and the sidebar
    await openReader();
    const input = page.getByLabelText('New version of the article').element() as HTMLInputElement;
    const clicked = vi.fn((event: Event) => event.preventDefault());
    input.addEventListener('click', clicked);
    await act(() => userEvent.click(button('Update from file…')));
    expect(clicked).toHaveBeenCalledOnce();
  });

  it('with a preload that has no native chooser, the desktop menu (no click to open a file chooser with) hands the keyboard to the button', async () => {
    const listeners = new Set<(command: AppCommand) => void>();
    const desktop = {
      saveFile: vi.fn(),
      chooseFolder: vi.fn(),
      chooseImportFiles: vi.fn(),
      pathForFile: vi.fn(),
      onCommand: (listener: (command: AppCommand) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    window.marginalia = { desktop } as unknown as NonNullable<Window['marginalia']>;
    await openReader();
    const input = page.getByLabelText('New version of the article').element() as HTMLInputElement;
    const clicked = vi.fn((event: Event) => event.preventDefault());
    input.addEventListener('click', clicked);
    // As a menu command arrives: no click or key of the user's just before it.
    Object.defineProperty(navigator, 'userActivation', {
      value: { isActive: false, hasBeenActive: true },
      configurable: true,
    });
    onTestFinished(() => {
      delete (navigator as { userActivation?: unknown }).userActivation;
    });
    await act(async () => {
      for (const listener of listeners)
        listener({ type: 'run-command', command: 'update-from-file' });
    });
    expect(clicked).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button('Update from file…'));
    expect(announced()).toBe('Press Enter to choose the file of the new version');
  });

  /** A desktop bridge whose native chooser answers `chosen`, and a way to send menu commands. */
  function desktopWithChooser(chosen: () => Promise<unknown>) {
    const listeners = new Set<(command: AppCommand) => void>();
    const desktop = {
      saveFile: vi.fn(),
      chooseFolder: vi.fn(),
      chooseImportFiles: vi.fn(),
      chooseArticleFile: vi.fn(chosen),
      pathForFile: vi.fn(),
      onCommand: (listener: (command: AppCommand) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    window.marginalia = { desktop } as unknown as NonNullable<Window['marginalia']>;
    const fromMenu = () =>
      act(async () => {
        for (const listener of listeners)
          listener({ type: 'run-command', command: 'update-from-file' });
      });
    return { desktop, fromMenu };
  }

  /** Fails the test if the page's own file input is clicked. */
  function watchInput() {
    const input = page.getByLabelText('New version of the article').element() as HTMLInputElement;
    const clicked = vi.fn((event: Event) => event.preventDefault());
    input.addEventListener('click', clicked);
    return clicked;
  }

  it('from the desktop menu, asks the native chooser and updates, without any file input or user click', async () => {
    const { desktop, fromMenu } = desktopWithChooser(async () => ({
      fileName: 'talks.txt',
      contentBase64: btoa(NEWER_TEXT),
    }));
    const { fns, setText } = await openReader({ noticeDismissed: true });
    const V3: VersionSummary = { ...V2, id: '0190a000-0000-7000-8000-0000000000b3', number: 3 };
    fns.updateArticleFromFile.mockImplementation(async () => {
      setText(NEWER_TEXT);
      return outcome('updated', V3);
    });
    const clicked = watchInput();
    // As a menu command arrives: no click or key of the user's just before it.
    Object.defineProperty(navigator, 'userActivation', {
      value: { isActive: false, hasBeenActive: true },
      configurable: true,
    });
    onTestFinished(() => {
      delete (navigator as { userActivation?: unknown }).userActivation;
    });
    await fromMenu();
    await until(() => expect(fns.updateArticleFromFile).toHaveBeenCalledOnce());
    expect(desktop.chooseArticleFile).toHaveBeenCalledOnce();
    expect(fns.updateArticleFromFile).toHaveBeenCalledWith({
      id: ARTICLE_ID,
      fileName: 'talks.txt',
      contentBase64: btoa(NEWER_TEXT),
    });
    await until(() => expect(currentText()?.textContent).toBe(NEWER_TEXT));
    expect(clicked).not.toHaveBeenCalled();
    expect(announced()).not.toContain('Press Enter');
  });

  it('in the desktop app, the Update from file… button asks the native chooser too', async () => {
    const { desktop } = desktopWithChooser(async () => null);
    const { fns } = await openReader();
    const clicked = watchInput();
    await perform(() => button('Update from file…').click());
    await until(() => expect(desktop.chooseArticleFile).toHaveBeenCalledOnce());
    expect(clicked).not.toHaveBeenCalled();
    // Cancelled: nothing is sent.
    expect(fns.updateArticleFromFile).not.toHaveBeenCalled();
  });

  it('opens one native chooser at a time however often asked', async () => {
    let answer: (value: null) => void = () => {};
    const { desktop, fromMenu } = desktopWithChooser(
      () => new Promise<null>((resolve) => (answer = resolve)),
    );
    await openReader();
    await fromMenu();
    await fromMenu();
    await perform(() => button('Update from file…').click());
    expect(desktop.chooseArticleFile).toHaveBeenCalledOnce();
    await act(async () => answer(null));
    await fromMenu();
    expect(desktop.chooseArticleFile).toHaveBeenCalledTimes(2);
  });

  it('shows the main process’s refusal of a file too large, and sends nothing', async () => {
    const refusal =
      'huge.txt is larger than 25 MB (30.0 MB); Marginalia cannot update an article from it';
    const { fromMenu } = desktopWithChooser(async () => Promise.reject(new Error(refusal)));
    const { fns } = await openReader();
    await fromMenu();
    await until(() =>
      expect(document.querySelector('.error-banner')?.textContent).toContain(refusal),
    );
    expect(fns.updateArticleFromFile).not.toHaveBeenCalled();
  });
});

describe('Check for changes', () => {
  it('says so when the text is the same, and reads nothing again', async () => {
    const { fns } = await openReader();
    fns.checkForChanges.mockResolvedValue(outcome('unchanged', V2));
    await perform(() => button('Check for changes').click());
    await until(() => expect(announced()).toBe('No changes: the text is the same as version 2'));
    expect(fns.checkForChanges).toHaveBeenCalledWith({ id: ARTICLE_ID });
    expect(fns.getArticle).toHaveBeenCalledOnce();
  });

  it('shows Checking… while the fetch is on its way, and runs once however often asked', async () => {
    const { fns } = await openReader();
    let finish!: (o: VersionOutcome) => void;
    fns.checkForChanges.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    await perform(() => button('Check for changes').click());
    await until(() =>
      expect(document.querySelector('.version-progress')?.textContent).toBe('Checking…'),
    );
    expect(button('Check for changes').getAttribute('aria-disabled')).toBe('true');
    await press('U', { ctrlKey: true, shiftKey: true }, document.body);
    expect(fns.checkForChanges).toHaveBeenCalledOnce();
    await perform(() => finish(outcome('unchanged', V2)));
    await until(() => expect(document.querySelector('.version-progress')).toBeNull());
  });

  it('runs on Ctrl/⌘+Shift+U', async () => {
    const { fns } = await openReader();
    fns.checkForChanges.mockResolvedValue(outcome('unchanged', V2));
    await press('U', { ctrlKey: true, shiftKey: true }, document.body);
    await until(() => expect(fns.checkForChanges).toHaveBeenCalledOnce());
  });

  it('is refused, with the reason, for an article without a source address', async () => {
    const { fns } = await openReader({ summary: { ...SUMMARY, sourceUrl: null, origin: 'file' } });
    const check = button('Check for changes');
    expect(check.getAttribute('aria-disabled')).toBe('true');
    const described = document.getElementById(check.getAttribute('aria-describedby')!);
    expect(described?.textContent).toBe(NO_SOURCE_REASON);
    await perform(() => check.click());
    await press('U', { ctrlKey: true, shiftKey: true }, document.body);
    expect(fns.checkForChanges).not.toHaveBeenCalled();
    expect(document.querySelector('.error-banner')?.textContent).toContain(
      'has no source address to check',
    );
  });
});
