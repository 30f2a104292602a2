/**
 * The registry from React: `useKeymap` hands the document's keys to it while mounted, and
 * `useCommand` registers a handler for as long as its component is mounted, always calling the
 * newest one (so it sees the component's current state).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  CommandsContext,
  createCommandRegistry,
  useCommand,
  useKeymap,
  type CommandRegistry,
} from '../../../src/renderer/src/commands/registry';
import { cleanup, press, render } from '../react-harness';

afterEach(cleanup);

function Keymap({ registry }: { readonly registry: CommandRegistry }) {
  useKeymap(registry);
  return null;
}

function Counter({ label, seen }: { readonly label: string; readonly seen: string[] }) {
  useCommand('next-annotation', () => void seen.push(label));
  return null;
}

function App({
  registry,
  label,
  seen,
  withCounter = true,
}: {
  readonly registry: CommandRegistry;
  readonly label: string;
  readonly seen: string[];
  readonly withCounter?: boolean;
}) {
  return (
    <CommandsContext.Provider value={registry}>
      <Keymap registry={registry} />
      {withCounter && <Counter label={label} seen={seen} />}
    </CommandsContext.Provider>
  );
}

describe('useCommand and useKeymap', () => {
  it('runs the newest handler of a mounted component, and nothing once it is gone', async () => {
    const registry = createCommandRegistry();
    const seen: string[] = [];
    const app = await render(<App registry={registry} label="first" seen={seen} />);
    expect(await press('j', {}, document.body)).toBe(false); // taken: cancelled
    await app.rerender(<App registry={registry} label="second" seen={seen} />);
    await press('j', {}, document.body);
    expect(seen).toEqual(['first', 'second']);

    await app.rerender(<App registry={registry} label="third" seen={seen} withCounter={false} />);
    expect(await press('j', {}, document.body)).toBe(true); // nobody took it
    expect(seen).toEqual(['first', 'second']);
  });

  it('stops listening to the document when unmounted', async () => {
    const registry = createCommandRegistry();
    const seen: string[] = [];
    const app = await render(<App registry={registry} label="only" seen={seen} />);
    await app.unmount();
    expect(await press('j', {}, document.body)).toBe(true);
    expect(seen).toEqual([]);
  });

  it('registers in the registry given, without a context', async () => {
    const registry = createCommandRegistry();
    const seen: string[] = [];
    function Given() {
      useKeymap(registry);
      useCommand('help', () => void seen.push('help'), registry);
      return null;
    }
    await render(<Given />);
    await press('?', { shiftKey: true }, document.body);
    expect(seen).toEqual(['help']);
  });
});
