import { parentPort, workerData } from 'node:worker_threads';
import { createCore } from './core.ts';
import type { FromWorker, ToWorker, WorkerStart } from './worker-protocol.ts';

// The core's home in the desktop app and in browser mode: a worker thread, so a
// long import or model fit never blocks the window or the HTTP server.
const port = parentPort;
if (!port) throw new Error('worker.ts must be started as a worker thread.');
const send = (message: FromWorker) => port.postMessage(message);

try {
  const { dataDir, automaticBackups } = workerData as WorkerStart;
  const core = await createCore({ dataDir, automaticBackups });
  core.onEvent((event) => send({ type: 'event', event }));
  port.on('message', (message: ToWorker) => {
    if (message.type === 'call') {
      void core.dispatch(message.method, message.input).then((result) => send({ type: 'result', id: message.id, result }));
    } else {
      void core.close().then(() => {
        send({ type: 'closed' });
        port.close();
      });
    }
  });
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  port.close();
}
