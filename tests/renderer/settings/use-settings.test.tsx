/**
 * useSettings in Chromium with a fake client: a change shows at once and is saved; when saving
 * fails (a read-only library) the setting goes back to what it was and the error is reported;
 * an older failure does not undo a newer change of the same setting.
 */
import { useEffect } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/contract/entities';
import type { Client } from '../../../src/shared/contract/operations';
import { useSettings, type SettingsPatch } from '../../../src/renderer/src/settings/use-settings';
import { cleanup, perform, render } from '../react-harness';
import { until } from '../safety/until';

afterEach(cleanup);

interface Pending {
  readonly patch: SettingsPatch;
  readonly succeed: () => void;
  readonly fail: (error: Error) => void;
}

function fakeClient(initial: Settings) {
  let stored = initial;
  const pending: Pending[] = [];
  const client = {
    getSettings: vi.fn(async () => ({ settings: stored })),
    updateSettings: vi.fn(
      ({ patch }: { patch: SettingsPatch }) =>
        new Promise<{ settings: Settings }>((resolve, reject) =>
          pending.push({
            patch,
            succeed: () => {
              stored = { ...stored, ...patch };
              resolve({ settings: stored });
            },
            fail: reject,
          }),
        ),
    ),
  };
  return { client: client as unknown as Client, pending };
}

const latest: { current: ReturnType<typeof useSettings> | null } = { current: null };

function Harness({ client, onError }: { client: Client; onError: (error: unknown) => void }) {
  const settings = useSettings(client, onError);
  useEffect(() => {
    latest.current = settings;
  });
  return null;
}

async function setup() {
  const initial: Settings = { ...DEFAULT_SETTINGS, suggestClaims: false, fontSize: 18 };
  const fake = fakeClient(initial);
  const errors: unknown[] = [];
  const onError = (error: unknown) => void errors.push(error);
  await render(<Harness client={fake.client} onError={onError} />);
  await until(() => expect(latest.current!.settings.fontSize).toBe(18));
  return { ...fake, errors };
}

const shown = () => latest.current!.settings;

describe('useSettings', () => {
  it('shows a change at once and keeps what the service saved', async () => {
    const { pending, errors } = await setup();
    await perform(() => latest.current!.update({ suggestClaims: true }));
    expect(shown().suggestClaims).toBe(true);
    await perform(() => pending[0]!.succeed());
    await until(() => expect(pending).toHaveLength(1));
    expect(shown().suggestClaims).toBe(true);
    expect(errors).toEqual([]);
  });

  it('goes back to what it was when the service refuses, and reports the error', async () => {
    const { pending, errors } = await setup();
    await perform(() => latest.current!.update({ suggestClaims: true, fontSize: 20 }));
    expect(shown()).toMatchObject({ suggestClaims: true, fontSize: 20 });
    const refused = new Error('The library is read-only');
    await perform(() => pending[0]!.fail(refused));
    await until(() => expect(shown()).toMatchObject({ suggestClaims: false, fontSize: 18 }));
    expect(errors).toEqual([refused]);
  });

  it('does not undo a newer change when an older one fails', async () => {
    const { pending, errors } = await setup();
    await perform(() => latest.current!.update({ fontSize: 20, suggestClaims: true }));
    await perform(() => latest.current!.update({ fontSize: 22 }));
    await perform(() => pending[0]!.fail(new Error('busy')));
    await until(() => expect(errors).toHaveLength(1));
    // suggestClaims goes back (nothing changed it since); fontSize keeps the newer 22.
    expect(shown()).toMatchObject({ suggestClaims: false, fontSize: 22 });
  });
});
