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

const siteOf = (url: URL) => url.hostname.replace(/^www\./, '');

/**
 * A page's address for itself (`<link rel="canonical">`, `og:url`), when it can stand for this
 * page: not a site's front page (a common template mistake that would make every page of the
 * site "the same"), and on the site the page came from when that is known.
 */
export function pageCanonicalAddress(
  canonical: string | null | undefined,
  source: string | null | undefined,
): string | null {
  const address = normalizeAddress(canonical);
  if (!address) return null;
  const url = new URL(address);
  if (url.pathname === '/' && url.search === '') return null;
  const from = normalizeAddress(source);
  if (from && siteOf(new URL(from)) !== siteOf(url)) return null;
  return address;
}
