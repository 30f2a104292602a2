/**
 * What was dropped on the window or pasted into the library, read while the event lasts (a
 * DataTransfer is emptied once its event returns): files and folders, a link, or something
 * Marginalia does not import. Dropped folders are walked here, in the window, by the service's
 * rules (`importable.ts`): articles by their type, no hidden entries, no saved page's `_files`.
 */
import {
  isHiddenName,
  isImportableName,
  isSavedPageFolder,
} from '../../../shared/contract/importable';

/** A file to import, named as the report names it (its path inside a dropped folder). */
export interface PickedFile {
  readonly file: File;
  readonly name: string;
}

export type DroppedContent =
  /** Files and folders. `entries` holds a folder-aware entry per file where the browser gave one. */
  | {
      readonly kind: 'files';
      readonly files: readonly File[];
      readonly entries: readonly (FileSystemEntry | null)[];
    }
  | { readonly kind: 'link'; readonly url: string }
  /** Nothing importable; `what` names it ("text", "an image"…) for the message. */
  | { readonly kind: 'other'; readonly what: string };

/** The first address of a `text/uri-list` (its lines starting with # are comments). */
export function firstUri(list: string): string | null {
  for (const line of list.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) return trimmed;
  }
  return null;
}

/** Reads a drop's content; call it inside the drop event. */
export function readDropped(data: DataTransfer): DroppedContent {
  const files = [...data.files];
  if (files.length > 0) {
    const items = [...data.items].filter((item) => item.kind === 'file');
    const entries =
      items.length === files.length
        ? items.map((item) =>
            typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null,
          )
        : files.map(() => null);
    return { kind: 'files', files, entries };
  }
  const uri = firstUri(data.getData('text/uri-list'));
  if (uri) return { kind: 'link', url: uri };
  return { kind: 'other', what: describeOther([...data.types]) };
}

function describeOther(types: readonly string[]): string {
  if (types.includes('text/html')) return 'part of a page';
  if (types.includes('text/plain')) return 'text';
  if (types.some((type) => type.startsWith('image/'))) return 'an image';
  return 'nothing Marginalia can read';
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** A folder's entries, in name order (readEntries answers in batches until an empty one). */
async function entriesOf(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await readBatch(reader);
    if (batch.length === 0) break;
    all.push(...batch);
  }
  return all.sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/** Most files one dropped set of folders may hold, as the service's walk allows. */
export const MAX_DROPPED_FILES = 50_000;

/**
 * The files of a drop, folders walked (with their subfolders), in order. Stops early, answering
 * what it found, when `signal` is aborted.
 */
export async function filesOfDrop(
  dropped: Extract<DroppedContent, { kind: 'files' }>,
  signal: AbortSignal,
): Promise<{ files: PickedFile[]; skipped: number }> {
  const found: PickedFile[] = [];
  let skipped = 0;
  async function walk(entry: FileSystemEntry, prefix: string, depth: number): Promise<void> {
    if (signal.aborted || found.length >= MAX_DROPPED_FILES) return;
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isFile) {
      if (isImportableName(entry.name)) {
        found.push({ file: await fileOf(entry as FileSystemFileEntry), name });
      } else {
        skipped++;
      }
    } else if (entry.isDirectory && depth < 32) {
      const children = await entriesOf(entry as FileSystemDirectoryEntry);
      const siblings = new Set(children.filter((c) => c.isFile).map((c) => c.name.toLowerCase()));
      for (const child of children) {
        if (isHiddenName(child.name)) continue;
        if (child.isDirectory && isSavedPageFolder(child.name, siblings)) continue;
        await walk(child, name, depth + 1);
      }
    }
  }
  for (const [index, file] of dropped.files.entries()) {
    const entry = dropped.entries[index] ?? null;
    // A dropped file (not a folder) is imported even when its name starts with a dot.
    if (entry?.isDirectory) await walk(entry, '', 0);
    else found.push({ file, name: file.name });
  }
  return { files: found, skipped };
}
