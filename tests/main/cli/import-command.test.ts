/**
 * `marginalia import` of folders and addresses: a report per file, duplicates on stderr (not a
 * failure), refusals named with their reason, and pages fetched from a local server.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../src/main/cli/index';
import { SAMPLE_ARTICLE_ID } from '../../../src/main/sample';
import { useTempDirs } from '../helpers';
import { cli, lines } from './capture';

const tempDir = useTempDirs('marginalia-cli-import-');

const PAGE = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title>
  <meta name="author" content="Ana Reporter"></head><body><article><h1>${title}</h1>
  ${Array.from({ length: 6 }, (_, i) => `<p>${body} Paragraph ${i} carries enough words to be read as the article's text by the extractor.</p>`).join('\n')}
  </article></body></html>`;

function folderOfPages() {
  const root = tempDir();
  const data = path.join(root, 'library');
  const folder = path.join(root, 'saved');
  fs.mkdirSync(path.join(folder, 'sub'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'a.html'), PAGE('First page', 'The envoy denied it.'));
  fs.writeFileSync(path.join(folder, 'b.md'), '# Second page\n\nBody of the second page.\n');
  fs.writeFileSync(path.join(folder, 'photo.txt'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1]));
  fs.writeFileSync(path.join(folder, 'sub', 'c.txt'), 'Third page\n\nIn a subfolder.\n');
  fs.writeFileSync(path.join(folder, '.hidden.txt'), 'Hidden\n\nnever imported\n');
  fs.writeFileSync(path.join(folder, 'cover.jpg'), Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]));
  return { data, folder };
}

async function titles(data: string): Promise<string[]> {
  const run = await cli(['--data-dir', data, 'list', '--json']);
  return (JSON.parse(run.stdout) as { id: string; title: string }[])
    .filter((a) => a.id !== SAMPLE_ARTICLE_ID)
    .map((a) => a.title)
    .sort();
}

describe('marginalia import <folder>', () => {
  it('imports every article in the folder and its subfolders, and names each refusal', async () => {
    const { data, folder } = folderOfPages();
    const run = await cli(['--data-dir', data, 'import', folder]);
    expect(run.code).toBe(1); // one file refused
    expect(
      lines(run.stdout)
        .map((l) => l.split('\t')[1])
        .sort(),
    ).toEqual(['First page', 'Second page', 'Third page']);
    expect(run.stderr).toMatch(/refused: saved\/photo\.txt: .*PNG/);
    expect(run.stderr).toMatch(
      /3 imported, 0 already in your library, 1 refused, 1 other file left aside/,
    );
    expect(run.stderr).not.toContain('.hidden');
    expect(await titles(data)).toEqual(['First page', 'Second page', 'Third page']);
  });

  it('draws its progress: started with the total, one step per file, stopped at the end', async () => {
    const { data, folder } = folderOfPages();
    const calls: string[] = [];
    const io: CliIo = {
      stdout: () => {},
      stderr: () => {},
      env: {},
      progressBar: () => ({
        start: (total, value) => void calls.push(`start ${value}/${total}`),
        update: (value, { file }) => void calls.push(`${value} ${file}`),
        stop: () => void calls.push('stop'),
      }),
    };
    await runCli(['--data-dir', data, 'import', folder], io);
    expect(calls[0]).toBe('start 0/4');
    expect(calls).toContain('2 saved/photo.txt');
    expect(calls.at(-2)).toBe('4 ');
    expect(calls.at(-1)).toBe('stop');
  });

  it('--no-recursive leaves subfolders alone', async () => {
    const { data, folder } = folderOfPages();
    fs.rmSync(path.join(folder, 'photo.txt'));
    const run = await cli(['--data-dir', data, 'import', '--no-recursive', folder]);
    expect(run.code).toBe(0);
    expect(await titles(data)).toEqual(['First page', 'Second page']);
  });

  it('a second import of the same folder stores nothing and says "already in your library", exit 0', async () => {
    const { data, folder } = folderOfPages();
    fs.rmSync(path.join(folder, 'photo.txt'));
    expect((await cli(['--data-dir', data, 'import', folder])).code).toBe(0);
    const again = await cli(['--data-dir', data, 'import', folder]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(lines(again.stderr).filter((l) => l.includes('already in your library'))).toHaveLength(
      4,
    ); // three lines and the summary
    expect(again.stderr).toMatch(/0 imported, 3 already in your library, 0 refused/);
    expect(await titles(data)).toEqual(['First page', 'Second page', 'Third page']);
  });

  it('a named file already in the library: stderr says so, nothing stored, exit 0', async () => {
    const { data, folder } = folderOfPages();
    const file = path.join(folder, 'b.md');
    expect((await cli(['--data-dir', data, 'import', file])).code).toBe(0);
    const again = await cli(['--data-dir', data, 'import', file]);
    expect(again).toMatchObject({ code: 0, stdout: '' });
    expect(again.stderr).toMatch(/b\.md: already in your library \(the same text\)/);
    expect(await titles(data)).toEqual(['Second page']);
  });
});

describe('marginalia import <address>', () => {
  let server: http.Server;
  let base = '';
  const seen: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(req.url ?? '');
      if (req.url === '/old') {
        res.writeHead(301, { Location: '/news/story' });
        res.end();
      } else if (req.url === '/news/story') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(PAGE('Fetched story', 'The minister said so.'));
      } else if (req.url === '/image') {
        res.writeHead(200, { 'Content-Type': 'image/png' });
        res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      } else {
        res.writeHead(404);
        res.end('no');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches the page behind a redirect and keeps the final address as its source', async () => {
    const data = path.join(tempDir(), 'library');
    const run = await cli(['--data-dir', data, 'import', `${base}/old`]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [id, title] = lines(run.stdout)[0]!.split('\t');
    expect(title).toBe('Fetched story');
    const shown = await cli(['--data-dir', data, 'show', id!, '--format', 'json']);
    const article = JSON.parse(shown.stdout) as { sourceUrl: string; origin: string };
    expect(article.sourceUrl).toBe(`${base}/news/story`);
    expect(article.origin).toBe('address');

    // The same address again: found in the library before any request is made.
    const before = seen.length;
    const again = await cli(['--data-dir', data, 'import', `${base}/news/story`]);
    expect(again).toMatchObject({ code: 0, stdout: '' });
    expect(again.stderr).toMatch(/already in your library \(the same address\)/);
    expect(seen.length).toBe(before);
  });

  it('refuses a page that is not an article, naming its type, and stores nothing', async () => {
    const data = path.join(tempDir(), 'library');
    const run = await cli(['--data-dir', data, 'import', `${base}/image`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/image\/png/);
    expect(await titles(data)).toEqual([]);
  });

  it('an address that is not http(s) is refused by its scheme, with no file looked for', async () => {
    const data = path.join(tempDir(), 'library');
    const run = await cli(['--data-dir', data, 'import', 'ftp://files.example/story.html']);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/no such file/);
    expect(run.stderr).toMatch(/ftp/);
  });

  it('a 404 is a clear failure', async () => {
    const data = path.join(tempDir(), 'library');
    const run = await cli(['--data-dir', data, 'import', `${base}/missing`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/404/);
  });
});
