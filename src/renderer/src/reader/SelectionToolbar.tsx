/**
 * The floating toolbar over a text selection: five highlight colours (named by the user's
 * legend), Note, Tag and Claim; or, while an orphan is being re-attached, "Re-attach here". It never takes the selection away (mousedown is cancelled),
 * and arrow keys move between its buttons (one tab stop for the whole toolbar).
 */
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  HIGHLIGHT_COLORS,
  type HighlightColor,
  type Settings,
} from '../../../shared/contract/entities';

export interface SelectionRect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly width: number;
}

export interface SelectionToolbarProps {
  /** The selection's bounds in viewport coordinates (getBoundingClientRect). */
  readonly rect: SelectionRect;
  readonly colorLabels: Settings['colorLabels'];
  readonly onHighlight: (color: HighlightColor) => void;
  readonly onNote: () => void;
  readonly onTag: () => void;
  readonly onClaim: () => void;
  /**
   * Re-attach mode (an orphan is waiting for new words): the toolbar offers only "Re-attach
   * here", which calls this, instead of the highlight buttons.
   */
  readonly onReattach?: (() => void) | undefined;
}

interface ToolbarButton {
  readonly key: string;
  readonly label: string;
  readonly shortcut: string | undefined;
  readonly onClick: () => void;
}

/** Space kept between the selection and the toolbar, and between the toolbar and the edges. */
const GAP = 8;

/** "Highlight yellow", or "Highlight yellow — evidence" when the legend names the colour. */
export function highlightLabel(color: HighlightColor, meaning: string): string {
  const trimmed = meaning.trim();
  return trimmed ? `Highlight ${color} — ${trimmed}` : `Highlight ${color}`;
}

/** Where the toolbar goes: centred above the selection, or below it when there is no room. */
export function toolbarPosition(
  rect: SelectionRect,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): { top: number; left: number } {
  const above = rect.top - size.height - GAP;
  const top = above >= GAP ? above : Math.min(rect.bottom + GAP, viewport.height - size.height);
  const centred = rect.left + rect.width / 2 - size.width / 2;
  const left = Math.max(GAP, Math.min(centred, viewport.width - size.width - GAP));
  return { top: Math.max(0, top), left };
}

export function SelectionToolbar(props: SelectionToolbarProps) {
  const { rect, colorLabels, onHighlight, onNote, onTag, onClaim, onReattach } = props;
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);

  useLayoutEffect(() => {
    const el = toolbarRef.current;
    if (!el) return;
    const { top, left } = toolbarPosition(
      rect,
      { width: el.offsetWidth, height: el.offsetHeight },
      { width: window.innerWidth, height: window.innerHeight },
    );
    el.style.top = `${top}px`;
    el.style.left = `${left}px`;
    el.style.visibility = 'visible';
  }, [rect]);

  const buttons: readonly ToolbarButton[] = onReattach
    ? [{ key: 'reattach', label: 'Re-attach here', shortcut: 'Enter', onClick: onReattach }]
    : [
        ...HIGHLIGHT_COLORS.map((color, i) => ({
          key: color,
          label: highlightLabel(color, colorLabels[color]),
          shortcut: i === 0 ? 'H' : undefined,
          onClick: () => onHighlight(color),
        })),
        { key: 'note', label: 'Note', shortcut: 'N', onClick: onNote },
        { key: 'tag', label: 'Tag', shortcut: 'T', onClick: onTag },
        { key: 'claim', label: 'Claim', shortcut: 'C', onClick: onClaim },
      ];
  const current = Math.min(active, buttons.length - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = buttons.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: current === last ? 0 : current + 1,
      ArrowLeft: current === 0 ? last : current - 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
    toolbarRef.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  };

  return (
    <div
      ref={toolbarRef}
      className="selection-toolbar"
      role="toolbar"
      aria-label={onReattach ? 'Re-attach' : 'Selection'}
      aria-orientation="horizontal"
      style={{ position: 'fixed', top: rect.top, left: rect.left, visibility: 'hidden' }}
      onMouseDown={(event) => event.preventDefault()}
      onKeyDown={onKeyDown}
    >
      {buttons.map((button, i) => {
        const isColour = !onReattach && i < HIGHLIGHT_COLORS.length;
        return (
          <button
            key={button.key}
            type="button"
            className={isColour ? 'selection-colour' : 'selection-action'}
            tabIndex={i === current ? 0 : -1}
            aria-label={isColour ? button.label : undefined}
            aria-keyshortcuts={button.shortcut}
            title={button.shortcut ? `${button.label} (${button.shortcut})` : button.label}
            onFocus={() => setActive(i)}
            onClick={button.onClick}
          >
            {isColour ? (
              <span className={`swatch swatch-${button.key}`} aria-hidden="true" />
            ) : (
              button.label
            )}
          </button>
        );
      })}
    </div>
  );
}
