/**
 * Which requests for a new window open a page in the system browser: an http(s) URL, asked for
 * within a few seconds of the user pressing a mouse button or a key in that window, once per such
 * input. A script that calls `window.open` on its own (or a hundred times after one click) opens
 * nothing. Every request is still denied as a window: the app never opens a second one.
 *
 * The window-open handler does not say whether a user gesture caused the request, so the policy
 * watches the window's input events itself, as Chromium's popup blocker does with its "transient
 * activation". Pure: the clock and the opener are passed in.
 */

/**
 * How long one input lets a link open: the lifespan of Chromium's transient user activation
 * (5 s), so a click that takes the page a moment to handle still opens its link.
 */
export const ACTIVATION_LIFESPAN_MS = 5_000;

/** URLs longer than this are not handed to the system (shells and browsers cap them too). */
export const MAX_EXTERNAL_URL_LENGTH = 8_192;

/** Input events that count as the user acting on the page (Electron's `InputEvent.type`). */
const ACTIVATING_INPUTS: ReadonlySet<string> = new Set([
  'mouseDown',
  'mouseUp',
  'rawKeyDown',
  'keyDown',
  'gestureTap',
  'touchEnd',
  'pointerUp',
]);

/** An http(s) URL, parsed (not prefix-matched), short enough to hand to the system. */
export function isExternalWebUrl(url: string): boolean {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'https:' || protocol === 'http:') && hostname !== '';
  } catch {
    return false;
  }
}

export interface ExternalLinkOptions {
  /** Opens a URL in the system browser (`shell.openExternal`). */
  readonly openExternal: (url: string) => void;
  /** Milliseconds, monotonic enough for comparing two moments a few seconds apart. */
  readonly now: () => number;
}

export interface ExternalLinks {
  /** Records one input event of the window (its `type`). */
  noteInput(type: string): void;
  /** Decides on a request for a new window: opens it outside when allowed; says what it did. */
  requestOpen(url: string): 'opened' | 'refused-url' | 'refused-no-click';
}

export function createExternalLinks(options: ExternalLinkOptions): ExternalLinks {
  let activatedAt: number | null = null;
  return {
    noteInput(type) {
      if (ACTIVATING_INPUTS.has(type)) activatedAt = options.now();
    },
    requestOpen(url) {
      if (!isExternalWebUrl(url)) return 'refused-url';
      const active = activatedAt !== null && options.now() - activatedAt <= ACTIVATION_LIFESPAN_MS;
      if (!active) return 'refused-no-click';
      activatedAt = null; // one input, one link
      options.openExternal(url);
      return 'opened';
    },
  };
}
