/**
 * Suggested claims in the whole window (Chromium) with a fake client and a fake finder: the
 * toolbar toggle and its status, what is offered (not dismissed, not already a claim), Tab and
 * Shift+Tab between suggestions (Tab with text selected keeps opening the selection toolbar),
 * A accepts as a claim with its type and speaker (undo takes it back), X dismisses (undo too),
 * E accepts and opens the claim's fields, Esc lets go of Tab (until a click in the article or
 * Show), and a failing finder said in the toolbar and the list alike.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { App } from '../../../src/renderer/src/App';
import type { ClaimSuggestion } from '../../../src/shared/claim-finder/types';
import type { SuggestionDismissal } from '../../../src/shared/contract/claim-suggestions';
import {
  DEFAULT_SETTINGS,
  type Annotation,
  type ArticleSummary,
  type Settings,
} from '../../../src/shared/contract/entities';
import type { Client, RequestOf } from '../../../src/shared/contract/operations';
import { describeRange } from '../../../src/shared/anchoring/selectors';
import type { ClaimFinder } from '../../../src/renderer/src/suggestions/find-in-worker';
import { ClaimFinderContext } from '../../../src/renderer/src/suggestions/use-claim-suggestions';
import { buildAnnotation, changesOf, testId } from '../../support/annotation-builder';
import { cleanup, perform, press, render } from '../react-harness';
import { until } from '../safety/until';
import '../../../src/renderer/src/styles.css';

afterEach(cleanup);

const ARTICLE_ID = '0190a000-0000-7000-8000-0000000000c1';
const TEXT =
  'Western intelligence reports have said that Russia planned an attack, which Russia denies. ' +
  'The US accused Russia of planning a false-flag operation. ' +
  'Jens Stoltenberg said that the warning time is going down.';

function suggestion(
  quote: string,
  speaker: string | null,
  type: ClaimSuggestion['type'],
  cue: string,
): ClaimSuggestion {
  const start = TEXT.indexOf(quote);
  const end = start + quote.length;
  const cueStart = TEXT.lastIndexOf(cue, start);
  const sentenceStart = TEXT.lastIndexOf('. ', start) + 1;
  return {
    key: `${start}-${end}`,
    start,
    end,
    quote,
    cue: { start: cueStart, end: cueStart + cue.length, text: cue },
    cueLemma: cue,
    source: null,
    speaker,
    type,
    sentence: { start: sentenceStart, end: TEXT.indexOf('.', end) + 1 },
  };
}

const PLANNED = suggestion('Russia planned an attack', 'Western intelligence', 'assertion', 'said');
const ACCUSED = suggestion(
  'Russia of planning a false-flag operation',
  'US',
  'accusation',
  'accused',
);
const WARNING = suggestion(
  'the warning time is going down',
  'Jens Stoltenberg',
  'prediction',
  'said',
);
const ALL = [PLANNED, ACCUSED, WARNING];

const SUMMARY: ArticleSummary = {
  id: ARTICLE_ID,
  title: 'Talks go on',
  byline: null,
  site: null,
  sourceUrl: null,
  publishedAt: null,
  addedAt: '2026-02-10T12:00:00.000Z',
  annotationCount: 0,
  canonicalUrl: null,
  language: null,
  direction: null,
  origin: 'paste',
  sourceFileName: null,
  lastOpenedAt: null,
  claimCount: 0,
  orphanCount: 0,
  tags: [],
  facets: { annotationTags: [], speakers: [], claimTypes: [] },
};

interface Setup {
  readonly on?: boolean;
  readonly annotations?: Annotation[];
  readonly dismissals?: SuggestionDismissal[];
  readonly finder?: ClaimFinder;
}

/** A client that keeps annotations and dismissals, as the service would. */
function fakeClient(setup: Setup = {}) {
  let settings: Settings = { ...DEFAULT_SETTINGS, suggestClaims: setup.on ?? true };
  const annotations = new Map((setup.annotations ?? []).map((a) => [a.id, a]));
  const live = new Set(annotations.keys());
  let counter = 100;
  const annotationOf = (request: RequestOf<'createAnnotation'>): Annotation =>
    buildAnnotation({
      id: testId(++counter),
      articleId: ARTICLE_ID,
      quote: request.quote,
      position: request.position,
      anchor: { status: 'anchored', ...request.position },
      claim: request.claim ?? null,
    });
  const made = (a: Annotation) => (live.add(a.id), annotations.set(a.id, a), a);
  const gone = (id: string) => (live.delete(id), changesOf({ removedAnnotations: [id] }));
  const back = (id: string) => (live.add(id), annotations.get(id)!);
  const dismissals = new Map((setup.dismissals ?? []).map((d) => [d.id, d]));
  const fns = {
    listArticles: vi.fn(async () => ({ articles: [SUMMARY] })),
    getSettings: vi.fn(async () => ({ settings })),
    updateSettings: vi.fn(async ({ patch }: { patch: Partial<Settings> }) => {
      settings = { ...settings, ...patch };
      return { settings };
    }),
    getArticle: vi.fn(async () => ({
      article: {
        ...SUMMARY,
        document: {
          type: 'doc' as const,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: TEXT }] }],
        },
        contentHash: 'hash',
        damaged: false,
        readingPosition: null,
      },
    })),
    listAnnotations: vi.fn(async () => ({
      annotations: [...live].map((id) => annotations.get(id)!),
    })),
    listTags: vi.fn(async () => ({ tags: [] })),
    listSpeakers: vi.fn(async () => ({ speakers: [] })),
    listClaimTypes: vi.fn(async () => ({ types: [] })),
    setReadingPosition: vi.fn(async () => ({})),
    markArticleOpened: vi.fn(async () => ({ article: SUMMARY, changes: changesOf() })),
    getLibraryStatus: vi.fn(async () => ({
      status: { file: '/l/library.db', backupsFolder: '/l/b', readOnly: null, recovered: null },
    })),
    listVersions: vi.fn(async () => ({ versions: [], noticeDismissed: false })),
    createAnnotation: vi.fn(async (request: RequestOf<'createAnnotation'>) => {
      const a = made(annotationOf(request));
      return { annotation: a, changes: changesOf({ annotations: [a] }) };
    }),
    deleteAnnotation: vi.fn(async ({ id }: { id: string }) => ({ id, changes: gone(id) })),
    restoreAnnotation: vi.fn(async ({ id }: { id: string }) => {
      const a = back(id);
      return { annotation: a, changes: changesOf({ annotations: [a] }) };
    }),
    listSuggestionDismissals: vi.fn(async () => ({ dismissals: [...dismissals.values()] })),
    dismissSuggestion: vi.fn(async (request: RequestOf<'dismissSuggestion'>) => {
      const dismissal: SuggestionDismissal = {
        id: testId(++counter),
        articleId: request.articleId,
        quote: request.quote,
        position: request.position,
        speaker: request.speaker ?? null,
        createdAt: '2026-02-11T12:00:00.000Z',
      };
      dismissals.set(dismissal.id, dismissal);
      return { dismissal };
    }),
    undismissSuggestion: vi.fn(async ({ id }: { id: string }) => {
      const dismissal = dismissals.get(id)!;
      dismissals.delete(id);
      return { dismissal };
    }),
  };
  return { fns, client: fns as unknown as Client };
}

