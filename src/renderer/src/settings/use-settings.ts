/**
 * Reader settings (theme, type, line width, colour legend): loaded once, saved on every change,
 * and applied to the document root as data attributes and CSS variables.
 */
import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/contract/entities';
import type { Client, RequestOf } from '../../../shared/contract/operations';

export type SettingsPatch = RequestOf<'updateSettings'>['patch'];

const LINE_WIDTH_CH = { narrow: 56, medium: 68, wide: 84 } as const;

function systemTheme(): 'light' | 'dark' {
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Applies settings to `root`; 'system' follows the OS, live. */
export function applySettings(
  settings: Settings,
  root: HTMLElement = document.documentElement,
): void {
  root.dataset['theme'] = settings.theme === 'system' ? systemTheme() : settings.theme;
  root.dataset['font'] = settings.fontFamily;
  root.style.setProperty('--reading-size', `${settings.fontSize}px`);
  root.style.setProperty('--reading-width', `${LINE_WIDTH_CH[settings.lineWidth]}ch`);
}

export function useSettings(client: Client, onError: (error: unknown) => void) {
  const [settings, setSettings] = useState<Settings>({
    ...DEFAULT_SETTINGS,
    colorLabels: { ...DEFAULT_SETTINGS.colorLabels },
  });

  useEffect(() => {
    client.getSettings({}).then(({ settings }) => setSettings(settings), onError);
  }, [client, onError]);

  useEffect(() => {
    applySettings(settings);
    if (settings.theme !== 'system') return;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => applySettings(settings);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [settings]);

  const update = useCallback(
    (patch: SettingsPatch) => {
      setSettings((current) => ({ ...current, ...patch }));
      client.updateSettings({ patch }).then(({ settings }) => setSettings(settings), onError);
    },
    [client, onError],
  );

  return { settings, update };
}
