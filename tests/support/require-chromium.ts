/**
 * Global setup of the view project: fails the browser tests at once, saying how to install
 * Chromium, when there is none. (The config itself must load without it, for unit-only runs.)
 */
import { chromiumPath } from './chromium';

export default function setup(): void {
  chromiumPath();
}
