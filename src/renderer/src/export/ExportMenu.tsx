/** The reader toolbar's Export menu: the article as Markdown, W3C JSON-LD or ClaimReview, or copied. */
import { MenuButton, type MenuItem } from '../components/MenuButton';

export type ExportMenuChoice = 'md' | 'jsonld' | 'claimreview' | 'copy';

export const EXPORT_MENU_ITEMS: readonly (MenuItem & { readonly id: ExportMenuChoice })[] = [
  { id: 'md', label: 'Markdown…' },
  { id: 'jsonld', label: 'W3C annotations (JSON-LD)' },
  { id: 'claimreview', label: 'ClaimReview (JSON-LD)' },
  { id: 'copy', label: 'Copy all as Markdown' },
];

export interface ExportMenuProps {
  readonly onSelect: (choice: ExportMenuChoice) => void;
}

export function ExportMenu({ onSelect }: ExportMenuProps) {
  return (
    <MenuButton
      label="Export"
      items={EXPORT_MENU_ITEMS}
      onSelect={(id) => onSelect(id as ExportMenuChoice)}
    />
  );
}
