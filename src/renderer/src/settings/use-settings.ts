/**
 * Reader settings (theme, type, line width, colour legend): loaded once, saved on every change,
 * and applied to the document root as data attributes and CSS variables. A change shows at once;
 * if saving it fails (a read-only library) it is taken back and the error reported.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
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
  // The settings as shown, also between a change and its render: what a failed save goes back
  // from. Every change of `settings` goes through `show`.
  const shown = useRef(settings);
  const show = useCallback((next: Settings) => {
    shown.current = next;
    setSettings(next);
  }, []);
  // Which change last touched each setting: a failure goes back only where no newer change was
  // made since.
  const changes = useRef({ count: 0, last: new Map<keyof Settings, number>() });

  useEffect(() => {
    client.getSettings({}).then(({ settings }) => show(settings), onError);
  }, [client, onError, show]);

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
      const keys = Object.keys(patch) as (keyof Settings)[];
      const change = ++changes.current.count;
      const before: Partial<Settings> = {};
      for (const key of keys) {
        Object.assign(before, { [key]: shown.current[key] });
        changes.current.last.set(key, change);
      }
      show({ ...shown.current, ...patch });
      client.updateSettings({ patch }).then(
        ({ settings }) => show(settings),
        (error: unknown) => {
          const back = keys.filter((key) => changes.current.last.get(key) === change);
          const reverted = { ...shown.current };
          for (const key of back) Object.assign(reverted, { [key]: before[key] });
          if (back.length > 0) show(reverted);
          onError(error);
        },
      );
    },
    [client, onError, show],
  );

  return { settings, update };
}