/** A finder answering `list` at once, recording the texts it was asked about. */
function fakeFinder(list: readonly ClaimSuggestion[] = ALL) {
  const calls: { text: string; knownSpeakers: readonly string[] | undefined }[] = [];
  const finder: ClaimFinder = async (text, options) => {
    calls.push({ text, knownSpeakers: options.knownSpeakers });
    return [...list];
  };
  return { finder, calls };
}

const toggle = () =>
  page.getByRole('button', { name: 'Suggest claims', exact: true }).element() as HTMLButtonElement;
const status = () => document.querySelector('.suggestions-status')?.textContent ?? null;
const announced = () => document.querySelector('.app > [aria-live="polite"]')?.textContent ?? '';
const body = () => document.querySelector<HTMLElement>('.article-scroller .article-body');
const drawnKeys = () => [
  ...new Set(
    [...document.querySelectorAll<HTMLElement>('span.claim-suggestion')].map(
      (el) => el.dataset['suggestionKey'],
    ),
  ),
];
const currentKey = () =>
  document.querySelector<HTMLElement>('span.claim-suggestion.is-current')?.dataset[
    'suggestionKey'
  ] ?? null;

async function openReader(setup: Setup = {}) {
  const fake = fakeClient(setup);
  const finder = setup.finder ? { finder: setup.finder, calls: [] } : fakeFinder();
  await render(
    <ClaimFinderContext.Provider value={finder.finder}>
      <App client={fake.client} />
    </ClaimFinderContext.Provider>,
  );
  const listed = await until(
    () =>
      page
        .getByRole('navigation', { name: 'Library' })
        .getByRole('button', { name: SUMMARY.title })
        .element() as HTMLButtonElement,
  );
  await perform(() => listed.click());
  await until(() => expect(body()?.textContent).toContain('Western intelligence'));
  return { ...fake, ...finder };
}

