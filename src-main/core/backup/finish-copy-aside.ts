import { Worker } from 'node:worker_threads';
import type { BackupManifest } from '../../../shared/backup/backup.schemas.ts';

// Checking a backup copy reads every page of it (integrity_check) and counts its
// rows: about 15 s at 100,000 contacts with a million interactions and purchases.
// On the core's thread that froze the app every morning (the daily backup) and at
// every Back up now, so the copy is finished in a thread of its own
// (finish-copy.worker.ts) while the core goes on answering calls.

export type FinishCopyStart = { file: string; manifest: Omit<BackupManifest, 'schemaVersion' | 'counts'> };
export type FinishCopyOutcome =
  | { ok: true; manifest: unknown; problems: string[] }
  | { ok: false; message: string; code: string | undefined; typeError: boolean };

// Bundled, the worker is finish-copy.js beside the file this code was bundled into (vite.main.config.ts).
const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './finish-copy.worker.ts' : './finish-copy.js', import.meta.url);

/** finishCopy off the core's thread: writes the manifest into the copy, checks the whole file and reads the manifest back. */
export function finishCopyAside(start: FinishCopyStart): Promise<{ manifest: unknown; problems: string[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { workerData: start });
    worker.once('message', (outcome: FinishCopyOutcome) => {
      if (outcome.ok) resolve({ manifest: outcome.manifest, problems: outcome.problems });
      else reject(Object.assign(outcome.typeError ? new TypeError(outcome.message) : new Error(outcome.message), outcome.code === undefined ? {} : { code: outcome.code }));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The backup check stopped before it finished (exit code ${code}).`)));
  });
}
