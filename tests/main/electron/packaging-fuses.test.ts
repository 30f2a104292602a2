/**
 * The packaging config sets every Electron fuse deliberately (Electron's security checklist, item
 * 19). Packaging itself downloads Electron from GitHub and cannot run here; this reads the config
 * electron-builder would use and checks it against the fuses @electron/fuses knows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const CONFIG = path.resolve(import.meta.dirname, '../../../electron-builder.yml');

interface BuilderConfig {
  readonly asar?: boolean;
  readonly files?: string[];
  readonly electronFuses?: Record<string, unknown>;
}

const config = parse(fs.readFileSync(CONFIG, 'utf8')) as BuilderConfig;
const fuses = config.electronFuses ?? {};

/** electron-builder names each fuse after @electron/fuses' option, first letter lower-cased. */
const builderName = (option: string) => option[0]!.toLowerCase() + option.slice(1);

describe('Electron fuses in electron-builder.yml', () => {
  it.each([
    ['RunAsNode', false],
    ['EnableNodeOptionsEnvironmentVariable', false],
    ['EnableNodeCliInspectArguments', false],
    ['EnableEmbeddedAsarIntegrityValidation', true],
    ['OnlyLoadAppFromAsar', true],
    ['EnableCookieEncryption', true],
    ['GrantFileProtocolExtraPrivileges', false],
    ['LoadBrowserProcessSpecificV8Snapshot', false],
  ] as const)('sets %s to %s', (option, wanted) => {
    expect(option in FuseV1Options).toBe(true);
    expect(fuses[builderName(option)]).toBe(wanted);
  });

  it('decides every fuse @electron/fuses knows, and names no fuse it does not', () => {
    const known = Object.keys(FuseV1Options)
      .filter((key) => Number.isNaN(Number(key)))
      .map(builderName);
    expect(Object.keys(fuses).sort()).toEqual(known.sort());
    for (const value of Object.values(fuses)) expect(typeof value).toBe('boolean');
  });

  it('packages the app into app.asar, which OnlyLoadAppFromAsar and the integrity check need', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toContain('out/**');
  });
});
