/**
 * The keymap at work: chords matched against key events, the newest registration tried first, a
 * handler answering false passing the key on, and each command's `when` keeping keys away from
 * the fields that take them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  chordMatches,
  createCommandRegistry,
  type CommandRegistry,
} from '../../../src/renderer/src/commands/registry';

const key = (init: KeyboardEventInit) =>
  new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });

describe('chordMatches', () => {
  it('matches a letter in either case, with exactly the Shift the chord names', () => {
    expect(chordMatches('J', key({ key: 'j' }))).toBe(true);
    expect(chordMatches('J', key({ key: 'J' }))).toBe(true);
    expect(chordMatches('J', key({ key: 'J', shiftKey: true }))).toBe(false);
    expect(chordMatches('J', key({ key: 'k' }))).toBe(false);
  });

  it('takes no bare key pressed with Ctrl, ⌘ or Alt', () => {
    expect(chordMatches('H', key({ key: 'h', ctrlKey: true }))).toBe(false);
    expect(chordMatches('H', key({ key: 'h', metaKey: true }))).toBe(false);
    expect(chordMatches('H', key({ key: 'h', altKey: true }))).toBe(false);
  });

  it('reads Mod as Ctrl or ⌘, not with Alt', () => {
    expect(chordMatches('Mod+Z', key({ key: 'z', ctrlKey: true }))).toBe(true);
    expect(chordMatches('Mod+Z', key({ key: 'z', metaKey: true }))).toBe(true);
    expect(chordMatches('Mod+Z', key({ key: 'z' }))).toBe(false);
    expect(chordMatches('Mod+Z', key({ key: 'z', ctrlKey: true, altKey: true }))).toBe(false);
    expect(chordMatches('Mod+Z', key({ key: 'Z', ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(chordMatches('Mod+Shift+Z', key({ key: 'Z', ctrlKey: true, shiftKey: true }))).toBe(
      true,
    );
    expect(chordMatches('Mod+Shift+Z', key({ key: 'z', ctrlKey: true }))).toBe(false);
  });

  it('matches punctuation with whatever Shift the layout needs', () => {
    expect(chordMatches('?', key({ key: '?', shiftKey: true }))).toBe(true);
    expect(chordMatches('?', key({ key: '?' }))).toBe(true);
    expect(chordMatches('?', key({ key: '/' }))).toBe(false);
    expect(chordMatches('Mod+,', key({ key: ',', ctrlKey: true }))).toBe(true);
    expect(chordMatches('Mod+,', key({ key: ',' }))).toBe(false);
  });

  it('matches named keys', () => {
    expect(chordMatches('Escape', key({ key: 'Escape' }))).toBe(true);
    expect(chordMatches('Tab', key({ key: 'Tab' }))).toBe(true);
    expect(chordMatches('Tab', key({ key: 'Tab', ctrlKey: true }))).toBe(false);
  });
});

describe('createCommandRegistry', () => {
  let registry: CommandRegistry;
  let place: HTMLElement;
  const handled: boolean[] = [];
  const onKey = (event: KeyboardEvent) => void handled.push(registry.handleKey(event));

  beforeEach(() => {
    registry = createCommandRegistry();
    handled.length = 0;
    place = document.createElement('div');
    place.innerHTML = `
      <input type="text" aria-label="text">
      <input type="search" aria-label="search">
      <input type="checkbox" aria-label="check">
      <textarea aria-label="note"></textarea>
      <select aria-label="choice"><option>a</option></select>
      <button type="button">button</button>
      <div class="article-body" contenteditable="true"><p>article</p></div>`;
    document.body.append(place);
    document.addEventListener('keydown', onKey);
  });

  afterEach(() => {
    document.removeEventListener('keydown', onKey);
    place.remove();
  });

  const el = (selector: string) => place.querySelector<HTMLElement>(selector)!;
  /** Sends a key from `target`; answers whether the registry took it (and cancelled it). */
  function send(target: Element, init: KeyboardEventInit): boolean {
    const event = key(init);
    target.dispatchEvent(event);
    const took = handled.at(-1)!;
    expect(event.defaultPrevented).toBe(took);
    return took;
  }

  it('runs the latest registration first, and the earlier one once it is gone', () => {
    const first = vi.fn();
    const second = vi.fn();
    registry.register('help', first);
    const unregister = registry.register('help', second);
    expect(send(document.body, { key: '?', shiftKey: true })).toBe(true);
    expect(second).toHaveBeenCalledOnce();
    expect(first).not.toHaveBeenCalled();

    unregister();
    expect(send(document.body, { key: '?', shiftKey: true })).toBe(true);
    expect(first).toHaveBeenCalledOnce();
    expect(second).toHaveBeenCalledOnce();
    unregister(); // twice is harmless
    expect(send(document.body, { key: '?', shiftKey: true })).toBe(true);
    expect(first).toHaveBeenCalledTimes(2);
  });

  it('passes the key on when a handler answers false, and to the page when all do', () => {
    const order: string[] = [];
    registry.register('close', () => void order.push('earlier'));
    registry.register('close', () => (order.push('later'), false));
    expect(send(document.body, { key: 'Escape' })).toBe(true);
    expect(order).toEqual(['later', 'earlier']);

    const lonely = createCommandRegistry();
    lonely.register('close', () => false);
    const event = key({ key: 'Escape' });
    expect(lonely.handleKey(event)).toBe(false);
    expect(event.defaultPrevented).toBe(false);
  });

  it('runs a command by name (a menu item) through its latest handler, and says when none ran', () => {
    const first = vi.fn();
    const second = vi.fn(() => false);
    registry.register('search', first);
    registry.register('search', second);
    expect(registry.run('search')).toBe(true);
    expect(second).toHaveBeenCalledOnce();
    expect(first).toHaveBeenCalledOnce();
    expect(registry.run('find')).toBe(false);
  });

  it('takes nothing for a command no component registered', () => {
    expect(send(document.body, { key: 'j' })).toBe(false);
  });

  it('takes no bare key from a field that takes text, but does from the article and buttons', () => {
    const next = vi.fn();
    registry.register('next-annotation', next);
    for (const field of ['input[type=text]', 'input[type=search]', 'textarea', 'select']) {
      expect(send(el(field), { key: 'j' }), field).toBe(false);
    }
    expect(next).not.toHaveBeenCalled();
    expect(send(el('button'), { key: 'j' })).toBe(true);
    expect(send(el('.article-body p'), { key: 'j' })).toBe(true);
    expect(send(document.body, { key: 'J' })).toBe(true);
    expect(next).toHaveBeenCalledTimes(3);
  });

  it('leaves Mod+Z to a text field, and takes it from a checkbox, a button or the article', () => {
    const undo = vi.fn();
    const redo = vi.fn();
    registry.register('undo', undo);
    registry.register('redo', redo);
    expect(send(el('textarea'), { key: 'z', ctrlKey: true })).toBe(false);
    expect(send(el('input[type=text]'), { key: 'z', metaKey: true })).toBe(false);
    expect(send(el('input[type=text]'), { key: 'y', ctrlKey: true })).toBe(false);
    expect(undo).not.toHaveBeenCalled();
    expect(redo).not.toHaveBeenCalled();

    expect(send(el('input[type=checkbox]'), { key: 'z', ctrlKey: true })).toBe(true);
    expect(send(el('button'), { key: 'z', metaKey: true })).toBe(true);
    expect(send(el('.article-body p'), { key: 'z', ctrlKey: true })).toBe(true);
    expect(undo).toHaveBeenCalledTimes(3);

    expect(send(el('button'), { key: 'Z', ctrlKey: true, shiftKey: true })).toBe(true);
    expect(send(el('select'), { key: 'y', ctrlKey: true })).toBe(true);
    expect(redo).toHaveBeenCalledTimes(2);
    expect(undo).toHaveBeenCalledTimes(3);
  });

  it('opens the help with ? typed with Shift, but not from a text field', () => {
    const help = vi.fn();
    registry.register('help', help);
    expect(send(document.body, { key: '?', shiftKey: true })).toBe(true);
    expect(send(el('input[type=text]'), { key: '?', shiftKey: true })).toBe(false);
    expect(help).toHaveBeenCalledOnce();
  });

  it('runs an "always" command from anywhere, a text field included', () => {
    const settings = vi.fn();
    registry.register('settings', settings);
    expect(send(el('textarea'), { key: ',', ctrlKey: true })).toBe(true);
    expect(send(document.body, { key: ',', metaKey: true })).toBe(true);
    expect(settings).toHaveBeenCalledTimes(2);
  });

  it('ignores a key already handled, unless it comes from the article (ProseMirror cancels some)', () => {
    const undo = vi.fn();
    registry.register('undo', undo);
    const cancelled = (target: Element) => {
      const event = key({ key: 'z', ctrlKey: true });
      target.addEventListener('keydown', (e) => e.preventDefault(), { once: true });
      target.dispatchEvent(event);
      return handled.at(-1);
    };
    expect(cancelled(el('button'))).toBe(false);
    expect(undo).not.toHaveBeenCalled();
    expect(cancelled(el('.article-body p'))).toBe(true);
    expect(undo).toHaveBeenCalledOnce();
  });

  it('ignores keys pressed while composing text', () => {
    const next = vi.fn();
    registry.register('next-annotation', next);
    expect(send(document.body, { key: 'j', isComposing: true })).toBe(false);
    expect(next).not.toHaveBeenCalled();
  });
});
