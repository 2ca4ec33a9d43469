import { AsyncLocalStorage } from 'node:async_hooks';

/** Lets the core pause its calls while it swaps its database (a restore). */
export type CallGate = {
  /** Runs one call; while the core is paused it waits, then runs on whatever data is there by then. */
  call<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Pauses the core: new calls wait, calls already running finish (all but the
   * one asking, which would otherwise wait for itself), then `work` runs and the
   * core resumes. One pause at a time; a call asking while another pause is on
   * waits for it, and does not hold that pause up.
   */
  paused<T>(work: () => Promise<T>): Promise<T>;
};

export function createCallGate(): CallGate {
  const running = new Set<symbol>();
  const current = new AsyncLocalStorage<symbol>();
  const wakers = new Set<() => void>();
  let pause: Promise<unknown> | undefined;

  const changed = () => {
    for (const wake of [...wakers]) wake();
  };
  const nextChange = () =>
    new Promise<void>((resolve) => {
      const wake = () => {
        wakers.delete(wake);
        resolve();
      };
      wakers.add(wake);
    });

  return {
    async call(work) {
      // Checked and acted on in one turn: no await between the last check and what follows.
      while (pause) await pause.catch(() => undefined);
      const id = Symbol('call');
      running.add(id);
      try {
        return await current.run(id, work);
      } finally {
        running.delete(id);
        changed();
      }
    },
    async paused(work) {
      const self = current.getStore();
      if (self) running.delete(self);
      changed();
      try {
        while (pause) await pause.catch(() => undefined);
        const pausing = (async () => {
          while (running.size > 0) await nextChange();
          return work();
        })();
        pause = pausing;
        try {
          return await pausing;
        } finally {
          pause = undefined;
        }
      } finally {
        if (self) running.add(self);
      }
    },
  };
}
