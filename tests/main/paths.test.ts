import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_NAME,
  DATABASE_FILE,
  defaultDataDir,
  projectRoot,
  resolveDataDir,
  resourcesDir,
} from '../../src/main/paths';
import { SAMPLE_FILE_NAME } from '../../src/main/sample';
import { useTempDirs } from './helpers';

const tempDir = useTempDirs('marginalia-paths-');
const HOME = '/home/reader';

describe('defaultDataDir (Electron userData for an app named Marginalia)', () => {
  it('linux: $XDG_CONFIG_HOME/Marginalia when set', () => {
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/srv/config' }, HOME)).toBe(
      path.join('/srv/config', 'Marginalia'),
    );
  });

  it('linux: ~/.config/Marginalia by default, and when XDG_CONFIG_HOME is empty', () => {
    expect(defaultDataDir('linux', {}, HOME)).toBe('/home/reader/.config/Marginalia');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '' }, HOME)).toBe(
      '/home/reader/.config/Marginalia',
    );
  });

  it('other Unix systems follow the XDG rule too', () => {
    expect(defaultDataDir('freebsd', {}, HOME)).toBe('/home/reader/.config/Marginalia');
  });

  it('darwin: ~/Library/Application Support/Marginalia, whatever XDG says', () => {
    expect(defaultDataDir('darwin', {}, '/Users/reader')).toBe(
      '/Users/reader/Library/Application Support/Marginalia',
    );
    expect(defaultDataDir('darwin', { XDG_CONFIG_HOME: '/elsewhere' }, '/Users/reader')).toBe(
      '/Users/reader/Library/Application Support/Marginalia',
    );
  });

  it('win32: %APPDATA%\\Marginalia, else <home>\\AppData\\Roaming\\Marginalia', () => {
    const appData = 'C:\\Users\\reader\\AppData\\Roaming';
    expect(defaultDataDir('win32', { APPDATA: appData }, 'C:\\Users\\reader')).toBe(
      path.join(appData, APP_NAME),
    );
    expect(defaultDataDir('win32', {}, 'C:\\Users\\reader')).toBe(
      path.join('C:\\Users\\reader', 'AppData', 'Roaming', APP_NAME),
    );
    // XDG means nothing on Windows.
    expect(
      defaultDataDir('win32', { APPDATA: appData, XDG_CONFIG_HOME: '/x' }, 'C:\\Users\\reader'),
    ).toBe(path.join(appData, APP_NAME));
  });

  it('names the app and the database file as the desktop app does', () => {
    expect(APP_NAME).toBe('Marginalia');
    expect(DATABASE_FILE).toBe('marginalia.db');
  });
});

describe('resolveDataDir', () => {
  it('an explicit folder wins over MARGINALIA_DATA_DIR', () => {
    expect(resolveDataDir('/data/explicit', { MARGINALIA_DATA_DIR: '/data/env' })).toBe(
      '/data/explicit',
    );
  });

  it('MARGINALIA_DATA_DIR wins over the default', () => {
    expect(resolveDataDir(undefined, { MARGINALIA_DATA_DIR: '/data/env' })).toBe('/data/env');
  });

  it("falls back to the desktop app's folder when neither is given, or the variable is empty", () => {
    const fallback = path.resolve(defaultDataDir());
    expect(resolveDataDir(undefined, {})).toBe(fallback);
    expect(resolveDataDir(undefined, { MARGINALIA_DATA_DIR: '' })).toBe(fallback);
    expect(path.isAbsolute(fallback)).toBe(true);
    expect(path.basename(fallback)).toBe(APP_NAME);
  });

  it('answers absolute paths, resolving relative ones against the working folder', () => {
    expect(resolveDataDir('lib', {})).toBe(path.resolve(process.cwd(), 'lib'));
    expect(resolveDataDir(undefined, { MARGINALIA_DATA_DIR: 'env/lib' })).toBe(
      path.resolve(process.cwd(), 'env/lib'),
    );
    expect(resolveDataDir('/a/b/../c', {})).toBe('/a/c');
  });
});

describe('projectRoot and resourcesDir', () => {
  it("finds Marginalia's own folder, which holds the sample", () => {
    const root = projectRoot();
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      name: string;
    };
    expect(manifest.name).toBe('marginalia');
    expect(fs.existsSync(path.join(resourcesDir(root), 'sample', SAMPLE_FILE_NAME))).toBe(true);
    expect(resourcesDir(root)).toBe(path.join(root, 'resources'));
  });

  it("walks up past other projects' package.json to Marginalia's", () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'marginalia' }));
    const nested = path.join(root, 'node_modules', 'dep', 'lib');
    fs.mkdirSync(nested, { recursive: true });
    fs.writeFileSync(
      path.join(root, 'node_modules', 'dep', 'package.json'),
      JSON.stringify({ name: 'dep' }),
    );
    expect(projectRoot(nested)).toBe(root);
  });

  it('throws when there is no Marginalia folder above', () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'not-marginalia' }));
    expect(() => projectRoot(root)).toThrow(/cannot find/);
  });
});
