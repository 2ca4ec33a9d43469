import { describe, expect, it } from 'vitest';
import { createListeners } from '../../src-main/core/listeners.ts';

describe('the core’s listener fan-out', () => {
  it('gives each value to every listener in the order they came, and stops for one that left', () => {
    const listeners = createListeners<number>();
    const heard: string[] = [];
    listeners.add((value) => heard.push(`first ${value}`));
    const leave = listeners.add((value) => heard.push(`second ${value}`));
    listeners.emit(1);
    leave();
    listeners.emit(2);
    listeners.clear();
    listeners.emit(3);
    expect(heard).toEqual(['first 1', 'second 1', 'first 2']);
  });
});
