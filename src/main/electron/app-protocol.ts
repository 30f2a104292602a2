/**
 * Registers app:// with Electron: first as a privileged scheme (before `app` is ready), then its
 * handler (after), serving the built renderer folder through app-files.ts.
 */
import { protocol, type Privileges } from 'electron';
import { APP_SCHEME, createAppFileHandler } from './app-files';
import { HEADER_CONTENT_SECURITY_POLICY } from './content-security-policy';

/**
 * What app:// may do. `standard` gives it a real origin (relative URLs, storage), `secure` makes
 * it a secure context like https:, `supportFetchAPI` and `corsEnabled` let the page's module
 * scripts (which Vite tags `crossorigin`) and fetches load from it, `codeCache` caches compiled
 * scripts. Everything else stays off: in particular it does not bypass the page's CSP.
 */
export const APP_SCHEME_PRIVILEGES: Readonly<Privileges> = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  codeCache: true,
  bypassCSP: false,
  allowServiceWorkers: false,
  stream: false,
};

/** Call before `app` is ready (Electron allows this only then, and only once). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

/** Call once `app` is ready: app://marginalia/ serves `rendererFolder` and nothing else. */
export function serveAppFiles(rendererFolder: string): void {
  protocol.handle(
    APP_SCHEME,
    createAppFileHandler({
      root: rendererFolder,
      contentSecurityPolicy: HEADER_CONTENT_SECURITY_POLICY,
    }),
  );
}
