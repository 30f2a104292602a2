/**
 * Web mode's folder export writes only inside folders the user named when starting web mode
 * (`npm run web -- --export-folder DIR`): anyone holding the token could otherwise have the
 * server write Markdown files anywhere this user may write. With none named, folder export is
 * not offered over HTTP at all.
 *
 * Paths are compared as the file system resolves them: `fs.realpathSync.native` (the C library's
 * `realpath`) follows symlinks and `..` component by component, where `path.resolve` — and
 * Node's JS `fs.realpathSync`, which starts with it — would collapse `link/..` as text.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Where to read how to allow a folder: the one place the refusals name it. */
export const EXPORT_FOLDER_FLAG = '--export-folder';

const HOW_TO_ALLOW = (folder: string) =>
  `to allow it, start web mode with: npm run web -- ${EXPORT_FOLDER_FLAG} ${quoteForShell(folder)}`;

function quoteForShell(folder: string): string {
  return /^[\w@%+=:,./-]+$/.test(folder) ? folder : `'${folder.replace(/'/g, `'\\''`)}'`;
}

/**
 * The folders given on the command line, as real paths (a relative one from `base`). Throws an
 * `Error` naming the first that is missing or not a folder, so web mode does not start with a
 * promise it cannot keep.
 */
export function resolveExportFolders(
  folders: readonly string[],
  base: string = process.cwd(),
): string[] {
  return [
    ...new Set(
      folders.map((folder) => {
        let real: string;
        try {
          real = fs.realpathSync.native(path.resolve(base, folder));
        } catch {
          throw new Error(`${EXPORT_FOLDER_FLAG} ${folder}: there is no folder there`);
        }
        if (!fs.statSync(real).isDirectory()) {
          throw new Error(`${EXPORT_FOLDER_FLAG} ${folder}: that is a file, not a folder`);
        }
        return real;
      }),
    ),
  ];
}

function isWithin(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}

export type ExportFolderCheck =
  | {
      readonly allowed: true;
      /** The real path: the service writes there and nowhere else. */ readonly folder: string;
    }
  | { readonly allowed: false; readonly status: 403 | 404; readonly message: string };

/**
 * Whether a folder export to `requested` may run, given the real paths `allowed` (from
 * `resolveExportFolders`). A folder that does not exist is "not found" only when it would be
 * inside an allowed one, so the answer tells nothing about the rest of the disk.
 */
export function checkExportFolder(
  requested: string,
  allowed: readonly string[],
): ExportFolderCheck {
  if (allowed.length === 0) {
    return {
      allowed: false,
      status: 403,
      message:
        'Exporting to a folder is turned off in web mode: no folder was allowed when it started. ' +
        `To allow one, start web mode with: npm run web -- ${EXPORT_FOLDER_FLAG} /path/to/folder`,
    };
  }
  const refused = {
    allowed: false,
    status: 403,
    message:
      `Web mode may export only inside ${allowed.join(', ')}; ${requested} is not inside ` +
      `${allowed.length === 1 ? 'it' : 'one of them'}. ${capitalise(HOW_TO_ALLOW(requested))}`,
  } as const;
  if (!path.isAbsolute(requested)) return refused;
  let real: string;
  try {
    real = fs.realpathSync.native(requested);
  } catch {
    const lexical = path.resolve(requested);
    return allowed.some((root) => isWithin(lexical, root))
      ? { allowed: false, status: 404, message: `there is no folder at ${requested}` }
      : refused;
  }
  return allowed.some((root) => isWithin(real, root)) ? { allowed: true, folder: real } : refused;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
