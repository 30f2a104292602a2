/**
 * The open article's suggested claims: the `SuggestionsController` the reader's keys and toolbar
 * and the sidebar's list share. While "Suggest claims" is on, the finder reads the article's
 * canonical text off the UI thread (again only when the text changes: a new version), and the
 * suggestions offered are those neither dismissed nor already a claim, filtered again as the
 * annotations change without finding them again. Accepting and dismissing are undo steps in the
 * article's one undo history.
 */
import {
  createContext,
  type RefObject,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { describeRange } from '../../../shared/anchoring/selectors';
import { annotationOf, isDismissed, suggestionsToOffer } from '../../../shared/claim-finder/offer';
import type { ClaimSuggestion } from '../../../shared/claim-finder/types';
import type { SuggestionDismissal } from '../../../shared/contract/claim-suggestions';
import type { Annotation } from '../../../shared/contract/entities';
import type { Client } from '../../../shared/contract/operations';
import type { AnnotationActions } from '../annotations/annotation-actions';
import type { FocusField } from '../annotations/AnnotationEditor';
import type { ArticleView } from '../reader/article-view';
import { useSelector } from '../store/external-store';
import type { RendererState, RendererStore } from '../store/renderer-store';
import type { SuggestionsController, SuggestionsStatus } from './controller';
import { findInWorker, isAbort, type ClaimFinder } from './find-in-worker';
import { describeSuggestion } from './wording';

/** The finder the reader uses: the worker, or a fake the tests provide. */
export const ClaimFinderContext = createContext<ClaimFinder>(findInWorker);

export interface ClaimSuggestionsOptions {
  readonly client: Client;
  readonly store: RendererStore;
  readonly articleId: string;
  readonly articleView: ArticleView | null;
  /** The library's "Suggest claims" setting, and how to change it. */
  readonly enabled: boolean;
  readonly setEnabled: (on: boolean) => void;
  readonly actions: AnnotationActions;
  /** Opens an annotation's card, focusing `field`. */
  readonly activate: (id: string | null, field?: FocusField | null) => void;
  readonly announce: (message: string) => void;
  /**
   * The article's scroller: Tab starts from the top of the screen when none is current, and the
   * suggestions drawn follow its scrolling (only those near the screen are drawn).
   */
  readonly scrollerRef?: RefObject<HTMLElement | null>;
  /** Overrides the context's finder. */
  readonly finder?: ClaimFinder;
}

const NONE: readonly ClaimSuggestion[] = [];

const selectAnnotations = (state: RendererState) => state.annotations.byId;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `next` unless it holds exactly the suggestions of `previous` (then `previous`, unchanged). */
function sameOrNew(
  previous: readonly ClaimSuggestion[],
  next: readonly ClaimSuggestion[],
): readonly ClaimSuggestion[] {
  if (previous.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (previous[i] !== next[i]) return next;
  return previous;
}

export function useClaimSuggestions(options: ClaimSuggestionsOptions): SuggestionsController {
  const { client, store, articleId, articleView, enabled } = options;
  const { actions, activate, announce, scrollerRef } = options;
  const topOffset = useCallback(() => {
    const scroller = scrollerRef?.current;
    return scroller && articleView ? articleView.topOffset(scroller) : 0;
  }, [articleView, scrollerRef]);
  const fromContext = useContext(ClaimFinderContext);
  const finder = options.finder ?? fromContext;
  const text = articleView?.map.text ?? null;

  // What the finder answered, and for which text (a reply for an older text is never offered).
  const [found, setFound] = useState<{ text: string; list: readonly ClaimSuggestion[] } | null>(
    null,
  );
  const [failure, setFailure] = useState<{ text: string | null; message: string } | null>(null);
  const [dismissals, setDismissals] = useState<{
    articleId: string;
    list: readonly SuggestionDismissal[];
  } | null>(null);

  useEffect(() => {
    if (!enabled || text === null) return;
    const controller = new AbortController();
    const known = store.getState().names.speakers;
    const speakers =
      known.length > 0
        ? Promise.resolve(known)
        : client.listSpeakers({}).then(
            ({ speakers }) => speakers.map((s) => s.name),
            () => [] as string[],
          );
    speakers
      .then((knownSpeakers) => finder(text, { knownSpeakers }, controller.signal))
      .then(
        (list) => {
          if (!controller.signal.aborted) setFound({ text, list });
        },
        (error: unknown) => {
          if (controller.signal.aborted || isAbort(error)) return;
          setFailure({ text, message: messageOf(error) });
        },
      );
    // A newer text, the setting turned off or the article closed: the worker is stopped.
    return () => controller.abort();
  }, [client, enabled, finder, store, text]);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    client.listSuggestionDismissals({ articleId }).then(
      ({ dismissals: list }) => live && setDismissals({ articleId, list }),
      (error: unknown) =>
        live &&
        setFailure({
          text: null,
          message: `Could not read the dismissed suggestions: ${messageOf(error)}`,
        }),
    );
    return () => {
      live = false;
    };
  }, [client, articleId, enabled]);

  const foundList = found !== null && found.text === text ? found.list : null;
  const dismissed = dismissals?.articleId === articleId ? dismissals.list : null;
  const failed = failure !== null && (failure.text === null || failure.text === text);
  const status: SuggestionsStatus = !enabled
    ? 'off'
    : failed
      ? 'failed'
      : foundList !== null && dismissed !== null
        ? 'ready'
        : 'finding';

  // Two filters: dismissals (rarely change) and claims (change with every annotation reply).
  const notDismissed = useMemo(
    () =>
      foundList && dismissed && text !== null
        ? dismissed.length === 0
          ? foundList
          : foundList.filter((s) => !isDismissed(s, text, dismissed))
        : NONE,
    [foundList, dismissed, text],
  );
  const annotations: ReadonlyMap<string, Annotation> = useSelector(store, selectAnnotations);
  const filtered = useMemo(
    () =>
      status === 'ready' && text !== null
        ? suggestionsToOffer(notDismissed, text, [], annotations.values())
        : NONE,
    [status, notDismissed, text, annotations],
  );
  // The same suggestions keep the same list: the article is not redrawn for a note typed.
  const [kept, setKept] = useState({ from: NONE, list: NONE });
  if (kept.from !== filtered) setKept({ from: filtered, list: sameOrNew(kept.list, filtered) });
  const offered = kept.from === filtered ? kept.list : sameOrNew(kept.list, filtered);

  // The current one, and where it was: when it leaves (accepted, dismissed), the next one after
  // that place becomes current.
  const [current, setCurrent] = useState<{ key: string; start: number } | null>(null);
  const currentKey = useMemo(() => {
    if (!current || offered.length === 0) return null;
    if (offered.some((s) => s.key === current.key)) return current.key;
    return (offered.find((s) => s.start >= current.start) ?? offered.at(-1)!).key;
  }, [current, offered]);

  // The suggestion to scroll to (by Tab, `show`, or after A and X) once it is drawn as current,
  // and the one drawn as current now.
  const pendingReveal = useRef<string | null>(null);
  const drawnCurrent = useRef<string | null>(null);
  useEffect(() => {
    if (!articleView) return;
    articleView.applySuggestions(offered, currentKey);
    drawnCurrent.current = currentKey;
    if (pendingReveal.current !== null && pendingReveal.current === currentKey) {
      articleView.revealSuggestion(currentKey);
      pendingReveal.current = null;
    }
  }, [articleView, offered, currentKey]);

  // The drawn window follows the reader's scrolling, once a scroll settles.
  const drawing = enabled && offered.length > 0;
  useEffect(() => {
    const scroller = scrollerRef?.current;
    if (!drawing || !articleView || !scroller) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => articleView.followSuggestions(articleView.topOffset(scroller)), 100);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      scroller.removeEventListener('scroll', onScroll);
    };
  }, [articleView, drawing, scrollerRef]);

  const byKey = useCallback((key: string) => offered.find((s) => s.key === key), [offered]);

  // Keys being accepted or dismissed: until the reply comes back the suggestion is still offered,
  // and a second A (or a click on its Accept) must not create the claim twice.
  const inFlight = useRef(new Set<string>());
  const claimKeys = useCallback((keys: readonly string[]) => {
    const free = keys.filter((key) => !inFlight.current.has(key));
    for (const key of free) inFlight.current.add(key);
    return { free, release: () => free.forEach((key) => inFlight.current.delete(key)) };
  }, []);

  const makeCurrent = useCallback(
    (s: ClaimSuggestion) => {
      // Already current (and drawn so): scrolled to now, as nothing else will redraw.
      if (s.key === drawnCurrent.current) articleView?.revealSuggestion(s.key);
      else pendingReveal.current = s.key;
      setCurrent({ key: s.key, start: s.start });
    },
    [articleView],
  );

  const clear = useCallback(() => {
    pendingReveal.current = null;
    setCurrent(null);
  }, []);

  /**
   * When `key` is the current one, what becomes current once it leaves: the next after it, or
   * the last. Null when it is not current (the current one stays) or none is left.
   */
  const successorOf = useCallback(
    (key: string) => {
      if (key !== currentKey) return null;
      const at = offered.findIndex((s) => s.key === key);
      const rest = offered.filter((s) => s.key !== key && !inFlight.current.has(s.key));
      return rest.find((s) => s.start >= offered[at]!.start) ?? rest.at(-1) ?? null;
    },
    [currentKey, offered],
  );

  /**
   * After A or X took the current one away: the next one is made current, scrolled to and named
   * in the announcement ("Accepted: accusation by US. Next: denial by Russia") — it may be
   * pages away. Not when the user moved to another one meanwhile.
   */
  const goOn = useCallback(
    (left: string, next: ClaimSuggestion | null, said: string) => {
      // Still current, or its successor already is (the list changed before this ran).
      const now = drawnCurrent.current;
      if (next === null || (now !== left && now !== next.key)) {
        announce(said);
        return;
      }
      makeCurrent(next);
      announce(`${said}. Next: ${describeSuggestion(next)}`);
    },
    [announce, makeCurrent],
  );

  const show = useCallback(
    (key: string) => {
      const s = byKey(key);
      if (s) makeCurrent(s);
    },
    [byKey, makeCurrent],
  );

  const move = useCallback(
    (step: 1 | -1) => {
      const count = offered.length;
      if (count === 0) return;
      const at = currentKey === null ? -1 : offered.findIndex((s) => s.key === currentKey);
      let next: number;
      if (at !== -1) {
        next = (at + step + count) % count; // wraps round, as find does
      } else {
        // None current yet: the first from the top of the screen on, or the last before it
        // (wrapping round when there is none that way).
        const from = topOffset();
        const after = offered.findIndex((s) => s.start >= from);
        if (step === 1) next = after === -1 ? 0 : after;
        else next = after <= 0 ? count - 1 : after - 1;
      }
      const s = offered[next]!;
      makeCurrent(s);
      announce(`Suggestion ${next + 1} of ${count}: ${describeSuggestion(s)}`);
    },
    [announce, currentKey, makeCurrent, offered, topOffset],
  );

  const accept = useCallback(
    async (keys: readonly string[]) => {
      if (text === null) return false;
      const { free, release } = claimKeys(keys.filter((key) => byKey(key) !== undefined));
      const list = free.flatMap((key) => byKey(key) ?? []);
      try {
        if (list.length === 0) return false;
        if (list.length === 1) {
          const s = list[0]!;
          const next = successorOf(s.key);
          const created = await actions.create(annotationOf(s, text), 'suggested claim');
          if (created) goOn(s.key, next, `Accepted: ${describeSuggestion(s)}`);
          return created !== null;
        }
        const created = await actions.createMany(
          list.map((s) => annotationOf(s, text)),
          `${list.length} suggested claims`,
        );
        if (created) announce(`Accepted ${created.length} suggestions`);
        return created !== null;
      } finally {
        release();
      }
    },
    [actions, announce, byKey, claimKeys, goOn, successorOf, text],
  );

  const onDismissal = useCallback(
    (dismissal: SuggestionDismissal, live: boolean) =>
      setDismissals((previous) => {
        if (!previous || previous.articleId !== dismissal.articleId) return previous;
        const others = previous.list.filter((d) => d.id !== dismissal.id);
        return { ...previous, list: live ? [...others, dismissal] : others };
      }),
    [],
  );

  const dismiss = useCallback(
    async (key: string) => {
      const s = byKey(key);
      if (!s || text === null) return false;
      const { free, release } = claimKeys([key]);
      if (free.length === 0) return false;
      try {
        const next = successorOf(key);
        const { quote, position } = describeRange(text, s.start, s.end);
        const made = await actions.dismissSuggestion(
          { quote, position, speaker: s.speaker },
          onDismissal,
        );
        if (made) goOn(key, next, 'Dismissed');
        return made !== null;
      } finally {
        release();
      }
    },
    [actions, byKey, claimKeys, goOn, onDismissal, successorOf, text],
  );

  const edit = useCallback(
    async (key: string) => {
      const s = byKey(key);
      if (!s || text === null) return false;
      const { free, release } = claimKeys([key]);
      if (free.length === 0) return false;
      try {
        const created = await actions.create(annotationOf(s, text), 'suggested claim');
        if (!created) return false;
        announce(`Accepted: ${describeSuggestion(s)}. Editing its claim`);
        activate(created.id, 'claim');
        return true;
      } finally {
        release();
      }
    },
    [actions, activate, announce, byKey, claimKeys, text],
  );

  const error = failed && failure ? failure.message : null;

  const { setEnabled: saveEnabled } = options;
  const setEnabled = useCallback(
    (on: boolean) => {
      setFailure(null); // turned on again: a fresh try
      saveEnabled(on);
    },
    [saveEnabled],
  );

  return useMemo(
    () => ({
      enabled,
      status,
      error,
      suggestions: offered,
      currentKey,
      setEnabled,
      show,
      move,
      clear,
      accept,
      dismiss,
      edit,
    }),
    [
      enabled,
      status,
      error,
      offered,
      currentKey,
      setEnabled,
      show,
      move,
      clear,
      accept,
      dismiss,
      edit,
    ],
  );
}
