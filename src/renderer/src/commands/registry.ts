/**
 * The keymap at work: one keydown listener for the window matches each key against the command
 * table and runs the handler that the mounted components registered for it. Components register
 * with `useCommand`; the latest registration of a command is tried first, and a handler that
 * answers false passes the key on (to an earlier one, then to the page).
 */
import { createContext, useContext, useEffect, useRef } from 'react';
import { COMMANDS, type CommandId, type CommandSpec } from '../../../shared/commands/keymap';
import { hasCommandModifier, isBareKey, isTextEntry, isTypingTarget } from '../reader/keyboard';

/** Runs a command for a key press; answers false when it did nothing (the key goes on). */
export type CommandHandler = (event: KeyboardEvent) => boolean | void;

export interface CommandRegistry {
  register(id: CommandId, handler: CommandHandler): () => void;
  /** Handles one key press; answers whether a command took it. */
  handleKey(event: KeyboardEvent): boolean;
  /** Runs a command as if its key were pressed (the app menu's items); answers whether one ran. */
  run(id: CommandId): boolean;
}

/** True when `chord` ("Mod+Shift+Z", "?", "J") is what `event` pressed. */
export function chordMatches(chord: string, event: KeyboardEvent): boolean {
  const parts = chord.split(/\+(?!$)/);
  const key = parts.at(-1)!;
  const mod = parts.includes('Mod');
  const shift = parts.includes('Shift');
  if (mod ? !hasCommandModifier(event) : !isBareKey(event)) return false;
  if (key.length === 1 && /[a-z]/i.test(key)) {
    return event.key.toLowerCase() === key.toLowerCase() && event.shiftKey === shift;
  }
  // Punctuation ("?", ",") comes with whatever Shift the keyboard layout needs.
  return event.key === key;
}

function allowed(spec: CommandSpec, event: KeyboardEvent): boolean {
  switch (spec.when) {
    case 'bare':
      return !isTypingTarget(event.target);
    case 'outside-text-entry':
      return !isTextEntry(event.target);
    case 'always':
      return true;
  }
}

export function createCommandRegistry(): CommandRegistry {
  const handlers = new Map<CommandId, CommandHandler[]>();
  const runHandlers = (id: CommandId, event: KeyboardEvent): boolean => {
    const list = handlers.get(id) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i]!(event) !== false) return true;
    }
    return false;
  };
  return {
    register(id, handler) {
      const list = handlers.get(id) ?? [];
      list.push(handler);
      handlers.set(id, list);
      return () => {
        const at = list.indexOf(handler);
        if (at !== -1) list.splice(at, 1);
      };
    },
    handleKey(event) {
      // ProseMirror cancels Mod-Z, Mod-Y, Enter and Escape in the article (it keeps them from
      // the browser's own editing), so those still reach us from there.
      const fromArticle =
        event.target instanceof Element && !!event.target.closest('.article-body');
      if (event.defaultPrevented && !fromArticle) return false;
      if (event.isComposing) return false;
      for (const spec of COMMANDS) {
        if (!spec.keys.some((chord) => chordMatches(chord, event)) || !allowed(spec, event)) {
          continue;
        }
        if (runHandlers(spec.id, event)) {
          event.preventDefault();
          return true;
        }
      }
      return false;
    },
    run(id) {
      return runHandlers(id, new KeyboardEvent('keydown', { cancelable: true }));
    },
  };
}

export const CommandsContext = createContext<CommandRegistry | null>(null);

/**
 * Runs `handler` for command `id` while the component is mounted, in the registry of the
 * `CommandsContext` (or the one given, for the component that provides it). The newest `handler`
 * is always the one called, so it may close over the component's current state.
 */
export function useCommand(
  id: CommandId,
  handler: CommandHandler,
  given: CommandRegistry | null = null,
): void {
  const fromContext = useContext(CommandsContext);
  const registry = given ?? fromContext;
  const current = useRef(handler);
  useEffect(() => {
    current.current = handler;
  });
  useEffect(() => registry?.register(id, (event) => current.current(event)), [registry, id]);
}

/** Listens for keys on `target` (the document) and hands them to the registry. */
export function useKeymap(registry: CommandRegistry, target: Document = document): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => void registry.handleKey(event);
    target.addEventListener('keydown', onKey);
    return () => target.removeEventListener('keydown', onKey);
  }, [registry, target]);
}
