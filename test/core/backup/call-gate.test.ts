import { describe, expect, it } from 'vitest';
import { createCallGate } from '../../../src-main/core/call-gate.ts';

/** A promise the test settles by hand. */
function later<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

const turns = async (count = 5) => {
  for (let index = 0; index < count; index += 1) await new Promise((resolve) => setImmediate(resolve));
};

describe('the call gate a restore pauses the core with', () => {
  it('waits for running calls (but the one pausing), holds new calls until the pause is over, then runs them', async () => {
    const gate = createCallGate();
    const log: string[] = [];
    const slow = later();
    const running = gate.call(async () => {
      await slow.promise;
      log.push('running call done');
    });
    const pausing = gate.call(() =>
      gate.paused(async () => {
        log.push('paused work');
      }),
    );
    await turns();
    const arriving = gate.call(async () => {
      log.push('new call');
    });
    await turns();
    expect(log).toEqual([]);
    slow.resolve();
    await Promise.all([running, pausing, arriving]);
    expect(log).toEqual(['running call done', 'paused work', 'new call']);
  });

  it('runs two pauses one after the other, without either waiting for the other forever', async () => {
    const gate = createCallGate();
    const log: string[] = [];
    const first = later();
    const one = gate.call(() =>
      gate.paused(async () => {
        log.push('first starts');
        await first.promise;
        log.push('first ends');
      }),
    );
    const two = gate.call(() =>
      gate.paused(async () => {
        log.push('second');
      }),
    );
    await turns();
    expect(log).toEqual(['first starts']);
    first.resolve();
    await Promise.all([one, two]);
    expect(log).toEqual(['first starts', 'first ends', 'second']);
  });

  it('resumes after a pause whose work failed', async () => {
    const gate = createCallGate();
    await expect(gate.call(() => gate.paused(async () => Promise.reject(new Error('swap failed'))))).rejects.toThrow('swap failed');
    expect(await gate.call(async () => 'after')).toBe('after');
  });
});
