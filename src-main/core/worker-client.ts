import { Worker } from 'node:worker_threads';
import type { CoreEvent } from '../../shared/api/events.ts';
import type { DispatchResult } from '../../shared/api/result.ts';
import type { CoreHandle } from './core-handle.ts';
import { createListeners } from './listeners.ts';
import type { FromWorker, ToWorker, WorkerStart } from './worker-protocol.ts';

// From source (tests, Node's type stripping) the worker is worker.ts; from the
// bundle it is worker.js beside the file this code was bundled into. In the
// packaged app both stay inside app.asar, so what runs is what was signed:
// Electron reads asar in worker threads since 18 (electron/electron#33216), and
// only better-sqlite3's native module is unpacked (electron-builder.yml).
const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

const unsendable: DispatchResult = {
  ok: false,
  error: {
    code: 'VALIDATION',
    message: 'Ambassador could not take this input: it is nested too deeply or is not plain data.',
  },
};

const stopped: DispatchResult = {
  ok: false,
  error: { code: 'INTERNAL', message: 'Ambassador’s data engine stopped. Restart the app; your saved data is safe.' },
};

/** Starts the core in a worker thread; resolves once the database is open and migrated. */
export function startCoreWorker(options: WorkerStart): Promise<CoreHandle> {
  const worker = new Worker(workerUrl, { workerData: options satisfies WorkerStart });
  const calls = new Map<number, (result: DispatchResult) => void>();
  const listeners = createListeners<CoreEvent>();
  let nextId = 1;
  let closing: Promise<void> | undefined;
  let alive = true;

  const settleAll = () => {
    alive = false;
    for (const resolve of calls.values()) resolve(stopped);
    calls.clear();
  };

  const handle: CoreHandle = {
    dispatch: (method, input) =>
      new Promise((resolve) => {
        if (!alive || closing) return resolve(stopped);
        const id = nextId++;
        try {
          worker.postMessage({ type: 'call', id, method, input } satisfies ToWorker);
        } catch {
          // Input the worker cannot receive is refused here, never left pending.
          return resolve(unsendable);
        }
        calls.set(id, resolve);
      }),
    onEvent: listeners.add,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        if (!alive) return resolve();
        worker.once('exit', () => resolve());
        worker.postMessage({ type: 'close' } satisfies ToWorker);
      });
      return closing;
    },
  };

  return new Promise((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          return resolve(handle);
        case 'failed':
          return reject(new Error(message.message));
        case 'result':
          calls.get(message.id)?.(message.result);
          calls.delete(message.id);
          return;
        case 'event':
          listeners.emit(message.event);
          return;
        case 'closed':
          return;
      }
    });
    worker.on('error', (error) => {
      settleAll();
      reject(error);
    });
    worker.on('exit', (code) => {
      settleAll();
      reject(new Error(`The data engine exited (code ${code}) before it was ready.`));
    });
  });
}
