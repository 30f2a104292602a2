/**
 * The service's ways in beside a single file: importing files and folders by path as a job (its
 * progress, its report, Cancel between files), "already in your library" by text and by address
 * (nothing stored), a paste, a new title, and the images of a saved "Web page, complete".
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { resourcesDir } from '../../src/main/paths';
import { readSample } from '../../src/main/sample';
import { createService, type Service } from '../../src/main/service';
import { openDatabase } from '../../src/main/store/connection';
import { savedPageResources } from '../../src/main/import/saved-page-resources';
import { importPaths } from '../../src/main/import/import-paths';
import { ServiceError } from '../../src/shared/contract/errors';
import { normalizeAddress, pageCanonicalAddress } from '../../src/main/import/web-address';
import { createDirectJobClient, type ImportProgress } from '../../src/shared/contract/jobs';
import { createDirectClient } from '../../src/shared/contract/direct';
import { idSource, serviceErrorOf, tickingClock, useTempDirs } from './helpers';

const tempDir = useTempDirs('marginalia-service-import-');
const openDbs: Database[] = [];
afterEach(() => {
  for (const db of openDbs.splice(0)) if (db.open) db.close();
});

function harness(): { db: Database; service: Service } {
  const { db } = openDatabase(path.join(tempDir(), 'marginalia.db'));
  openDbs.push(db);
  const service = createService({
    db,
    newId: idSource(),
    now: tickingClock(),
    sample: readSample(resourcesDir()),
  });
  return { db, service };
}

const snapshot = (db: Database) =>
  JSON.stringify(db.prepare('SELECT id, title, deleted_at FROM articles ORDER BY id').all());

function folder(files: Record<string, string | Uint8Array>): string {
  const root = tempDir();
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  return root;
}

const text = (title: string, body = `A body of words about ${title}.`) => `${title}\n\n${body}\n`;

describe('importFiles (the job)', () => {
  it('walks a folder in name order, reports progress for each file, and answers a line per file', async () => {
    const { service } = harness();
    const root = folder({
      'a.txt': text('Alpha'),
      'b.md': '# Bravo\n\nBody.\n',
      'nested/c.txt': text('Charlie'),
      'picture.txt': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0]),
      'slides.pptx': 'not ours',
      '.DS_Store': 'hidden',
    });
    const events: ImportProgress[] = [];
    const report = await createDirectJobClient(service.jobs).run(
      'importFiles',
      { paths: [root] },
      { onProgress: (e) => events.push(e) },
    );
    const name = path.basename(root);
    expect(report.cancelled).toBe(false);
    expect(report.items.map((i) => [i.file, i.status])).toEqual([
      [`${name}/a.txt`, 'imported'],
      [`${name}/b.md`, 'imported'],
      [`${name}/nested/c.txt`, 'imported'],
      [`${name}/picture.txt`, 'refused'],
    ]);
    expect(report.items[3]!.reason).toMatch(/PNG/);
    // Not an article by its type: left aside and counted, not read.
    expect(report.skipped).toBe(1);
    expect(report.stoppedBy).toBeNull();
    expect(events[0]).toEqual({ done: 0, total: 4, current: null });
    expect(events.at(-1)).toEqual({ done: 4, total: 4, current: null });
    expect(events.map((e) => e.current).filter(Boolean)).toContain(`${name}/nested/c.txt`);
    // The reply carries the new articles' summaries, for the renderer store.
    expect(report.changes.articles.map((a) => a.title).sort()).toEqual([
      'Alpha',
      'Bravo',
      'Charlie',
    ]);
  });

  it('a folder named like a saved page’s resources is walked when no such page is beside it', async () => {
    const { service } = harness();
    const root = folder({
      'story.html':
        '<html><body><article><p>' + 'A saved story. '.repeat(30) + '</p></article></body></html>',
      'story_files/inside.txt': text('Never walked'),
      'tax_files/memo.txt': text('Tax memo'),
    });
    const report = await createDirectJobClient(service.jobs).run('importFiles', { paths: [root] });
    const name = path.basename(root);
    expect(report.items.map((i) => i.file)).toEqual([
      `${name}/story.html`,
      `${name}/tax_files/memo.txt`,
    ]);
  });

  it('a file named on its own that is not an article is refused with the reason', async () => {
    const { service } = harness();
    const root = folder({ 'slides.pptx': 'not ours' });
    const report = await createDirectJobClient(service.jobs).run('importFiles', {
      paths: [path.join(root, 'slides.pptx')],
    });
    expect(report.items).toMatchObject([
      {
        file: 'slides.pptx',
        status: 'refused',
        reason: expect.stringMatching(/Marginalia imports/),
      },
    ]);
  });

  it('R18 a full disk stops the import: what was stored stays and the report says what stopped it', async () => {
    const { db, service } = harness();
    const files = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [`f${i}.txt`, text(`N${i}`, `Body number ${i}.`)]),
    );
    const root = folder(files);
    let imported = 0;
    const report = await importPaths(
      { paths: [root], recursive: true },
      { progress: () => {}, signal: new AbortController().signal },
      (fileName, bytes) => {
        if (imported === 3)
          throw new ServiceError('storage_full', 'The disk or library is full; nothing was saved.');
        imported++;
        return service.importBytes(fileName, bytes);
      },
    );
    expect(report.stoppedBy).toMatch(/full/);
    expect(report.cancelled).toBe(false);
    expect(report.items.filter((i) => i.status === 'imported')).toHaveLength(3);
    expect((db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBe(4);
  });

  it('a fault of ours on one file refuses that file and the others go on', async () => {
    const { service } = harness();
    const root = folder({
      'a.txt': text('Alpha'),
      'b.txt': text('Bravo'),
      'c.txt': text('Charlie'),
    });
    const report = await importPaths(
      { paths: [root], recursive: true },
      { progress: () => {}, signal: new AbortController().signal },
      (fileName, bytes) => {
        if (fileName === 'b.txt') throw new TypeError('x is undefined');
        return service.importBytes(fileName, bytes);
      },
    );
    expect(report.items.map((i) => i.status)).toEqual(['imported', 'refused', 'imported']);
    expect(report.items[1]!.reason).toMatch(/an error in Marginalia/);
    expect(report.items[1]!.reason).not.toMatch(/undefined/);
  });

  it('without subfolders, and with a path that does not exist', async () => {
    const { service } = harness();
    const root = folder({ 'a.txt': text('Alpha'), 'nested/c.txt': text('Charlie') });
    const report = await createDirectJobClient(service.jobs).run('importFiles', {
      paths: [root, path.join(root, 'missing.txt')],
      recursive: false,
    });
    expect(report.items.map((i) => [i.status, i.reason])).toEqual([
      ['refused', 'no such file or folder'],
      ['imported', null],
    ]);
  });

  it('Cancel stops between files: what was finished stays, nothing is half-done', async () => {
    const { db, service } = harness();
    const files = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [
        `f${String(i).padStart(2, '0')}.txt`,
        text(`N${i}`, `Body number ${i}.`),
      ]),
    );
    const root = folder(files);
    const controller = new AbortController();
    const report = await createDirectJobClient(service.jobs).run(
      'importFiles',
      { paths: [root] },
      {
        signal: controller.signal,
        onProgress: (e) => {
          if (e.done === 5) controller.abort();
        },
      },
    );
    expect(report.cancelled).toBe(true);
    const imported = report.items.filter((i) => i.status === 'imported');
    expect(imported.length).toBeGreaterThanOrEqual(5);
    expect(imported.length).toBeLessThan(30);
    // Exactly the reported articles are stored (plus the sample).
    const stored = db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number };
    expect(stored.n).toBe(imported.length + 1);
  });

  it('refuses a request that names no path, before touching anything', async () => {
    const { service } = harness();
    await expect(
      createDirectJobClient(service.jobs).run('importFiles', { paths: [] }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
  });
});

describe('already in your library', () => {
  it('the same text twice: the second stores nothing and names the first', () => {
    const { db, service } = harness();
    const first = service.importBytes('a.txt', Buffer.from(text('Alpha')));
    const before = snapshot(db);
    const second = service.importBytes('copy.txt', Buffer.from(text('Alpha')));
    expect(second.alreadyInLibrary).toBe('content');
    expect(second.article.id).toBe(first.article.id);
    expect(second.changes.articles).toEqual([]);
    expect(snapshot(db)).toBe(before);
  });

  it('two different pages that both name the site front page as their own address are two articles', () => {
    const { service } = harness();
    const page = (words: string) =>
      Buffer.from(
        `<html><head><title>${words}</title><meta property="og:url" content="https://news.example/">` +
          `</head><body><article><p>${words} ${'and more words of the story. '.repeat(20)}</p></article></body></html>`,
      );
    const first = service.importBytes('a.html', page('Talks resume in Geneva.'));
    const second = service.importBytes('b.html', page('Floods recede in the valley.'));
    expect(second.alreadyInLibrary).toBeNull();
    expect(second.article.id).not.toBe(first.article.id);
    expect(first.article.canonicalUrl).toBeNull();
  });

  it('a page that names its own address is found again by it', () => {
    const { service } = harness();
    const page = (words: string) =>
      Buffer.from(
        `<html><head><title>Story</title><link rel="canonical" href="https://news.example/2024/story">` +
          `</head><body><article><p>${words} ${'and more words of the story. '.repeat(20)}</p></article></body></html>`,
      );
    const first = service.importBytes('a.html', page('First version.'));
    expect(first.article.canonicalUrl).toBe('https://news.example/2024/story');
    const again = service.importBytes('b.html', page('Edited version.'));
    expect(again.alreadyInLibrary).toBe('address');
    expect(again.article.id).toBe(first.article.id);
  });

  it('the same address (tracking parameters and fragment aside) is the same page', () => {
    expect(normalizeAddress('HTTPS://Example.org:443/a?utm_source=x&id=2#top')).toBe(
      'https://example.org/a?id=2',
    );
    expect(normalizeAddress('javascript:alert(1)')).toBeNull();
    expect(normalizeAddress('not an address')).toBeNull();
    expect(pageCanonicalAddress('https://news.example/', null)).toBeNull();
    expect(pageCanonicalAddress('https://other.example/a', 'https://news.example/a')).toBeNull();
    expect(pageCanonicalAddress('https://news.example/a', 'https://www.news.example/b')).toBe(
      'https://news.example/a',
    );
  });
});

describe('importPaste and updateArticle', () => {
  it('a pasted text becomes an article titled by its first line; a new title is kept and undoable', async () => {
    const { service } = harness();
    const client = createDirectClient(service);
    const pasted = await client.importPaste({
      html: null,
      text: 'Talks stall in Geneva\n\nThe envoys left without a statement.',
    });
    expect(pasted.alreadyInLibrary).toBeNull();
    expect(pasted.article).toMatchObject({ title: 'Talks stall in Geneva', origin: 'paste' });
    const renamed = await client.updateArticle({ id: pasted.article.id, title: '  Geneva talks ' });
    expect(renamed.previous.title).toBe('Talks stall in Geneva');
    expect(renamed.article.title).toBe('Geneva talks');
    expect(renamed.changes.articles).toEqual([renamed.article]);
  });

  it('pasted HTML goes through the page path: titled by its heading, shown once, nothing hostile kept', async () => {
    const { service } = harness();
    const pasted = service.importPaste({
      html:
        '<h1>Talks resume in Geneva</h1><p onclick="window.x=1">The envoys met for six hours ' +
        'on <a href="javascript:alert(1)">Tuesday</a>.</p><script>window.x=2</script>' +
        '<img src="https://tracker.example/p.gif" alt="A pixel"><p>They will meet again.</p>',
      text: 'ignored when there is HTML',
    });
    expect(pasted.article.title).toBe('Talks resume in Geneva');
    const text = service.articleText(pasted.article.id);
    expect(text.startsWith('Talks resume')).toBe(false);
    expect(text).toContain('The envoys met for six hours on Tuesday.');
    const stored = JSON.stringify(service.getArticle({ id: pasted.article.id }).article.document);
    for (const residue of ['onclick', 'javascript:', 'window.x', 'tracker.example', '<script'])
      expect(stored).not.toContain(residue);
  });

  it('a paste keeps its text as it is, whatever <meta charset> came with it', () => {
    const { service } = harness();
    const pasted = service.importPaste({
      html: '<meta charset="windows-1252"><p>Café — “quoted” naïve résumé; 日本語のテキスト</p>',
      text: null,
    });
    expect(service.articleText(pasted.article.id)).toBe(
      'Café — “quoted” naïve résumé; 日本語のテキスト',
    );
    expect(pasted.warnings).toEqual([]);
  });

  it('R09 a paste of a page is the same article as importing that page', () => {
    const { service } = harness();
    const page = fs.readFileSync(path.join(__dirname, '../fixtures/pages/hostile.html'), 'utf8');
    const imported = service.importBytes('hostile.html', Buffer.from(page));
    const pasted = service.importPaste({ html: page, text: null });
    expect(pasted.alreadyInLibrary).toBe('content');
    expect(pasted.article.id).toBe(imported.article.id);
  });

  it('refuses an empty clipboard and an empty title, storing nothing', async () => {
    const { db, service } = harness();
    const client = createDirectClient(service);
    const before = snapshot(db);
    await expect(client.importPaste({ html: ' ', text: '' })).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/clipboard holds no text/),
    });
    const id = (await client.listArticles({})).articles[0]!.id;
    await expect(client.updateArticle({ id, title: '   ' })).rejects.toMatchObject({
      code: 'invalid_request',
    });
    expect(snapshot(db)).toBe(before);
  });

  it('updateArticle of an unknown article is not_found', () => {
    const { service } = harness();
    const error = serviceErrorOf(() =>
      service.updateArticle({ id: '01950000-0000-7000-8000-0000000000ff', title: 'x' }),
    );
    expect(error.code).toBe('not_found');
  });
});

describe('a saved "Web page, complete"', () => {
  it('R10 reads only the files inside the page’s own _files folder', () => {
    const root = folder({
      'page.html': '<p>x</p>',
      'page_files/photo.png': Uint8Array.from([0x89, 0x50, 0x4e, 0x47]),
      'page_files/sub/deep.png': Uint8Array.from([1]),
      'secret.txt': 'outside',
    });
    const read = savedPageResources(path.join(root, 'page.html'))!;
    expect(read).not.toBeNull();
    expect(read('page_files/photo.png')).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(read('./page_files/photo.png?v=1#x')).not.toBeNull();
    expect(read('page_files/sub/deep.png')).not.toBeNull();
    expect(read('page_files/../secret.txt')).toBeNull();
    expect(read('page_files%2F..%2Fsecret.txt')).toBeNull();
    expect(read('secret.txt')).toBeNull();
    expect(read(path.join(root, 'secret.txt'))).toBeNull();
    expect(read('file:///etc/passwd')).toBeNull();
    expect(read('page_files')).toBeNull();
    expect(read('page_files/missing.png')).toBeNull();
    expect(savedPageResources(path.join(root, 'other.html'))).toBeNull();
  });

  it('R10 a symbolic link inside the folder that leads outside is not followed', () => {
    const root = folder({ 'page.html': '<p>x</p>', 'page_files/a.png': '1', 'secret.txt': 's' });
    fs.symlinkSync(path.join(root, 'secret.txt'), path.join(root, 'page_files', 'link.png'));
    fs.symlinkSync(root, path.join(root, 'page_files', 'up'));
    const read = savedPageResources(path.join(root, 'page.html'))!;
    expect(read('page_files/link.png')).toBeNull();
    expect(read('page_files/up/secret.txt')).toBeNull();
  });
});

describe('importUrl (the job behind Add from URL)', () => {
  it('reports fetching then reading, and Cancel during the fetch stores nothing', async () => {
    const server = http.createServer((req, res) => {
      if (req.url === '/slow') {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.write('<html><body><article><p>');
        return; // never ends: the job is cancelled meanwhile
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        '<html><head><title>Quick story</title></head><body><article><p>' +
          'The quick story has words enough to be an article. '.repeat(10) +
          '</p></article></body></html>',
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { db, service } = harness();
      const jobs = createDirectJobClient(service.jobs);
      const phases: string[] = [];
      const outcome = await jobs.run(
        'importUrl',
        { url: `${base}/quick` },
        { onProgress: (p) => phases.push(p.phase) },
      );
      expect(phases).toEqual(['fetching', 'reading']);
      expect(outcome.article).toMatchObject({ title: 'Quick story', origin: 'address' });

      const before = snapshot(db);
      const controller = new AbortController();
      const slow = jobs.run('importUrl', { url: `${base}/slow` }, { signal: controller.signal });
      setTimeout(() => controller.abort(), 100);
      await expect(slow).rejects.toMatchObject({ message: expect.stringMatching(/cancelled/) });
      expect(snapshot(db)).toBe(before);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