/** Focuses the article with the caret in it (no selection), as a click in the text does. */
async function focusArticle() {
  await perform(() => body()!.focus());
}

describe('the Suggest claims toggle', () => {
  it('is off by default; turning it on saves the setting, finds claims and says how many', async () => {
    const { fns, calls } = await openReader({ on: false });
    expect(toggle().getAttribute('aria-pressed')).toBe('false');
    // The live region is there before it has anything to say, so its first words are heard.
    expect(document.querySelector('.suggestions-status')?.getAttribute('aria-live')).toBe('polite');
    expect(status()).toBe('');
    expect(drawnKeys()).toEqual([]);
    expect(calls).toEqual([]);
    await perform(() => toggle().click());
    expect(fns.updateSettings).toHaveBeenCalledWith({ patch: { suggestClaims: true } });
    await until(() => expect(status()).toBe('3 suggestions'));
    expect(toggle().getAttribute('aria-pressed')).toBe('true');
    expect(document.querySelector('.suggestions-status')?.getAttribute('aria-live')).toBe('polite');
    expect(drawnKeys()).toEqual(ALL.map((s) => s.key));
    expect(calls).toEqual([{ text: TEXT, knownSpeakers: [] }]);
    // Off again: nothing drawn, no status.
    await perform(() => toggle().click());
    expect(fns.updateSettings).toHaveBeenLastCalledWith({ patch: { suggestClaims: false } });
    await until(() => expect(drawnKeys()).toEqual([]));
    expect(status()).toBe('');
  });

  it('says "Finding claims…" while the finder works, and the error when it fails', async () => {
    let fail: (error: Error) => void = () => {};
    const finder: ClaimFinder = () => new Promise((_resolve, reject) => (fail = reject));
    await openReader({ finder });
    await until(() => expect(status()).toBe('Finding claims…'));
    await perform(() => fail(new Error('the model is missing')));
    await until(() => expect(status()).toBe('Could not suggest claims: the model is missing'));
    expect(document.querySelector('.suggestions-status.is-error')).not.toBeNull();
    // The sidebar's list says it in the same words.
    expect(document.querySelector('.sg-status')?.textContent).toBe(
      'Could not suggest claims: the model is missing',
    );
  });
});

describe('what is offered', () => {
  it('leaves out dismissed suggestions and passages already claimed', async () => {
    const claimed = buildAnnotation({
      articleId: ARTICLE_ID,
      text: TEXT,
      exact: 'accused Russia of planning a false-flag operation',
      claim: { type: 'accusation', speaker: 'US', status: 'unverified' },
    });
    const dismissal: SuggestionDismissal = {
      id: testId(900),
      articleId: ARTICLE_ID,
      ...describeRange(TEXT, WARNING.start, WARNING.end),
      speaker: WARNING.speaker,
      createdAt: '2026-02-11T12:00:00.000Z',
    };
    await openReader({ annotations: [claimed], dismissals: [dismissal] });
    await until(() => expect(status()).toBe('1 suggestion'));
    expect(drawnKeys()).toEqual([PLANNED.key]);
  });
});

