/** Reading settings in Chromium: every control sends the right patch; dialog keyboard rules. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/contract/entities';
import { SettingsPanel } from '../../../src/renderer/src/settings/SettingsPanel';
import type { SettingsPatch } from '../../../src/renderer/src/settings/use-settings';
import { cleanup, perform, press, render, setValue } from '../react-harness';

afterEach(cleanup);

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  colorLabels: { ...DEFAULT_SETTINGS.colorLabels },
};

async function open(initial: Settings = settings) {
  const onChange = vi.fn<(patch: SettingsPatch) => void>();
  const onClose = vi.fn();
  await render(<SettingsPanel settings={initial} onChange={onChange} onClose={onClose} />);
  return { onChange, onClose };
}

function get<T extends HTMLElement>(role: 'radio' | 'button' | 'slider' | 'textbox', name: string) {
  return page.getByRole(role, { name, exact: true }).element() as T;
}

describe('SettingsPanel', () => {
  it('is a modal dialog named "Reading settings" that opens on its Close button', async () => {
    await open();
    const dialog = page.getByRole('dialog', { name: 'Reading settings' }).element();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(get('button', 'Close'));
    expect(get<HTMLInputElement>('radio', 'System').checked).toBe(true);
    expect(get<HTMLInputElement>('radio', 'Serif').checked).toBe(true);
    expect(get<HTMLInputElement>('radio', 'Medium').checked).toBe(true);
  });

  it('changes the theme', async () => {
    const { onChange } = await open();
    await perform(() => get('radio', 'Sepia').click());
    expect(onChange).toHaveBeenLastCalledWith({ theme: 'sepia' });
    await perform(() => get('radio', 'Dark').click());
    expect(onChange).toHaveBeenLastCalledWith({ theme: 'dark' });
  });

  it('changes the font size by button and by slider, within 12–32', async () => {
    const { onChange } = await open();
    await perform(() => get('button', 'Larger').click());
    expect(onChange).toHaveBeenLastCalledWith({ fontSize: 20 });
    await perform(() => get('button', 'Smaller').click());
    expect(onChange).toHaveBeenLastCalledWith({ fontSize: 18 });

    const slider = get<HTMLInputElement>('slider', 'Font size');
    expect([slider.min, slider.max]).toEqual(['12', '32']);
    await setValue(slider, '24');
    expect(onChange).toHaveBeenLastCalledWith({ fontSize: 24 });
  });

  it('disables Smaller and Larger at the ends of the range', async () => {
    await open({ ...settings, fontSize: 32 });
    expect(get<HTMLButtonElement>('button', 'Larger').disabled).toBe(true);
    expect(get<HTMLButtonElement>('button', 'Smaller').disabled).toBe(false);
  });

  it('changes the font and the line width', async () => {
    const { onChange } = await open();
    await perform(() => get('radio', 'Sans').click());
    expect(onChange).toHaveBeenLastCalledWith({ fontFamily: 'sans' });
    await perform(() => get('radio', 'Wide').click());
    expect(onChange).toHaveBeenLastCalledWith({ lineWidth: 'wide' });
  });

  it('saves a colour meaning on blur, trimmed, with the other four unchanged', async () => {
    const { onChange } = await open();
    const yellow = get<HTMLInputElement>('textbox', 'Meaning of yellow');
    expect(yellow.maxLength).toBe(40);
    await perform(() => yellow.focus());
    await setValue(yellow, '  evidence ');
    expect(onChange).not.toHaveBeenCalled();
    await perform(() => yellow.blur());
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith({
      colorLabels: { yellow: 'evidence', green: '', blue: '', pink: '', purple: '' },
    });
    expect(yellow.value).toBe('evidence');
  });

  it('saves a colour meaning on Enter, and not again when nothing changed', async () => {
    const { onChange } = await open();
    const pink = get<HTMLInputElement>('textbox', 'Meaning of pink');
    await perform(() => pink.focus());
    await setValue(pink, 'denial');
    await press('Enter');
    expect(onChange).toHaveBeenLastCalledWith({
      colorLabels: { yellow: '', green: '', blue: '', pink: 'denial', purple: '' },
    });
    await perform(() => pink.blur());
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('saves an unsaved colour meaning when Escape closes the panel', async () => {
    const { onChange, onClose } = await open();
    const green = get<HTMLInputElement>('textbox', 'Meaning of green');
    await perform(() => green.focus());
    await setValue(green, 'source');
    await press('Escape');
    expect(onChange).toHaveBeenLastCalledWith({
      colorLabels: { yellow: '', green: 'source', blue: '', pink: '', purple: '' },
    });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('closes with the Close button', async () => {
    const { onClose } = await open();
    await perform(() => get('button', 'Close').click());
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('cycles Tab within the dialog', async () => {
    await open();
    const close = get('button', 'Close');
    const last = get('textbox', 'Meaning of purple');
    expect(await press('Tab', { shiftKey: true })).toBe(false);
    expect(document.activeElement).toBe(last);
    expect(await press('Tab')).toBe(false);
    expect(document.activeElement).toBe(close);
  });
});
