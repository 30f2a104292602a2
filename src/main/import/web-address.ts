/**
 * One spelling per web address, so "already in your library" finds the same page under the
 * address it was shared with: http(s) only, no fragment, no tracking parameters.
 */
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ref_src|cmpid)$/i;

/** The address in its one spelling, or null when it is not an http(s) address. */
export function normalizeAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING.test(key)) url.searchParams.delete(key);
  }
  if (url.search === '?') url.search = '';
  return url.href;
}
