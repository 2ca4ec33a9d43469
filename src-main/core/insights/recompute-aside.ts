import { Worker } from 'node:worker_threads';
import type { CoreEvent } from '../../../shared/api/events.ts';
import { nowOf, type CoreContext } from '../context.ts';
import { runRecompute, type Progress, type RecomputeOutcome } from './recompute-run.ts';

// A big book's recompute takes seconds of SQL and CPU. Run in the core's own
// thread, it held every call (a search typed meanwhile waited for it), so it
// runs in a worker thread on its own connection (recompute-worker.ts). A core
// without a data folder or windows to tell (none in the app) runs it inline.

export type RecomputeStart = { dataDir: string; now: number };

export type FromRecompute =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'event'; event: CoreEvent }
  | { type: 'done'; outcome: RecomputeOutcome }
  | { type: 'failed'; message: string };

// Bundled, this file and the worker's sit side by side (vite.main.config.ts).
const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './recompute-worker.ts' : './recompute-worker.js', import.meta.url);

/**
 * Runs one recompute off the core's thread; its events are published here as the
 * worker commits them. `stop` ends the thread, its connection and any write it
 * had begun (rolled back): a restore must not swap the file under a second
 * connection, nor wait for a big book's run to finish. The promise settles once
 * the thread has gone.
 */
export function recomputeAside(ctx: CoreContext, progress: Progress, stop?: AbortSignal): Promise<RecomputeOutcome> {
  const dataDir = ctx.dataFolder?.dir;
  const notify = ctx.notify;
  if (dataDir === undefined || notify === undefined) return runRecompute(ctx, progress);
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { workerData: { dataDir, now: nowOf(ctx) } satisfies RecomputeStart });
    stop?.addEventListener('abort', () => void worker.terminate(), { once: true });
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      finish();
    };
    worker.on('message', (message: FromRecompute) => {
      if (message.type === 'progress') progress(message.phase, message.done, message.total);
      // The worker's own mutate published the change once it committed: it reaches the open windows from here.
      else if (message.type === 'event') notify(message.event);
      else if (message.type === 'done') settle(() => resolve(message.outcome));
      else settle(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`The recompute stopped before it finished (exit code ${code}).`))));
  });
}
