/**
 * The Content Security Policy of the app's page, written once. The same policy is in three places:
 * the `<meta>` tag of src/renderer/index.html (which also covers the page in web mode and in the
 * dev server), the `Content-Security-Policy` header of every app:// response, and web mode's
 * header. Tests check that the three agree.
 *
 * Scripts: only files served from the page's own origin ('self' is app://marginalia, which serves
 * the built renderer folder and nothing else): no inline script, no eval, no other origin.
 * Styles keep 'unsafe-inline': the reader renders a `<style>` element for the active highlight's
 * outline (Reader.tsx) and Vite's dev server injects `<style>` elements. Inline styles cannot run
 * code; the imported article's own styles are removed at import whatever this policy says.
 */

/** The directives both the meta tag and the headers carry. */
const PAGE_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
] as const;

/**
 * Directives a `<meta>` tag cannot carry (Chromium ignores them there, with a console warning):
 * only a response header can say that no other page may frame this one.
 */
const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"] as const;

/** The policy in src/renderer/index.html's `<meta http-equiv="Content-Security-Policy">`. */
export const META_CONTENT_SECURITY_POLICY = PAGE_DIRECTIVES.join('; ');

/** The policy sent as a header with every app:// response (and by web mode). */
export const HEADER_CONTENT_SECURITY_POLICY = [...PAGE_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES].join(
  '; ',
);

/** A policy as a map from directive name to its source list, for comparing policies. */
export function parseContentSecurityPolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
