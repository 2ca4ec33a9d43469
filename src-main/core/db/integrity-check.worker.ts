import Sqlite from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

// Reads every page of the database (SQLite's quick_check) on a read-only
// connection of its own, in its own thread, so the core answers calls meanwhile.
// Posts the problems found: none when the file is sound.
const port = parentPort;
if (!port) throw new Error('integrity-check.worker.ts must be started as a worker thread.');
const { file } = workerData as { file: string };
let problems: string[];
try {
  const sqlite = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    const rows = sqlite.pragma('quick_check') as Array<{ quick_check: string }>;
    problems = rows.map((row) => row.quick_check).filter((row) => row !== 'ok');
  } finally {
    sqlite.close();
  }
} catch (error) {
  const code = String((error as { code?: unknown }).code ?? '');
  // Only damage is reported; a brief lock or a vanished file is not a damaged one.
  problems = code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB') ? [error instanceof Error ? error.message : String(error)] : [];
}
port.postMessage(problems);
