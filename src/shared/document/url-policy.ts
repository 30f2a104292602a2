/**
 * Which URLs imported content may keep. Links: http(s) and mailto only, checked after stripping
 * the control characters and whitespace browsers ignore (so "java\tscript:" is caught). Images:
 * only raster data: URLs, which load nothing from anywhere.
 */

// eslint-disable-next-line no-control-regex
const IGNORED_BY_BROWSERS = /[\u0000-\u0020\u007f-\u009f]/g;

export function isSafeLinkHref(href: string): boolean {
  const cleaned = href.replace(IGNORED_BY_BROWSERS, '').toLowerCase();
  return /^(https?:\/\/|mailto:)/.test(cleaned);
}

export function isLocalImageSrc(src: string): boolean {
  return /^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=\s]+$/i.test(src);
}
