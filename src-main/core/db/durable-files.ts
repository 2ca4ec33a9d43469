import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Flushes a file to disk (opened for writing: Windows needs that). */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename or a new file in `folder` durable; Windows cannot open a folder for that. */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Renames `from` over `to` and flushes the folder: after a crash, `to` is either the old file or the new one. */
export function renameDurably(from: string, to: string): void {
  renameSync(from, to);
  syncFolder(dirname(to));
}

/** Writes `text` to a temporary file beside `file`, flushes it and renames it over `file`: never half written. */
export function writeFileDurably(file: string, text: string, tempSuffix = '.tmp'): void {
  const temp = `${file}${tempSuffix}`;
  try {
    writeFileSync(temp, text, { mode: 0o600 });
    syncFile(temp);
    renameDurably(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
