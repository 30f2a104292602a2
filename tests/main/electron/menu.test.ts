/**
 * The native menu's template, checked under Node: 'electron' is replaced by a stub (the real
 * module only runs inside Electron), and the template is plain data.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { AppCommand } from '../../../src/shared/contract/desktop';

vi.mock('electron', () => ({
  app: { name: 'Marginalia', isPackaged: true },
  BrowserWindow: class {},
  Menu: {},
}));

const { menuTemplate } = await import('../../../src/main/electron/menu');

type Item = MenuItemConstructorOptions;

function build(platform: NodeJS.Platform, dev = false) {
  const sent: AppCommand[] = [];
  const template = menuTemplate({ platform, dev, send: (command) => sent.push(command) });
  return { template, sent };
}

function submenu(template: Item[], label: string): Item[] {
  const menu = template.find((item) => item.label?.replace('&', '') === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
}

function click(item: Item | undefined): void {
  if (!item?.click) throw new Error(`${item?.label ?? 'item'} has no click`);
  (item.click as () => void)();
}

function describeItem(item: Item): string {
  return item.type === 'separator' ? '---' : (item.label ?? `role:${item.role ?? '?'}`);
}

describe('menuTemplate', () => {
  it('File: the imports, Article Details…, Update from File…, Check for Changes, the exports and Restore from Backup…, each sending its command', () => {
    const { template, sent } = build('linux');
    const file = submenu(template, 'File');
    expect(file.map(describeItem)).toEqual([
      'Import…',
      'Import Folder…',
      'Add from URL…',
      '---',
      'Article Details…',
      'Update from File…',
      'Check for Changes',
      '---',
      'Export Article as Markdown…',
      'Export Article as W3C Annotations (JSON-LD)…',
      'Export Article as ClaimReview…',
      'Export Library to Folder…',
      '---',
      'Import Annotations…',
      '---',
      'Restore from Backup…',
      '---',
      'role:quit',
    ]);
    expect(file[0]?.accelerator).toBe('CmdOrCtrl+O');
    expect(file[2]?.accelerator).toBe('CmdOrCtrl+Shift+O');
    expect(file[4]?.accelerator).toBe('CmdOrCtrl+I');
    expect(file[6]?.accelerator).toBe('CmdOrCtrl+Shift+U');
    expect(file[8]?.accelerator).toBe('CmdOrCtrl+E');
    for (const item of file) if (item.click) click(item);
    expect(sent).toEqual([
      { type: 'import-files' },
      { type: 'import-folder' },
      { type: 'add-from-url' },
      { type: 'run-command', command: 'article-details' },
      { type: 'run-command', command: 'update-from-file' },
      { type: 'run-command', command: 'check-for-changes' },
      { type: 'export-article', format: 'md' },
      { type: 'export-article', format: 'jsonld' },
      { type: 'export-article', format: 'claimreview' },
      { type: 'export-library' },
      { type: 'import-annotations' },
      { type: 'restore-backup' },
    ]);
  });

  it('View: the Claims Ledger on Ctrl/⌘+Shift+L, All Annotations, zoom and full screen', () => {
    const { template, sent } = build('win32');
    const view = submenu(template, 'View');
    const ledger = view.find((item) => item.label === 'Claims Ledger');
    expect(ledger?.accelerator).toBe('CmdOrCtrl+Shift+L');
    click(ledger);
    const all = view.find((item) => item.label === 'All Annotations');
    expect(all?.accelerator).toBe('CmdOrCtrl+Shift+A');
    click(all);
    expect(sent).toEqual([
      { type: 'open-ledger' },
      { type: 'run-command', command: 'library-annotations' },
    ]);
    expect(view.map((item) => item.role).filter(Boolean)).toEqual([
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
  });

  it('Reload and the developer tools only in development', () => {
    const roles = (dev: boolean) =>
      submenu(build('linux', dev).template, 'View').map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('Edit: undo and redo never take Ctrl+Z from the page on Windows and Linux; Find and Search', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const edit = submenu(build(platform).template, 'Edit');
      expect(edit.find((i) => i.role === 'undo')?.registerAccelerator).toBe(false);
      expect(edit.find((i) => i.role === 'redo')?.registerAccelerator).toBe(false);
      expect(edit.map((i) => i.role).filter(Boolean)).toEqual([
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
      ]);
      const find = edit.find((i) => i.label === 'Find in Article…');
      const search = edit.find((i) => i.label === 'Search Library…');
      expect([find?.accelerator, search?.accelerator]).toEqual(['CmdOrCtrl+F', 'CmdOrCtrl+K']);
    }
    // macOS: ⌘+Z reaches text fields only through the menu, after the page passed on it.
    const mac = submenu(build('darwin').template, 'Edit');
    expect(mac.find((i) => i.role === 'undo')?.registerAccelerator).toBe(true);
  });

  it('macOS: the app menu first, Close instead of Quit in File, and the Window menu', () => {
    const { template } = build('darwin');
    expect(template.map((item) => item.label ?? item.role)).toEqual([
      'Marginalia',
      '&File',
      '&Edit',
      '&View',
      'windowMenu',
    ]);
    expect(submenu(template, 'Marginalia').map((i) => i.role)).toContain('quit');
    expect(submenu(template, 'File').at(-1)?.role).toBe('close');
    expect(build('linux').template.map((item) => item.label ?? item.role)).toEqual([
      '&File',
      '&Edit',
      '&View',
      'windowMenu',
    ]);
  });

  it('no two items share an accelerator', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const accelerators = build(platform, true)
        .template.flatMap((menu) => (Array.isArray(menu.submenu) ? menu.submenu : []))
        .flatMap((item) => (typeof item.accelerator === 'string' ? [item.accelerator] : []));
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });
});
