/**
 * The rest of the start, in a chunk of its own (see main.tsx): the app, its contract and their
 * libraries, rendered over a client whose first calls take the head start's replies.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../App';
import { createClient } from '../../../shared/contract/client';
import { DEFAULT_SETTINGS } from '../../../shared/contract/entities';
import { applySettings } from '../settings/use-settings';
import type { HeadStart } from './head-start';

export function startApp(
  root: HTMLElement,
  { invoke }: HeadStart,
  initialLink: string | null,
): void {
  // The system theme until the saved settings are loaded.
  applySettings({ ...DEFAULT_SETTINGS, colorLabels: { ...DEFAULT_SETTINGS.colorLabels } });
  createRoot(root).render(
    <StrictMode>
      <App client={createClient(invoke)} initialLink={initialLink} />
    </StrictMode>,
  );
}
