import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_DEEP_LINK_LENGTH,
  deepLinksIn,
  devProtocolClient,
  isDeepLink,
} from '../../../src/main/electron/deep-link-args';

const ARTICLE = '01950000-0000-7000-8000-000000001000';
const LINK = `marginalia://open?article=${ARTICLE}`;

describe('deepLinksIn', () => {
  it('finds the link among a packaged app’s arguments (Windows, Linux)', () => {
    expect(deepLinksIn(['C:\\Program Files\\Marginalia\\Marginalia.exe', LINK])).toEqual([LINK]);
  });

  it('finds it after the switches Chromium adds to a second instance’s argv', () => {
    const argv = ['/opt/Marginalia/marginalia', '--allow-file-access-from-files', LINK];
    expect(deepLinksIn(argv)).toEqual([LINK]);
  });

  it('finds it after the app folder in development', () => {
    expect(deepLinksIn(['/usr/bin/electron', '/home/me/marginalia', LINK])).toEqual([LINK]);
  });

  it('keeps several links, in order', () => {
    const second = `${LINK}&annotation=01950000-0000-7000-8000-000000001001`;
    expect(deepLinksIn(['app', LINK, '--flag', second])).toEqual([LINK, second]);
  });

  it('ignores everything that is not a marginalia:// link', () => {
    expect(
      deepLinksIn([
        'app',
        '.',
        '--data-dir',
        '/tmp/lib',
        'https://example.com/',
        'marginalia:open',
        'marginalia:/open',
        ' marginalia://open',
        'xmarginalia://open',
        'file:///marginalia://open',
      ]),
    ).toEqual([]);
    expect(deepLinksIn([])).toEqual([]);
  });

  it('takes the scheme in any case (RFC 3986); the renderer parses the rest', () => {
    expect(deepLinksIn(['app', `MARGINALIA://open?article=${ARTICLE}`])).toHaveLength(1);
    // Not parsed here: an odd link still goes on, and parseDeepLink refuses it.
    expect(deepLinksIn(['app', 'marginalia://elsewhere'])).toEqual(['marginalia://elsewhere']);
  });

  it('drops links of 2048 characters or more', () => {
    const long = (length: number) => LINK + 'x'.repeat(length - LINK.length);
    expect(deepLinksIn([long(MAX_DEEP_LINK_LENGTH - 1)])).toHaveLength(1);
    expect(deepLinksIn([long(MAX_DEEP_LINK_LENGTH)])).toEqual([]);
    expect(deepLinksIn([long(100_000)])).toEqual([]);
  });

  it('ignores values that are not strings (argv is untyped at the edges)', () => {
    expect(deepLinksIn([undefined, null, 42, { url: LINK }, [LINK], LINK])).toEqual([LINK]);
    expect(isDeepLink(LINK)).toBe(true);
    expect(isDeepLink(undefined)).toBe(false);
  });
});

describe('devProtocolClient', () => {
  const resolve = (p: string) => path.posix.resolve('/home/me/marginalia', p);

  it('runs the Electron binary with the app folder, made absolute', () => {
    expect(devProtocolClient('/usr/bin/electron', ['/usr/bin/electron', '.'], resolve)).toEqual({
      path: '/usr/bin/electron',
      args: ['/home/me/marginalia'],
    });
  });

  it('skips switches before the app folder', () => {
    const argv = ['/usr/bin/electron', '--inspect=5858', 'out/main/index.js', '--data-dir', 'x'];
    expect(devProtocolClient('/usr/bin/electron', argv, resolve)).toEqual({
      path: '/usr/bin/electron',
      args: ['/home/me/marginalia/out/main/index.js'],
    });
  });

  it('is null when there is no app folder, or only a link', () => {
    expect(devProtocolClient('/usr/bin/electron', ['/usr/bin/electron'], resolve)).toBeNull();
    expect(devProtocolClient('e', ['e', '--no-sandbox', LINK], resolve)).toBeNull();
  });
});
