/**
 * One Content Security Policy for the app's page, everywhere it is set: the meta tag of
 * src/renderer/index.html, the app:// header, and web mode's header. Scripts come from the page's
 * origin only: no inline script, no eval (Electron's checklist, item 7).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  HEADER_CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  parseContentSecurityPolicy,
} from '../../../src/main/electron/content-security-policy';
import { CONTENT_SECURITY_POLICY as WEB_MODE_POLICY } from '../../../src/main/web/security';

const INDEX_HTML = path.resolve(import.meta.dirname, '../../../src/renderer/index.html');

function metaPolicy(html: string): string | null {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i.exec(
    html,
  );
  return match ? match[1]!.replace(/\s+/g, ' ').trim() : null;
}

describe('the page’s Content Security Policy', () => {
  it('is the meta tag of src/renderer/index.html, word for word', () => {
    expect(metaPolicy(fs.readFileSync(INDEX_HTML, 'utf8'))).toBe(META_CONTENT_SECURITY_POLICY);
  });

  it('allows scripts from the page’s own origin only: no inline script, no eval', () => {
    for (const policy of [META_CONTENT_SECURITY_POLICY, HEADER_CONTENT_SECURITY_POLICY]) {
      const directives = parseContentSecurityPolicy(policy);
      expect(directives.get('default-src')).toEqual(["'none'"]);
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'none'"]);
      expect(policy).not.toMatch(/unsafe-eval|wasm-unsafe-eval|strict-dynamic|\*/);
      expect(directives.has('script-src-elem') || directives.has('script-src-attr')).toBe(false);
    }
  });

  it('R11 loads nothing from the network: every source list is self, none, or data: images', () => {
    const directives = parseContentSecurityPolicy(HEADER_CONTENT_SECURITY_POLICY);
    for (const [name, sources] of directives) {
      for (const source of sources) {
        const allowed =
          ["'self'", "'none'"].includes(source) ||
          (name === 'style-src' && source === "'unsafe-inline'") ||
          (name === 'img-src' && source === 'data:');
        expect(allowed, `${name} ${source}`).toBe(true);
      }
    }
  });

  it('as a header, also forbids framing the page (which a meta tag cannot say)', () => {
    const header = parseContentSecurityPolicy(HEADER_CONTENT_SECURITY_POLICY);
    const meta = parseContentSecurityPolicy(META_CONTENT_SECURITY_POLICY);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    expect(meta.has('frame-ancestors')).toBe(false);
    for (const [name, sources] of meta) expect(header.get(name), name).toEqual(sources);
  });

  it('is the same in web mode as in the desktop app', () => {
    expect(parseContentSecurityPolicy(WEB_MODE_POLICY)).toEqual(
      parseContentSecurityPolicy(HEADER_CONTENT_SECURITY_POLICY),
    );
  });
});
