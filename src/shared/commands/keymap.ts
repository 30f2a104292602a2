/**
 * Every keyboard command, declared once: its id, what it does, its keys, when the keyboard may
 * run it, and where the help lists it. The renderer's key handling, the buttons' accessible
 * shortcuts (`aria-keyshortcuts`), the help panel and the desktop menu's accelerators all read
 * this table. "Mod" is Ctrl, or ⌘ on a Mac.
 */

export type CommandId =
  | 'highlight'
  | 'note'
  | 'claim'
  | 'tag'
  | 'selection-toolbar'
  | 'next-annotation'
  | 'previous-annotation'
  | 'close'
  | 'undo'
  | 'redo'
  | 'help'
  | 'settings'
  | 'ledger'
  | 'library-annotations'
  | 'export-markdown'
  | 'import-files'
  | 'add-from-url'
  | 'find'
  | 'find-next'
  | 'find-previous'
  | 'search'
  | 'article-details'
  | 'update-from-file'
  | 'check-for-changes'
  | 'next-suggestion'
  | 'previous-suggestion'
  | 'accept-suggestion'
  | 'dismiss-suggestion'
  | 'edit-suggestion';

/**
 * When a key may run its command: `bare` keys are letters the user may be typing, so not from a
 * field that takes text; `shortcut` chords (with Mod) work everywhere except where a text field
 * has its own meaning for them (undo, redo); `always` ones work from anywhere.
 */
export type CommandWhen = 'bare' | 'outside-text-entry' | 'always';

export interface CommandSpec {
  readonly id: CommandId;
  /** What it does, as the help, tooltips and menus say it. */
  readonly label: string;
  /** Alternative chords, each keys joined by "+": ['Mod+Shift+Z', 'Mod+Y']. */
  readonly keys: readonly string[];
  readonly when: CommandWhen;
  /** The help panel's section. */
  readonly group: CommandGroup;
}

export const COMMAND_GROUPS = [
  'With text selected',
  'Annotations',
  'Suggested claims',
  'Anywhere',
] as const;
export type CommandGroup = (typeof COMMAND_GROUPS)[number];

