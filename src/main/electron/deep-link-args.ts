/**
 * The pure half of deep links: which command-line arguments (or `open-url` strings) are
 * `marginalia://` links to hand the window. No Electron import, so it is tested under Node. The
 * renderer parses the links strictly (`parseDeepLink`); here they are only picked out and bounded.
 */
import { DEEP_LINK_SCHEME, MAX_DEEP_LINK_LENGTH } from '../../shared/export/deep-link';

export { MAX_DEEP_LINK_LENGTH };
export const DEEP_LINK_PROTOCOL = DEEP_LINK_SCHEME;

const PREFIX = `${DEEP_LINK_PROTOCOL}://`;

/**
 * True for a string that starts with `marginalia://` (scheme in any case) and is shorter than
 * `MAX_DEEP_LINK_LENGTH`; longer ones are dropped, never forwarded.
 */
export function isDeepLink(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length < MAX_DEEP_LINK_LENGTH &&
    value.slice(0, PREFIX.length).toLowerCase() === PREFIX
  );
}

/**
 * The deep links among the arguments, in order. The OS passes the link as one argument on Windows
 * and Linux (at the end, after whatever Chromium adds); everything else (the executable, the
 * script path in development, switches) is ignored.
 */
export function deepLinksIn(argv: readonly unknown[]): string[] {
  return argv.filter(isDeepLink);
}

/**
 * In development (`process.defaultApp`) the OS must launch the Electron binary with the app's
 * folder or script: the first argument that is not a switch (`electron . --inspect=…`), made
 * absolute. Null when there is none, and then no handler is registered. (A packaged app is
 * registered as itself, with `app.setAsDefaultProtocolClient`'s defaults.)
 */
export function devProtocolClient(
  execPath: string,
  argv: readonly string[],
  resolve: (p: string) => string,
): { path: string; args: string[] } | null {
  const script = argv.slice(1).find((arg) => !arg.startsWith('-') && !isDeepLink(arg));
  return script === undefined ? null : { path: execPath, args: [resolve(script)] };
}
