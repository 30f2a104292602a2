/**
 * A menu button (WAI-ARIA APG): the button opens a menu of items. Enter, Space or ↓ open it on
 * the first item, ↑ on the last; ↓ ↑ Home End move, Enter or Space choose, Escape closes it and
 * gives the focus back to the button; leaving it (Tab, a click elsewhere) closes it too.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuItem {
  readonly id: string;
  readonly label: string;
}

export interface MenuButtonProps {
  readonly label: string;
  readonly items: readonly MenuItem[];
  readonly onSelect: (id: string) => void;
  readonly className?: string;
  readonly disabled?: boolean;
}

export function MenuButton({ label, items, onSelect, className, disabled }: MenuButtonProps) {
  const buttonId = useId();
  const menuId = useId();
  /** The focused item while open; null when closed. */
  const [active, setActive] = useState<number | null>(null);
  const open = active !== null;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (active !== null) itemRefs.current[active]?.focus();
  }, [active]);

  const close = (refocus: boolean) => {
    setActive(null);
    if (refocus) buttonRef.current?.focus();
  };

  const choose = (id: string) => {
    close(true);
    onSelect(id);
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(event.key === 'ArrowDown' ? 0 : items.length - 1);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (active === null) return;
    const last = items.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: active === last ? 0 : active + 1,
      ArrowUp: active === 0 ? last : active - 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      setActive(next);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation(); // the reader's own Escape must not act too
      close(true);
    }
  };

  return (
    <div
      className={className ? `menu-button ${className}` : 'menu-button'}
      onBlur={(event) => {
        const next = event.relatedTarget;
        if (open && !(next instanceof Node && event.currentTarget.contains(next))) close(false);
      }}
    >
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => (open ? close(true) : setActive(0))}
        onKeyDown={onButtonKeyDown}
      >
        {label}
        <span className="menu-button-arrow" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div
          id={menuId}
          className="menu"
          role="menu"
          aria-labelledby={buttonId}
          onKeyDown={onMenuKeyDown}
        >
          {items.map((item, index) => (
            <button
              key={item.id}
              ref={(el) => {
                itemRefs.current[index] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              onClick={() => choose(item.id)}
              onMouseEnter={() => setActive(index)}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