describe('the keys', () => {
  it('Tab and Shift+Tab move between suggestions, announced, and let Tab leave at the end', async () => {
    await openReader();
    await until(() => expect(status()).toBe('3 suggestions'));
    await focusArticle();
    expect(await press('Tab')).toBe(false);
    await until(() => expect(currentKey()).toBe(PLANNED.key));
    expect(announced()).toBe('Suggestion 1 of 3: assertion by Western intelligence');
    await press('Tab');
    await until(() => expect(currentKey()).toBe(ACCUSED.key));
    expect(announced()).toBe('Suggestion 2 of 3: accusation by US');
    await press('Tab');
    await until(() => expect(currentKey()).toBe(WARNING.key));
    // The last one: Tab goes on to the next control (no keyboard trap).
    expect(await press('Tab')).toBe(true);
    expect(currentKey()).toBe(WARNING.key);
    expect(await press('Tab', { shiftKey: true })).toBe(false);
    await until(() => expect(currentKey()).toBe(ACCUSED.key));
  });

  it('Tab with text selected still opens the selection toolbar', async () => {
    await openReader();
    await until(() => expect(status()).toBe('3 suggestions'));
    await focusArticle();
    const textNode = body()!.querySelector('p')!.firstChild!;
    await perform(() => {
      const range = document.createRange();
      range.setStart(textNode, 0);
      range.setEnd(textNode, 7);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    await until(() =>
      expect(document.querySelector('[role="toolbar"][aria-label="Selection"]')).not.toBeNull(),
    );
    await press('Tab', {}, body()!);
    await until(() =>
      expect(
        document.activeElement?.closest('[role="toolbar"][aria-label="Selection"]'),
      ).not.toBeNull(),
    );
    expect(currentKey()).toBeNull();
  });

  it('A accepts the current one as a claim with its type and speaker; undo takes it back', async () => {
    const { fns } = await openReader();
    await until(() => expect(status()).toBe('3 suggestions'));
    await focusArticle();
    await press('Tab');
    await press('Tab');
    await until(() => expect(currentKey()).toBe(ACCUSED.key));
    await press('a');
    await until(() => expect(status()).toBe('2 suggestions'));
    expect(fns.createAnnotation).toHaveBeenCalledWith({
      articleId: ARTICLE_ID,
      ...describeRange(TEXT, ACCUSED.start, ACCUSED.end),
      claim: { type: 'accusation', speaker: 'US', status: 'unverified' },
    });
    expect(announced()).toBe('Accepted: accusation by US. Next: prediction by Jens Stoltenberg');
    expect(drawnKeys()).toEqual([PLANNED.key, WARNING.key]);
    // The next one is current, and the claim is a highlight of the page now.
    expect(currentKey()).toBe(WARNING.key);
    expect(document.querySelector('mark.highlight')?.textContent).toBe(ACCUSED.quote);
    expect(page.getByRole('button', { name: 'Claims (1)' }).query()).not.toBeNull();
    await press('z', { ctrlKey: true });
    await until(() => expect(status()).toBe('3 suggestions'));
    expect(fns.deleteAnnotation).toHaveBeenCalledTimes(1);
    expect(announced()).toBe('Undid suggested claim');
  });

  it('X dismisses the current one (remembered); undo offers it again', async () => {
    const { fns } = await openReader();
    await until(() => expect(status()).toBe('3 suggestions'));
    await focusArticle();
    await press('Tab');
    await until(() => expect(currentKey()).toBe(PLANNED.key));
    await press('x');
    await until(() => expect(status()).toBe('2 suggestions'));
    expect(fns.dismissSuggestion).toHaveBeenCalledWith({
      articleId: ARTICLE_ID,
      ...describeRange(TEXT, PLANNED.start, PLANNED.end),
      speaker: 'Western intelligence',
    });
    expect(announced()).toBe('Dismissed. Next: accusation by US');
    expect(currentKey()).toBe(ACCUSED.key);
    expect(fns.createAnnotation).not.toHaveBeenCalled();
    await press('z', { ctrlKey: true });
    await until(() => expect(status()).toBe('3 suggestions'));
    expect(fns.undismissSuggestion).toHaveBeenCalledTimes(1);
    // Redo dismisses it again.
    await press('z', { ctrlKey: true, shiftKey: true });
    await until(() => expect(status()).toBe('2 suggestions'));
    expect(fns.dismissSuggestion).toHaveBeenCalledTimes(2);
  });

  it('E accepts the current one and opens its card on the claim fields', async () => {
    const { fns } = await openReader();
    await until(() => expect(status()).toBe('3 suggestions'));
    await focusArticle();
    await press('Tab', { shiftKey: true });
    await until(() => expect(currentKey()).toBe(WARNING.key));
    await press('e');
    await until(() => expect(fns.createAnnotation).toHaveBeenCalledTimes(1));
    const field = await until(() => {
      const active = document.activeElement as HTMLInputElement | null;
      expect(active?.tagName).toBe('INPUT');
      expect(active?.value).toBe('prediction');
      return active!;
    });
    expect(field.closest('fieldset')?.querySelector('legend')?.textContent).toBe('Claim');
    expect(status()).toBe('2 suggestions');
  });

  it('A, X and E do nothing while suggestions are off or none is current', async () => {
    const { fns } = await openReader();
    await until(() => expect(status()).toBe('3 suggestions'));
    await focusArticle();
    expect(await press('a')).toBe(true);
    expect(await press('x')).toBe(true);
    expect(fns.createAnnotation).not.toHaveBeenCalled();
    expect(fns.dismissSuggestion).not.toHaveBeenCalled();
    await perform(() => toggle().click());
    await until(() => expect(drawnKeys()).toEqual([]));
    await focusArticle();
    expect(await press('Tab')).toBe(true);
    expect(currentKey()).toBeNull();
  });

  it('Esc clears the current one and lets Tab move the focus, until a click in the article', async () => {
    await openReader();
    await until(() => expect(status()).toBe('3 suggestions'));
    await focusArticle();
    await press('Tab');
    await until(() => expect(currentKey()).toBe(PLANNED.key));
    expect(await press('Escape')).toBe(false);
    await until(() => expect(currentKey()).toBeNull());
    expect(announced()).toBe('Left the suggestions: Tab moves the focus');
    // Tab and Shift+Tab are the browser's again: not cancelled, no suggestion made current.
    expect(await press('Tab')).toBe(true);
    expect(await press('Tab', { shiftKey: true })).toBe(true);
    expect(currentKey()).toBeNull();
    // A, X and E have nothing to act on.
    await press('a');
    expect(status()).toBe('3 suggestions');
    // A click in the article: Tab moves between suggestions again.
    await perform(() => body()!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true })));
    expect(await press('Tab')).toBe(false);
    await until(() => expect(currentKey()).toBe(PLANNED.key));
  });

  it('after Esc, Show in the list makes one current and Tab moves on from it', async () => {
    await openReader();
    await until(() => expect(status()).toBe('3 suggestions'));
    await focusArticle();
    await press('Tab');
    await until(() => expect(currentKey()).toBe(PLANNED.key));
    await press('Escape');
    await until(() => expect(currentKey()).toBeNull());
    const show = await until(
      () => page.getByRole('button', { name: /^Show accusation by US/ }).element() as HTMLElement,
    );
    await perform(() => show.click());
    await until(() => expect(currentKey()).toBe(ACCUSED.key));
    await focusArticle();
    expect(await press('Tab')).toBe(false);
    await until(() => expect(currentKey()).toBe(WARNING.key));
  });

  it('Esc closes the selection toolbar or the card first, then leaves the suggestions', async () => {
    await openReader();
    await until(() => expect(status()).toBe('3 suggestions'));
    await focusArticle();
    await press('Tab');
    await until(() => expect(currentKey()).toBe(PLANNED.key));
    const textNode = body()!.querySelector('p')!.firstChild!;
    await perform(() => {
      const range = document.createRange();
      range.setStart(textNode, 0);
      range.setEnd(textNode, 7);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    const toolbar = () => document.querySelector('[role="toolbar"][aria-label="Selection"]');
    await until(() => expect(toolbar()).not.toBeNull());
    await press('Escape', {}, body()!);
    await until(() => expect(toolbar()).toBeNull());
    expect(currentKey()).toBe(PLANNED.key);
    // E opens the card of the claim it made; Esc closes that, and the next Esc leaves.
    await press('e', {}, body()!);
    await until(() => expect(document.activeElement?.tagName).toBe('INPUT'));
    await until(() => expect(currentKey()).toBe(ACCUSED.key));
    const claimFields = () =>
      [...document.querySelectorAll('fieldset legend')].some((l) => l.textContent === 'Claim');
    expect(claimFields()).toBe(true);
    await press('Escape', {}, body()!);
    await until(() => expect(claimFields()).toBe(false));
    expect(currentKey()).toBe(ACCUSED.key);
    await press('Escape', {}, body()!);
    await until(() => expect(currentKey()).toBeNull());
  });
});
