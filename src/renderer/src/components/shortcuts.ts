/**
 * The reader's keyboard shortcuts as data: the help panel lists them, and controls can take
 * their aria-keyshortcuts from here. "Mod" is Ctrl, or ⌘ on a Mac.
 */

export interface Shortcut {
  readonly id: string;
  /** Alternative chords, each keys joined by "+": ['J', 'K'] or ['Mod+Shift+Z']. */
  readonly keys: readonly string[];
  readonly action: string;
}

export interface ShortcutGroup {
  readonly title: string;
  readonly shortcuts: readonly Shortcut[];
}

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'With text selected',
    shortcuts: [
      { id: 'highlight', keys: ['H'], action: 'Highlight selection' },
      { id: 'note', keys: ['N'], action: 'Note on selection' },
      { id: 'claim', keys: ['C'], action: 'Mark selection as claim' },
      { id: 'tag', keys: ['T'], action: 'Tag selection' },
      { id: 'toolbar', keys: ['Tab'], action: 'From a selection: the toolbar (all colours)' },
    ],
  },
  {
    title: 'Annotations',
    shortcuts: [
      { id: 'next-previous', keys: ['J', 'K'], action: 'Next / previous annotation' },
      { id: 'close', keys: ['Escape'], action: 'Close popover or panel' },
      { id: 'undo', keys: ['Mod+Z'], action: 'Undo' },
      { id: 'redo', keys: ['Mod+Shift+Z'], action: 'Redo' },
    ],
  },
  {
    title: 'Anywhere',
    shortcuts: [
      { id: 'help', keys: ['?'], action: 'This help' },
      { id: 'settings', keys: ['Mod+,'], action: 'Reading settings' },
      { id: 'ledger', keys: ['Mod+Shift+L'], action: 'Claims ledger (every claim in the library)' },
    ],
  },
];

/** Every shortcut, in the order the help panel lists them. */
export const SHORTCUTS: readonly Shortcut[] = SHORTCUT_GROUPS.flatMap((g) => g.shortcuts);

export function isMac(platform: string = navigator.platform): boolean {
  return /Mac|iPhone|iPad/.test(platform);
}

/** The keys of one chord as shown to the user: "Mod+Shift+Z" → ['Ctrl', 'Shift', 'Z']. */
export function displayKeys(chord: string, mac: boolean = isMac()): string[] {
  // Split on "+" but keep a literal "+" key; "," and "?" are keys like any other.
  return chord
    .split(/\+(?!$)/)
    .map((key) => (key === 'Mod' ? (mac ? '⌘' : 'Ctrl') : key === 'Shift' && mac ? '⇧' : key));
}

/** The aria-keyshortcuts value for a shortcut: "Control+Z Meta+Z" for "Mod+Z". */
export function ariaKeyShortcuts(shortcut: Shortcut): string {
  return shortcut.keys
    .flatMap((chord) =>
      chord.includes('Mod')
        ? [chord.replace('Mod', 'Control'), chord.replace('Mod', 'Meta')]
        : [chord],
    )
    .join(' ');
}
