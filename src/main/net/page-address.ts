/**
 * Which addresses Marginalia may fetch: absolute http(s) URLs without credentials. Checked before
 * the first request and again for every redirect, so no other scheme is ever opened.
 */

/** Schemes a page may be fetched from. */
const FETCHABLE_PROTOCOLS = new Set(['http:', 'https:']);

/** The longest address shown in a message; longer ones are shortened with an ellipsis. */
const SHOWN_ADDRESS_CHARS = 200;

/** An address as it may appear in a message: one line, and not a wall of text. */
export function showAddress(address: string): string {
  // eslint-disable-next-line no-control-regex
  const oneLine = address.trim().replace(/[\u0000-\u001f\u007f]/g, '');
  return oneLine.length > SHOWN_ADDRESS_CHARS
    ? `${oneLine.slice(0, SHOWN_ADDRESS_CHARS - 1)}…`
    : oneLine;
}

/** Why an address may not be fetched; `shown` is the address as a message may quote it. */
export type AddressProblem =
  | { kind: 'malformed'; shown: string }
  | { kind: 'scheme'; shown: string; scheme: string }
  | { kind: 'credentials'; shown: string };

export type AddressCheck = { ok: true; url: URL } | ({ ok: false } & AddressProblem);

/**
 * Parses `address` (resolved against `base` when given, as a redirect's Location is) and checks
 * that it is an http(s) URL with no user name or password in it. The fragment is dropped: it
 * never reaches the server, and without it a redirect loop is seen as one.
 */
export function checkAddress(address: string, base?: URL): AddressCheck {
  let url: URL;
  try {
    url = new URL(address.trim(), base);
  } catch {
    return { ok: false, kind: 'malformed', shown: showAddress(address) };
  }
  if (!FETCHABLE_PROTOCOLS.has(url.protocol)) {
    return {
      ok: false,
      kind: 'scheme',
      shown: showAddress(url.href),
      scheme: url.protocol.slice(0, -1),
    };
  }
  if (url.username !== '' || url.password !== '') {
    url.username = '';
    url.password = '';
    return { ok: false, kind: 'credentials', shown: showAddress(url.href) };
  }
  url.hash = '';
  return { ok: true, url };
}

/** The sentence saying why an address the user gave cannot be fetched. */
export function describeRefusedAddress(problem: AddressProblem): string {
  switch (problem.kind) {
    case 'malformed':
      return `“${problem.shown}” is not a web address; Marginalia fetches http and https pages`;
    case 'scheme':
      return `Marginalia fetches only http and https pages, not ${problem.scheme}: addresses (${problem.shown})`;
    case 'credentials':
      return `The address ${problem.shown} carries a user name or password; Marginalia does not send credentials, so remove them from the address`;
  }
}

/** The sentence saying why a redirect from `from` was not followed. */
export function describeRefusedRedirect(from: string, problem: AddressProblem): string {
  switch (problem.kind) {
    case 'malformed':
      return `The page at ${from} redirected to “${problem.shown}”, which is not a valid address`;
    case 'scheme':
      return `The page at ${from} redirected to ${problem.shown}; Marginalia follows only http and https addresses`;
    case 'credentials':
      return `The page at ${from} redirected to an address with a user name or password in it (${problem.shown}); Marginalia does not send credentials`;
  }
}
