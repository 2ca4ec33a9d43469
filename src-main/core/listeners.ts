/**
 * Listeners that all hear each value, in the order they were added: the fan-out
 * behind every `onEvent` of the core.
 */
export type Listeners<T> = {
  /** Adds a listener; returns the function that removes it. */
  add: (listener: (value: T) => void) => () => void;
  emit: (value: T) => void;
  clear: () => void;
};

export function createListeners<T>(): Listeners<T> {
  const listeners = new Set<(value: T) => void>();
  return {
    add: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    emit: (value) => {
      for (const listener of listeners) listener(value);
    },
    clear: () => listeners.clear(),
  };
}
