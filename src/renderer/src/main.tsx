/**
 * The entry: kept small, so the library is asked for as soon as the page has run this much.
 * The app itself (React, the operations' schemas, ProseMirror: most of the bundle) is a chunk of
 * its own (preloaded: electron.vite.config.ts), evaluated while the first replies are on their
 * way (boot/head-start.ts).
 */
import type { RawInvoke } from '../../shared/contract/client';
import type { OperationName } from '../../shared/contract/operation-names';
import { withHeadStart } from './boot/head-start';
import { createHttpInvoke, readOpenLink, readToken } from './bridge/http-bridge';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// Before readToken(): reading the token clears the address's fragment, `#open=` with it.
const initialLink = readOpenLink();
const bridge = window.marginalia;
const transport: RawInvoke = bridge
  ? (operation: OperationName, payload) => bridge[operation](payload)
  : createHttpInvoke(readToken());
const headStart = withHeadStart(transport);
import('./boot/start-app').then(
  ({ startApp }) => startApp(root, headStart, initialLink),
  (error: unknown) => {
    // The app's chunk did not load (web mode stopped, a build replaced underneath): say so.
    root.textContent = `Marginalia could not start: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again.`;
    throw error;
  },
);
