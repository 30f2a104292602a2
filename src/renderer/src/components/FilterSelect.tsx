/**
 * One labelled filter choice ("Tag: Any tag / NATO / …") for the sidebar and All annotations.
 * A chosen value stays offered even when nothing has it any more, so the choice never vanishes
 * from under the user.
 */
import { useId } from 'react';

export interface FilterOption {
  readonly value: string;
  readonly label: string;
}

export interface FilterSelectProps {
  /** The wrapper's class: each view lays its filters out its own way. */
  readonly className: string;
  readonly label: string;
  /** The first option, meaning no filter ("Any tag"). */
  readonly all: string;
  readonly value: string | null;
  readonly options: readonly FilterOption[];
  readonly onChange: (value: string | null) => void;
}

export function FilterSelect({
  className,
  label,
  all,
  value,
  options,
  onChange,
}: FilterSelectProps) {
  const id = useId();
  const shown =
    value !== null && !options.some((o) => o.value === value)
      ? [...options, { value, label: value }]
      : options;
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        disabled={shown.length === 0}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">{all}</option>
        {shown.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