export const COMMANDS: readonly CommandSpec[] = [
  {
    id: 'highlight',
    label: 'Highlight selection',
    keys: ['H'],
    when: 'bare',
    group: 'With text selected',
  },
  {
    id: 'note',
    label: 'Note on selection',
    keys: ['N'],
    when: 'bare',
    group: 'With text selected',
  },
  {
    id: 'claim',
    label: 'Mark selection as claim',
    keys: ['C'],
    when: 'bare',
    group: 'With text selected',
  },
  { id: 'tag', label: 'Tag selection', keys: ['T'], when: 'bare', group: 'With text selected' },
  {
    id: 'selection-toolbar',
    label: 'From a selection: the toolbar (all colours)',
    keys: ['Tab'],
    when: 'bare',
    group: 'With text selected',
  },
  {
    id: 'next-annotation',
    label: 'Next annotation',
    keys: ['J'],
    when: 'bare',
    group: 'Annotations',
  },
  {
    id: 'previous-annotation',
    label: 'Previous annotation',
    keys: ['K'],
    when: 'bare',
    group: 'Annotations',
  },
  {
    id: 'close',
    label: 'Close the selection toolbar, the open card, or the claims view',
    keys: ['Escape'],
    when: 'bare',
    group: 'Annotations',
  },
  { id: 'undo', label: 'Undo', keys: ['Mod+Z'], when: 'outside-text-entry', group: 'Annotations' },
  {
    id: 'redo',
    label: 'Redo',
    keys: ['Mod+Shift+Z', 'Mod+Y'],
    when: 'outside-text-entry',
    group: 'Annotations',
  },
  // With "Suggest claims" on, from the article (Tab with text selected is the toolbar's).
  {
    id: 'next-suggestion',
    label:
      'Next suggested claim (Esc leaves them: Tab moves the focus until a click in the article)',
    keys: ['Tab'],
    when: 'bare',
    group: 'Suggested claims',
  },
  {
    id: 'previous-suggestion',
    label: 'Previous suggested claim',
    keys: ['Shift+Tab'],
    when: 'bare',
    group: 'Suggested claims',
  },
  {
    id: 'accept-suggestion',
    label: 'Accept the suggestion (a claim with its type and speaker)',
    keys: ['A'],
    when: 'bare',
    group: 'Suggested claims',
  },
  {
    id: 'dismiss-suggestion',
    label: 'Dismiss the suggestion',
    keys: ['X'],
    when: 'bare',
    group: 'Suggested claims',
  },
  {
    id: 'edit-suggestion',
    label: 'Accept and edit the claim first',
    keys: ['E'],
    when: 'bare',
    group: 'Suggested claims',
  },
  { id: 'help', label: 'This help', keys: ['?'], when: 'bare', group: 'Anywhere' },
  { id: 'settings', label: 'Reading settings', keys: ['Mod+,'], when: 'always', group: 'Anywhere' },
  {
    id: 'ledger',
    label: 'Claims ledger (every claim in the library)',
    keys: ['Mod+Shift+L'],
    when: 'always',
    group: 'Anywhere',
  },
  {
    id: 'library-annotations',
    label: 'All annotations (every annotation in the library)',
    keys: ['Mod+Shift+A'],
    when: 'always',
    group: 'Anywhere',
  },
  {
    id: 'export-markdown',
    label: 'Export the article as Markdown',
    keys: ['Mod+E'],
    when: 'always',
    group: 'Anywhere',
  },
  {
    id: 'import-files',
    label: 'Import articles (web pages, Markdown, text)',
    keys: ['Mod+O'],
    when: 'always',
    group: 'Anywhere',
  },
  {
    id: 'add-from-url',
    label: 'Add an article from its address',
    keys: ['Mod+Shift+O'],
    when: 'always',
    group: 'Anywhere',
  },
  { id: 'find', label: 'Find in the article', keys: ['Mod+F'], when: 'always', group: 'Anywhere' },
  {
    id: 'find-next',
    label: 'Next match (also Enter in the find bar)',
    keys: ['F3', 'Mod+G'],
    when: 'always',
    group: 'Anywhere',
  },
  {
    id: 'find-previous',
    label: 'Previous match (also Shift+Enter in the find bar)',
    keys: ['Shift+F3', 'Mod+Shift+G'],
    when: 'always',
    group: 'Anywhere',
  },
  {
    id: 'search',
    label: 'Search everything (titles, text, notes, tags, speakers)',
    keys: ['Mod+K'],
    when: 'always',
    group: 'Anywhere',
  },
  {
    id: 'article-details',
    label: 'Article details (edit title, byline, date, tags; where it came from)',
    keys: ['Mod+I'],
    when: 'always',
    group: 'Anywhere',
  },
  {
    id: 'check-for-changes',
    label: 'Check the open article for changes (fetch its address again)',
    keys: ['Mod+Shift+U'],
    when: 'always',
    group: 'Anywhere',
  },
  // No key of its own: the File menu and the article's header offer it.
  {
    id: 'update-from-file',
    label: 'Update the open article from a file (File menu)',
    keys: [],
    when: 'always',
    group: 'Anywhere',
  },
];

const BY_ID = new Map(COMMANDS.map((c) => [c.id, c]));

export function commandSpec(id: CommandId): CommandSpec {
  return BY_ID.get(id)!;
}

/** The `aria-keyshortcuts` value of a command: "Control+Z Meta+Z" for "Mod+Z". */
export function ariaKeyShortcuts(id: CommandId): string {
  return commandSpec(id)
    .keys.flatMap((chord) =>
      chord.includes('Mod')
        ? [chord.replace('Mod', 'Control'), chord.replace('Mod', 'Meta')]
        : [chord],
    )
    .join(' ');
}

/** The Electron accelerator of a command's first chord ("CmdOrCtrl+Shift+L"). */
export function menuAccelerator(id: CommandId): string {
  return commandSpec(id).keys[0]!.replace('Mod', 'CmdOrCtrl');
}

/** The keys of one chord as shown to the user: "Mod+Shift+Z" → ['Ctrl', 'Shift', 'Z']. */
export function displayKeys(chord: string, mac: boolean): string[] {
  // Split on "+" but keep a literal "+" key; "," and "?" are keys like any other.
  return chord
    .split(/\+(?!$)/)
    .map((key) => (key === 'Mod' ? (mac ? '⌘' : 'Ctrl') : key === 'Shift' && mac ? '⇧' : key));
}
