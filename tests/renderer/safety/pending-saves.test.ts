/**
 * The window's pending saves around a restore: every registered queue is held and flushed before
 * the restore starts (the flush resolves only once each queue's saves are stored), then
 * discarded (the restore succeeded) or resumed (it failed). A removed queue is left alone.
 */
import { describe, expect, it } from 'vitest';
import { createPendingSaves, type SaveQueue } from '../../../src/renderer/src/safety/pending-saves';

function recordingQueue(log: string[], name: string, flushed: Promise<void> = Promise.resolve()) {
  const queue: SaveQueue = {
    hold: () => void log.push(`${name} hold`),
    flush: async () => {
      log.push(`${name} flush`);
      await flushed;
      log.push(`${name} flushed`);
    },
    discard: () => void log.push(`${name} discard`),
    resume: () => void log.push(`${name} resume`),
  };
  return queue;
}

describe('createPendingSaves', () => {
  it('R25 holds every queue before flushing any, and resolves once all are flushed', async () => {
    const log: string[] = [];
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const saves = createPendingSaves();
    saves.register(recordingQueue(log, 'a', slow));
    saves.register(recordingQueue(log, 'b'));
    const done = saves.holdAndFlush().then(() => log.push('done'));
    await Promise.resolve();
    expect(log.slice(0, 2)).toEqual(['a hold', 'b hold']);
    expect(log).not.toContain('done');
    release();
    await done;
    expect(log.at(-1)).toBe('done');
    expect(log).toContain('a flushed');
  });

  it('discards or resumes every registered queue, and leaves a removed one alone', () => {
    const log: string[] = [];
    const saves = createPendingSaves();
    saves.register(recordingQueue(log, 'kept'));
    const remove = saves.register(recordingQueue(log, 'removed'));
    remove();
    saves.discard();
    saves.resume();
    expect(log).toEqual(['kept discard', 'kept resume']);
  });

  it('a queue registered twice stays until both registrations are removed', () => {
    const log: string[] = [];
    const saves = createPendingSaves();
    const queue = recordingQueue(log, 'q');
    const first = saves.register(queue);
    saves.register(queue);
    first();
    saves.discard();
    expect(log).toEqual(['q discard']);
  });
});
