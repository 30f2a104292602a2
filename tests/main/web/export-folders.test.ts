import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../src/main/library';
import { checkExportFolder, resolveExportFolders } from '../../../src/main/web/export-folders';
import { startWebServer, type WebServer } from '../../../src/main/web/server';
import { useTempDirs } from '../helpers';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const tempDir = useTempDirs('marginalia-web-export-');

/** A fresh layout: root/vault (allowed), root/outside, and a library in root/data. */
function layout() {
  const root = fs.realpathSync.native(tempDir());
  const vault = path.join(root, 'vault');
  const outside = path.join(root, 'outside');
  const staticDir = path.join(root, 'static');
  for (const dir of [vault, outside, staticDir]) fs.mkdirSync(dir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
  return { root, vault, outside, staticDir };
}

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((name) => fs.statSync(path.join(dir, name)).isFile())
    .sort();
}

let running: { server: WebServer; lib: Library } | null = null;
afterEach(async () => {
  if (!running) return;
  await running.server.close();
  running.lib.close();
  running = null;
});

async function serve(root: string, staticDir: string, exportFolders?: readonly string[]) {
  const lib = openLibrary({ dataDir: path.join(root, 'data') });
  const server = await startWebServer({
    handlers: lib.service,
    staticDir,
    port: 0,
    log: () => {},
    ...(exportFolders ? { exportFolders } : {}),
  });
  running = { server, lib };
  const exportTo = (folder: unknown) =>
    fetch(`http://127.0.0.1:${server.port}/api/exportLibraryToFolder`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
      body: JSON.stringify({ folder }),
    });
  return { exportTo };
}

interface Refusal {
  ok: false;
  error: { code: string; message: string };
}

describe('web export: the folder check', () => {
  it('refuses every folder when none was allowed, saying how to allow one', () => {
    const { vault } = layout();
    const check = checkExportFolder(vault, []);
    expect(check).toMatchObject({ allowed: false, status: 403 });
    expect(check.allowed === false && check.message).toMatch(
      /turned off in web mode.*npm run web -- --export-folder/,
    );
  });

  it('allows the folder itself and folders inside it, answering their real path', () => {
    const { vault } = layout();
    fs.mkdirSync(path.join(vault, 'Marginalia'));
    expect(checkExportFolder(vault, [vault])).toEqual({ allowed: true, folder: vault });
    expect(checkExportFolder(path.join(vault, 'Marginalia'), [vault])).toEqual({
      allowed: true,
      folder: path.join(vault, 'Marginalia'),
    });
    expect(checkExportFolder(`${vault}/./Marginalia/`, [vault])).toEqual({
      allowed: true,
      folder: path.join(vault, 'Marginalia'),
    });
  });

  it('refuses a sibling, a parent, a look-alike prefix and a relative path', () => {
    const { root, vault, outside } = layout();
    fs.mkdirSync(`${vault}-evil`);
    for (const folder of [outside, root, '/', `${vault}-evil`, 'vault', `${vault}/../outside`]) {
      const check = checkExportFolder(folder, [vault]);
      expect(check, folder).toMatchObject({ allowed: false, status: 403 });
      expect(check.allowed === false && check.message, folder).toContain(
        `npm run web -- --export-folder`,
      );
    }
  });

  it('follows symlinks before comparing: a link inside that leads out is refused', () => {
    const { vault, outside } = layout();
    fs.mkdirSync(path.join(outside, 'deep'));
    fs.symlinkSync(outside, path.join(vault, 'escape'));
    fs.symlinkSync(path.join(outside, 'deep'), path.join(vault, 'deep-link'));
    expect(checkExportFolder(path.join(vault, 'escape'), [vault])).toMatchObject({
      allowed: false,
      status: 403,
    });
    // As text, "deep-link/.." is the vault; on disk it is `outside`.
    expect(checkExportFolder(path.join(vault, 'deep-link') + '/..', [vault])).toMatchObject({
      allowed: false,
      status: 403,
    });
  });

  it('follows symlinks the other way too: an allowed folder reached through a link is allowed', () => {
    const { root, vault } = layout();
    const link = path.join(root, 'vault-link');
    fs.symlinkSync(vault, link);
    const allowed = resolveExportFolders([link]);
    expect(allowed).toEqual([vault]);
    expect(checkExportFolder(link, allowed)).toEqual({ allowed: true, folder: vault });
    expect(checkExportFolder(vault, allowed)).toEqual({ allowed: true, folder: vault });
  });

  it('says "not found" for a missing folder only inside an allowed one', () => {
    const { vault, outside } = layout();
    expect(checkExportFolder(path.join(vault, 'missing'), [vault])).toMatchObject({
      allowed: false,
      status: 404,
      message: expect.stringContaining('there is no folder at'),
    });
    expect(checkExportFolder(path.join(outside, 'missing'), [vault])).toMatchObject({
      allowed: false,
      status: 403,
    });
  });

  it('refuses to start with an allowed folder that is missing or a file, naming it', () => {
    const { root, vault } = layout();
    const file = path.join(root, 'notes.md');
    fs.writeFileSync(file, 'x');
    expect(() => resolveExportFolders([path.join(root, 'nope')])).toThrow(
      /--export-folder .*nope: there is no folder there/,
    );
    expect(() => resolveExportFolders([file])).toThrow(/notes\.md: that is a file, not a folder/);
    expect(resolveExportFolders(['vault', vault], root)).toEqual([vault]);
  });
});

