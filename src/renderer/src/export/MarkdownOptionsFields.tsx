/** The Markdown export's options: how to group the annotations, and whether to add the text. */
import { useId } from 'react';
import {
  MARKDOWN_GROUPINGS,
  type MarkdownGrouping,
  type MarkdownOptions,
} from '../../../shared/contract/interop';

export const GROUPING_LABELS: Readonly<Record<MarkdownGrouping, string>> = {
  none: 'None (document order)',
  tag: 'Tag',
  'claim-type': 'Claim type',
  speaker: 'Speaker',
  color: 'Colour',
};

export interface MarkdownOptionsFieldsProps {
  readonly value: MarkdownOptions;
  readonly onChange: (value: MarkdownOptions) => void;
}

export function MarkdownOptionsFields({ value, onChange }: MarkdownOptionsFieldsProps) {
  const groupId = useId();
  return (
    <div className="export-options">
      <div className="export-field">
        <label htmlFor={groupId}>Group by</label>
        <select
          id={groupId}
          value={value.groupBy}
          onChange={(event) =>
            onChange({ ...value, groupBy: event.target.value as MarkdownGrouping })
          }
        >
          {MARKDOWN_GROUPINGS.map((grouping) => (
            <option key={grouping} value={grouping}>
              {GROUPING_LABELS[grouping]}
            </option>
          ))}
        </select>
      </div>
      <label className="export-check">
        <input
          type="checkbox"
          checked={value.includeText}
          onChange={(event) => onChange({ ...value, includeText: event.target.checked })}
        />
        Include the article text
      </label>
    </div>
  );
}
