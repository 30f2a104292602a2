/** Opens a URL in the user's default browser, without waiting for it and without a shell. */
import { spawn } from 'node:child_process';

export function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {
      console.error(`Could not open a browser; open the address above yourself.`);
    });
    child.unref();
  } catch {
    console.error(`Could not open a browser; open the address above yourself.`);
  }
}