describe('web export: over HTTP', () => {
  it('web export: with no folder allowed, folder export is refused with 403 and writes nothing', async () => {
    const { root, vault, staticDir } = layout();
    const { exportTo } = await serve(root, staticDir);
    for (const folder of [vault, '/tmp', 42]) {
      const response = await exportTo(folder);
      expect(response.status, String(folder)).toBe(403);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      const body = (await response.json()) as Refusal;
      expect(body.ok).toBe(false);
      expect(body.error.message).toMatch(/npm run web -- --export-folder/);
    }
    expect(filesUnder(vault)).toEqual([]);
  });

  it('web export: exports inside an allowed folder: the files are written there', async () => {
    const { root, vault, staticDir } = layout();
    fs.mkdirSync(path.join(vault, 'Marginalia'));
    const { exportTo } = await serve(root, staticDir, [vault]);
    const response = await exportTo(path.join(vault, 'Marginalia'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      ok: true;
      value: { folder: string; created: string[] };
    };
    expect(body.value.folder).toBe(path.join(vault, 'Marginalia'));
    expect(body.value.created).toHaveLength(1);
    expect(filesUnder(vault)).toEqual([path.join('Marginalia', body.value.created[0]!)]);
  });

  it('web export: refuses with 403 a folder outside the allowed ones however it is spelt; nothing written', async () => {
    const { root, vault, outside, staticDir } = layout();
    fs.mkdirSync(path.join(outside, 'deep'));
    fs.symlinkSync(outside, path.join(vault, 'escape'));
    fs.symlinkSync(path.join(outside, 'deep'), path.join(vault, 'deep-link'));
    fs.mkdirSync(`${vault}-evil`);
    const { exportTo } = await serve(root, staticDir, [vault]);
    for (const folder of [
      outside,
      `${vault}/../outside`,
      path.join(vault, 'escape'),
      `${path.join(vault, 'deep-link')}/..`,
      `${vault}-evil`,
      'outside',
      root,
    ]) {
      const response = await exportTo(folder);
      expect(response.status, folder).toBe(403);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const body = (await response.json()) as Refusal;
      expect(body.error.message, folder).toContain(`may export only inside ${vault}`);
      expect(body.error.message, folder).toContain('npm run web -- --export-folder');
    }
    expect(filesUnder(outside)).toEqual([]);
    expect(filesUnder(`${vault}-evil`)).toEqual([]);
    expect(fs.readdirSync(root).sort()).toEqual(
      ['data', 'outside', 'static', 'vault', 'vault-evil'].sort(),
    );
  });

  it('R27 a folder that is not a string is still refused by the schema (400), nothing written', async () => {
    const { root, vault, staticDir } = layout();
    const { exportTo } = await serve(root, staticDir, [vault]);
    for (const folder of [42, null, [vault], { path: vault }]) {
      const response = await exportTo(folder);
      expect(response.status, JSON.stringify(folder)).toBe(400);
      expect(((await response.json()) as Refusal).error.code).toBe('invalid_request');
    }
    expect(filesUnder(vault)).toEqual([]);
  });
});

/** Runs `marginalia web` with these arguments until it prints its address, or exits. */
function runWebCommand(args: readonly string[], dataDir: string) {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin/marginalia.js'), '--data-dir', dataDir, 'web', '--no-open', ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    child.once('exit', (code) => resolve({ code, output }));
    const poll = setInterval(() => {
      if (/Marginalia web: /.test(output) && /\n$/.test(output)) {
        clearInterval(poll);
        child.kill('SIGTERM');
      }
    }, 50);
    child.once('exit', () => clearInterval(poll));
  });
}

describe('web export: the command line', () => {
  it('web --export-folder with a missing folder exits 1 naming it', async () => {
    const { root } = layout();
    const run = await runWebCommand(
      ['--port', '0', '--export-folder', path.join(root, 'nope')],
      path.join(root, 'data'),
    );
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/--export-folder .*nope: there is no folder there/);
  }, 60_000);

  it('web --export-folder DIR starts and says which folders it may write to', async (context) => {
    if (!fs.existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) {
      context.skip('the reader is not built (npm run build): web mode does not start without it');
    }
    const { root, vault } = layout();
    const run = await runWebCommand(
      ['--port', '0', '--export-folder', vault, '--export-folder', vault],
      path.join(root, 'data'),
    );
    expect(run.output).toMatch(/Marginalia web: http:\/\/127\.0\.0\.1:\d+\/#token=/);
    expect(run.output.match(/Export to folder allowed in: (.*)/g)).toEqual([
      `Export to folder allowed in: ${vault}`,
    ]);
  }, 60_000);
});
