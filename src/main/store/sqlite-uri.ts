/**
 * Opening a library file without writing beside it. SQLite only creates no `-wal`/`-shm` files
 * for a WAL database when it is told the file is immutable, and that is said with a `file:` URI.
 */

// better-sqlite3 builds SQLite with URI filenames off; its addon turns them on when this variable
// is "1" at the moment the addon loads, which is the first `new Database` in the process (not the
// import). Every module that opens the library imports this one, so it is set before that.
// (Only a name that starts with "file:" is read as a URI; our paths are absolute.)
process.env['SQLITE_USE_URI'] ??= '1';

/** `file:` URI for a path, with the characters a URI gives meaning to percent-encoded. */
function fileUri(file: string): string {
  let uriPath = file.replace(/\\/g, '/');
  if (/^[A-Za-z]:/.test(uriPath)) uriPath = `/${uriPath}`; // Windows: file:/C:/…
  uriPath = uriPath.replace(/%/g, '%25').replace(/\?/g, '%3F').replace(/#/g, '%23');
  return `file:${uriPath}`;
}

/**
 * A URI that opens the file read-only and immutable: SQLite takes no locks and creates no `-wal`
 * or `-shm` file. Only for a file no one else is writing (a read-only one, or one about to be
 * checked before it is used), and one with no `-wal` beside it (immutable ignores it).
 */
export function immutableUri(file: string): string {
  return `${fileUri(file)}?immutable=1`;
}
