/**
 * Mounting React components in view tests: createRoot into a fresh div, every update inside
 * act(), and small helpers for the events tests send.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Mounted {
  readonly container: HTMLElement;
  rerender(node: ReactNode): Promise<void>;
  unmount(): Promise<void>;
}

const mounted = new Set<Mounted>();

export async function render(node: ReactNode): Promise<Mounted> {
  const container = document.createElement('div');
  document.body.append(container);
  const root: Root = createRoot(container);
  await act(async () => root.render(node));
  const handle: Mounted = {
    container,
    rerender: (next) => act(async () => root.render(next)),
    unmount: async () => {
      mounted.delete(handle);
      await act(async () => root.unmount());
      container.remove();
    },
  };
  mounted.add(handle);
  return handle;
}

/** Unmounts everything render() mounted; call from afterEach. */
export async function cleanup(): Promise<void> {
  for (const handle of [...mounted]) await handle.unmount();
}

/** Runs a DOM action (click, focus, …) inside act so React's updates are flushed. */
export async function perform(action: () => void): Promise<void> {
  await act(async () => action());
}

/** Sends a keydown to `target` (default: the focused element); true if nothing cancelled it. */
export async function press(key: string, init: KeyboardEventInit = {}, target?: Element) {
  const el = target ?? document.activeElement ?? document.body;
  let notCancelled = true;
  await act(async () => {
    notCancelled = el.dispatchEvent(
      new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }),
    );
  });
  return notCancelled;
}

/** Sets an input's value the way typing does, so React's onChange sees it. */
export async function setValue(input: HTMLInputElement, value: string): Promise<void> {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  await act(async () => {
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
