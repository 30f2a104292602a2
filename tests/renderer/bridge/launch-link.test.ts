/**
 * Web mode's `#open=<link>` beside `#token=`: both are read from the first address, the link
 * first (reading the token clears the fragment); and the desktop bridge is found only when whole.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { desktopBridge } from '../../../src/renderer/src/bridge/desktop';
import { readOpenLink, readToken } from '../../../src/renderer/src/bridge/http-bridge';

const LINK =
  'marginalia://open?article=01950000-0000-7000-8000-000000000001&annotation=0190a000-0000-7000-8000-000000000002';
const start = location.pathname + location.search;

afterEach(() => {
  history.replaceState(null, '', start);
  sessionStorage.clear();
});

describe('readOpenLink', () => {
  it('takes the link out of the address and leaves the token for readToken', () => {
    history.replaceState(null, '', `${start}#token=abc_123&open=${encodeURIComponent(LINK)}`);
    expect(readOpenLink()).toBe(LINK);
    expect(location.hash).toBe('#token=abc_123');
    expect(readToken()).toBe('abc_123');
    expect(location.hash).toBe('');
    expect(sessionStorage.getItem('marginalia.token')).toBe('abc_123');
  });

  it('works with the link first, or alone', () => {
    history.replaceState(null, '', `${start}#open=${encodeURIComponent(LINK)}&token=t0k`);
    expect(readOpenLink()).toBe(LINK);
    expect(readToken()).toBe('t0k');

    history.replaceState(null, '', `${start}#open=${encodeURIComponent(LINK)}`);
    expect(readOpenLink()).toBe(LINK);
    expect(location.hash).toBe('');
  });

  it('answers null without a link, and leaves the address alone', () => {
    history.replaceState(null, '', `${start}#token=abc`);
    expect(readOpenLink()).toBeNull();
    expect(location.hash).toBe('#token=abc');
  });

  it('hands on what cannot be decoded as it is, for the app to refuse', () => {
    history.replaceState(null, '', `${start}#open=%E0%A4%A`);
    expect(readOpenLink()).toBe('%E0%A4%A');
  });
});

describe('desktopBridge', () => {
  it('is null in web mode and for a partial bridge', () => {
    expect(desktopBridge({} as Window)).toBeNull();
    const partial = { marginalia: { desktop: { saveFile: () => {} } } };
    expect(desktopBridge(partial as unknown as Window)).toBeNull();
  });

  it('is the desktop object when it offers every method', () => {
    const desktop = {
      saveFile: () => {},
      chooseFolder: () => {},
      chooseImportFiles: () => {},
      pathForFile: () => null,
      onCommand: () => () => {},
    };
    expect(desktopBridge({ marginalia: { desktop } } as unknown as Window)).toBe(desktop);
  });
});
