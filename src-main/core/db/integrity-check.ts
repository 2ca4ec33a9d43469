import { Worker } from 'node:worker_threads';

// From source the check is integrity-check.worker.ts; from the bundle it is
// integrity-check.js beside the file this code was bundled into (see worker-client.ts).
const checkUrl = new URL(import.meta.url.endsWith('.ts') ? './integrity-check.worker.ts' : './integrity-check.js', import.meta.url);

export type IntegrityCheck = {
  /** Resolves with the problems found (none for a sound file), or none when stopped first. */
  readonly done: Promise<string[]>;
  /** Stops the check (the core closes, or a restore replaces the file). */
  stop(): Promise<void>;
};

/**
 * Reads every page of `file` in a thread of its own: a check that takes
 * seconds at 100,000 contacts must not stand between start-up and the first answer.
 */
export function startIntegrityCheck(file: string): IntegrityCheck {
  const worker = new Worker(checkUrl, { workerData: { file } });
  const done = new Promise<string[]>((resolve) => {
    worker.once('message', (problems: string[]) => resolve(problems));
    worker.once('error', (error) => {
      console.error('Ambassador could not check its data file in the background:', error);
      resolve([]);
    });
    worker.once('exit', () => resolve([]));
  });
  return {
    done,
    stop: async () => {
      await worker.terminate();
    },
  };
}
