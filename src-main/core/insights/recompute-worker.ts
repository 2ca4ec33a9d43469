import { parentPort, workerData } from 'node:worker_threads';
import type { CoreContext } from '../context.ts';
import { openDatabase } from '../db/database.ts';
import { runRecompute } from './recompute-run.ts';
import type { FromRecompute, RecomputeStart } from './recompute-aside.ts';

// One recompute in a thread and on a connection of its own: the core's thread
// goes on answering calls meanwhile, and WAL lets its reads go on while this
// connection writes. The core's clock is read once, when the run starts.
const port = parentPort;
if (!port) throw new Error('recompute-worker.ts must be started as a worker thread.');
const send = (message: FromRecompute) => port.postMessage(message);

const { dataDir, now } = workerData as RecomputeStart;
const { db } = openDatabase(dataDir);
const ctx: CoreContext = {
  db,
  clock: { now: () => now },
  publish: (event) => send({ type: 'event', event }),
  notify: (event) => send({ type: 'event', event }),
};
try {
  const outcome = await runRecompute(ctx, (phase, done, total) => send({ type: 'progress', phase, done, total }));
  send({ type: 'done', outcome });
} catch (error) {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
} finally {
  await db.destroy();
  port.close();
}
