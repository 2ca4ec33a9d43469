import { parentPort, workerData } from 'node:worker_threads';
import type { FinishCopyOutcome, FinishCopyStart } from './finish-copy-aside.ts';
import { finishCopy } from './backup-file.repository.ts';

// Finishes one backup copy (see finishCopy) in a thread of its own.
const port = parentPort;
if (!port) throw new Error('finish-copy.worker.ts must be started as a worker thread.');
const { file, manifest } = workerData as FinishCopyStart;
let outcome: FinishCopyOutcome;
try {
  const finished = finishCopy(file, (facts) => ({ ...manifest, schemaVersion: facts.migrations.at(-1) ?? '', counts: facts.counts }));
  outcome = { ok: true, ...finished };
} catch (error) {
  const code = (error as { code?: unknown }).code;
  outcome = {
    ok: false,
    message: error instanceof Error ? error.message : String(error),
    code: typeof code === 'string' ? code : undefined,
    typeError: error instanceof TypeError,
  };
}
port.postMessage(outcome);
