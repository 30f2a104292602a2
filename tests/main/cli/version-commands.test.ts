/**
 * `marginalia update`, `versions` and `check`: the "Done when" — the sample, revised so
 * that "which Russia denies" reads "which Russia has denied" and the Stoltenberg sentence is
 * gone, imported as a new version prints 1 changed and 1 orphaned among the four counts.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../src/main/cli/index';
import { openLibrary } from '../../../src/main/library';
import { SAMPLE_ARTICLE_ID } from '../../../src/main/sample';
import { UNKNOWN_ID, useTempDirs } from '../helpers';
import { annotateSample } from '../sample-annotations';
import { revisedSampleText, sampleText } from '../versions/fixtures';
import { cli, lines } from './capture';

const tempDir = useTempDirs('marginalia-cli-versions-');
const TITLE = 'Negotiations continue between Western and Russian diplomats';
const HANG = 'hang';

/** A library folder holding the annotated sample, and a folder for files. */
function annotatedLibrary() {
  const root = tempDir();
  const data = path.join(root, 'library');
  const library = openLibrary({ dataDir: data });
  try {
    annotateSample(library.service);
  } finally {
    library.close();
  }
  const write = (name: string, content: string) => {
    const file = path.join(root, name);
    fs.writeFileSync(file, content);
    return file;
  };
  return { data, write };
}

describe('marginalia update', () => {
  it('imports the revised sample as version 2 and prints changed 1 and orphaned 1', async () => {
    const { data, write } = annotatedLibrary();
    const file = write('revised.txt', revisedSampleText());
    const run = await cli(['--data-dir', data, 'update', SAMPLE_ARTICLE_ID, file]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const out = lines(run.stdout);
    expect(out[0]).toBe(`updated: version 2 of "${TITLE}"`);
    expect(out[1]).toMatch(/^unchanged \d+, moved \d+, changed 1, orphaned 1$/);

    const again = await cli(['--data-dir', data, 'update', SAMPLE_ARTICLE_ID, file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('unchanged: the text is the same as version 2\n');

    const versions = await cli(['--data-dir', data, 'versions', SAMPLE_ARTICLE_ID]);
    expect(versions.code).toBe(0);
    const rows = lines(versions.stdout).map((l) => l.split('\t'));
    expect(rows.map((r) => r[0])).toEqual(['1', '2*']);
    expect(rows[1]?.[2]).toBe('file revised.txt');
    expect(rows[1]?.[3]).toMatch(/changed 1, orphaned 1$/);
  });

  it('--json prints the outcome', async () => {
    const { data, write } = annotatedLibrary();
    const file = write('revised.txt', revisedSampleText());
    const run = await cli(['--data-dir', data, 'update', SAMPLE_ARTICLE_ID, file, '--json']);
    expect(run.code).toBe(0);
    const outcome = JSON.parse(run.stdout) as { status: string; report: { changed: number } };
    expect(outcome).toMatchObject({ status: 'updated', report: { changed: 1, orphaned: 1 } });
  });

  it('fails with one line for a missing file, an unknown article, or no address', async () => {
    const { data, write } = annotatedLibrary();
    const missing = await cli(['--data-dir', data, 'update', SAMPLE_ARTICLE_ID, '/no/such.txt']);
    expect(missing).toMatchObject({ code: 1, stderr: 'marginalia: /no/such.txt: no such file\n' });
    const file = write('same.txt', sampleText());
    const unknown = await cli(['--data-dir', data, 'update', UNKNOWN_ID, file]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no article with id/);
    const noAddress = await cli(['--data-dir', data, 'update', SAMPLE_ARTICLE_ID]);
    expect(noAddress.code).toBe(1);
    expect(noAddress.stderr).toMatch(/no source address/);
  });
});

describe('marginalia update URL and check', () => {
  let server: http.Server;
  let base = '';
  let body = '';
  beforeEach(async () => {
    body = revisedSampleText();
    server = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      if (body === HANG) res.write('The first words');
      else res.end(body); // HANG: never ends, the check is cancelled meanwhile
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('updates from an address, then check finds it unchanged, with a progress bar', async () => {
    const { data } = annotatedLibrary();
    const url = `${base}/negotiations.txt`;
    const run = await cli(['--data-dir', data, 'update', SAMPLE_ARTICLE_ID, url]);
    expect(run.code).toBe(0);
    expect(lines(run.stdout)[1]).toMatch(/changed 1, orphaned 1$/);

    const calls: string[] = [];
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      env: {},
      progressBar: () => ({
        start: (total, value) => void calls.push(`start ${value}/${total}`),
        update: (value, { file }) => void calls.push(`${value} ${file}`),
        stop: () => void calls.push('stop'),
      }),
    };
    expect(await runCli(['--data-dir', data, 'check', '--all'], io)).toBe(0);
    expect(stdout).toBe(`unchanged\t${SAMPLE_ARTICLE_ID}\t${TITLE}\n`);
    expect(stderr).toBe('0 updated, 1 unchanged, 0 failed, 0 skipped\n');
    expect(calls).toEqual(['start 0/1', `0 ${TITLE}`, '1 ', 'stop']);

    body = revisedSampleText().replace('In December of 2021', 'In early December of 2021');
    const updated = await cli(['--data-dir', data, 'check', SAMPLE_ARTICLE_ID]);
    expect(updated.code).toBe(0);
    expect(updated.stdout).toMatch(
      new RegExp(`^updated\\t${SAMPLE_ARTICLE_ID}\\t${TITLE}\\tunchanged \\d+, moved \\d+`),
    );
  });

  it('Ctrl+C stops the check cleanly: the fetch is aborted, nothing stored, exit 1', async () => {
    const { data } = annotatedLibrary();
    const url = `${base}/negotiations.txt`;
    expect((await cli(['--data-dir', data, 'update', SAMPLE_ARTICLE_ID, url])).code).toBe(0);
    body = HANG;
    const before = process.listeners('SIGINT');
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      env: {},
      progressBar: () => ({
        // Ctrl+C while the page is being fetched: the listener the command added is called.
        start: () => {
          const added = process.listeners('SIGINT').filter((l) => !before.includes(l));
          expect(added).toHaveLength(1);
          setTimeout(() => added[0]!('SIGINT'), 50);
        },
        update: () => {},
        stop: () => {},
      }),
    };
    expect(await runCli(['--data-dir', data, 'check', '--all'], io)).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Cancelled: 0 updated, 0 unchanged, 0 failed, 0 skipped\n/);
    expect(stderr).toMatch(/marginalia: cancelled/);
    expect(process.listeners('SIGINT')).toEqual(before);
    const versions = await cli(['--data-dir', data, 'versions', SAMPLE_ARTICLE_ID]);
    expect(lines(versions.stdout)).toHaveLength(2);
  });

  it('exits 1 when an article could not be checked, and asks for an id or --all', async () => {
    const { data } = annotatedLibrary();
    const failed = await cli(['--data-dir', data, 'check', UNKNOWN_ID]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^failed\t/);
    expect(failed.stderr).toMatch(/0 updated, 0 unchanged, 1 failed, 0 skipped/);
    const skipped = await cli(['--data-dir', data, 'check', SAMPLE_ARTICLE_ID]);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toMatch(/^skipped\t.*no source address/);
    expect((await cli(['--data-dir', data, 'check'])).code).toBe(2);
  });
});
