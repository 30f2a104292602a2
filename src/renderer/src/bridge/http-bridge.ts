/**
 * Web mode's transport: the same operations as `window.marginalia`, sent to the local server as
 * `POST /api/<op>` with the run's token, which arrives in the address fragment (never sent to the
 * server in the URL) and is kept for the tab's life in sessionStorage.
 */
import type { Result } from '../../../shared/contract/errors';
import type { RawInvoke } from '../../../shared/contract/client';
import { MAX_DEEP_LINK_LENGTH } from '../../../shared/export/deep-link-length';

const TOKEN_KEY = 'marginalia.token';
/** Browsers cap keepalive request bodies at 64 KiB in all. */
const KEEPALIVE_LIMIT = 60_000;

export function readToken(
  location: Location = window.location,
  storage: Storage = sessionStorage,
): string | null {
  const fromHash = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash)?.[1];
  if (fromHash) {
    storage.setItem(TOKEN_KEY, fromHash);
    // Out of the address bar and history once kept: a reload still finds it in the session.
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return storage.getItem(TOKEN_KEY);
}

/**
 * A `marginalia://open?…` link handed to web mode in the address, as `#open=<encoded link>`
 * (beside `token=` or alone), or null. The link is taken out of the address once read, keeping
 * the rest of the fragment, so read it before `readToken` (which clears the whole fragment).
 * A link of `MAX_DEEP_LINK_LENGTH` or more is not ours: it is dropped, as the desktop app drops it.
 */
export function readOpenLink(location: Location = window.location): string | null {
  const hash = location.hash.replace(/^#/, '');
  const parts = hash.split('&');
  const found = parts.find((part) => part.startsWith('open='));
  if (found === undefined) return null;
  const rest = parts.filter((part) => !part.startsWith('open=')).join('&');
  history.replaceState(null, '', location.pathname + location.search + (rest ? `#${rest}` : ''));
  const raw = found.slice('open='.length);
  let link: string;
  try {
    link = decodeURIComponent(raw);
  } catch {
    link = raw; // not a link of ours: the app says so
  }
  return link !== '' && link.length < MAX_DEEP_LINK_LENGTH ? link : null;
}

export function createHttpInvoke(token: string | null): RawInvoke {
  return async (operation, payload) => {
    if (!token) {
      return {
        ok: false,
        error: {
          code: 'invalid_request',
          message: 'No access token: open the address that "npm run web" printed.',
        },
      };
    }
    let response: Response;
    const body = JSON.stringify(payload ?? {});
    try {
      response = await fetch(`/api/${operation}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body,
        // A small request outlives the page, so a note typed just before closing is still saved.
        keepalive: new TextEncoder().encode(body).length < KEEPALIVE_LIMIT,
      });
    } catch {
      return {
        ok: false,
        error: {
          code: 'internal',
          message: 'Marginalia is not reachable. Is web mode still running?',
        },
      };
    }
    try {
      return (await response.json()) as Result<unknown>;
    } catch {
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `The server answered ${response.status} without data.`,
        },
      };
    }
  };
}
