/**
 * Reading settings (Ctrl/⌘+,): theme, font size, font, line width, and what each highlight
 * colour means. Choices apply at once; a colour meaning is saved on blur, Enter or close.
 */
import { useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import {
  FONT_FAMILIES,
  HIGHLIGHT_COLORS,
  LINE_WIDTHS,
  THEMES,
  type Settings,
} from '../../../shared/contract/entities';
import { Dialog } from '../components/Dialog';
import type { SettingsPatch } from './use-settings';

export interface SettingsPanelProps {
  readonly settings: Settings;
  readonly onChange: (patch: SettingsPatch) => void;
  readonly onClose: () => void;
}

const MIN_SIZE = 12;
const MAX_SIZE = 32;
const MAX_MEANING = 40;

const THEME_LABELS: Record<Settings['theme'], string> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
  sepia: 'Sepia',
};
const FONT_LABELS: Record<Settings['fontFamily'], string> = { serif: 'Serif', sans: 'Sans' };
const WIDTH_LABELS: Record<Settings['lineWidth'], string> = {
  narrow: 'Narrow',
  medium: 'Medium',
  wide: 'Wide',
};

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

interface ChoiceProps<T extends string> {
  readonly legend: string;
  readonly options: readonly T[];
  readonly labels: Record<T, string>;
  readonly value: T;
  readonly onChange: (value: T) => void;
}

/** A radio group: arrow keys move between options, as the platform does. */
function Choice<T extends string>({ legend, options, labels, value, onChange }: ChoiceProps<T>) {
  const name = useId();
  return (
    <fieldset className="settings-choice">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="settings-option">
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            onChange={() => onChange(option)}
          />
          {labels[option]}
        </label>
      ))}
    </fieldset>
  );
}

function FontSize({ value, onChange }: { value: number; onChange: (size: number) => void }) {
  const id = useId();
  const set = (size: number) => {
    const clamped = Math.min(MAX_SIZE, Math.max(MIN_SIZE, Math.round(size)));
    if (clamped !== value) onChange(clamped);
  };
  return (
    <div className="settings-size" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="settings-label">
        Font size
      </span>
      <button type="button" onClick={() => set(value - 1)} disabled={value <= MIN_SIZE}>
        Smaller
      </button>
      <input
        id={id}
        type="range"
        aria-labelledby={`${id}-label`}
        aria-valuetext={`${value} pixels`}
        min={MIN_SIZE}
        max={MAX_SIZE}
        step={1}
        value={value}
        onChange={(event: ChangeEvent<HTMLInputElement>) => set(Number(event.target.value))}
      />
      <output htmlFor={id} className="settings-size-value">
        {value}px
      </output>
      <button type="button" onClick={() => set(value + 1)} disabled={value >= MAX_SIZE}>
        Larger
      </button>
    </div>
  );
}

export function SettingsPanel({ settings, onChange, onClose }: SettingsPanelProps) {
  const [meanings, setMeanings] = useState<Settings['colorLabels']>(settings.colorLabels);
  /** The meanings last saved, so that blur-then-close does not save the same change twice. */
  const saved = useRef<Settings['colorLabels']>(settings.colorLabels);

  /** Saves the colour meanings if any was edited; all five travel together, as the patch needs. */
  const saveMeanings = () => {
    const trimmed = { ...meanings };
    for (const color of HIGHLIGHT_COLORS) trimmed[color] = trimmed[color].trim();
    setMeanings(trimmed);
    if (HIGHLIGHT_COLORS.some((color) => trimmed[color] !== saved.current[color])) {
      saved.current = trimmed;
      onChange({ colorLabels: trimmed });
    }
  };

  const onMeaningKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      saveMeanings();
    }
  };

  const close = () => {
    saveMeanings();
    onClose();
  };

  return (
    <Dialog title="Reading settings" onClose={close} className="settings-panel">
      <Choice
        legend="Theme"
        options={THEMES}
        labels={THEME_LABELS}
        value={settings.theme}
        onChange={(theme) => onChange({ theme })}
      />
      <FontSize value={settings.fontSize} onChange={(fontSize) => onChange({ fontSize })} />
      <Choice
        legend="Font"
        options={FONT_FAMILIES}
        labels={FONT_LABELS}
        value={settings.fontFamily}
        onChange={(fontFamily) => onChange({ fontFamily })}
      />
      <Choice
        legend="Line width"
        options={LINE_WIDTHS}
        labels={WIDTH_LABELS}
        value={settings.lineWidth}
        onChange={(lineWidth) => onChange({ lineWidth })}
      />
      <fieldset className="settings-meanings">
        <legend>Colour meanings</legend>
        <p className="hint">Name what each highlight colour stands for, e.g. “evidence”.</p>
        {HIGHLIGHT_COLORS.map((color) => (
          <label key={color} className="settings-meaning">
            <span className={`swatch swatch-${color}`} aria-hidden="true" />
            <span className="settings-meaning-colour">{capitalise(color)}</span>
            <input
              type="text"
              aria-label={`Meaning of ${color}`}
              maxLength={MAX_MEANING}
              placeholder="No meaning set"
              value={meanings[color]}
              onChange={(event) => setMeanings((m) => ({ ...m, [color]: event.target.value }))}
              onBlur={saveMeanings}
              onKeyDown={onMeaningKey}
            />
          </label>
        ))}
      </fieldset>
    </Dialog>
  );
}
