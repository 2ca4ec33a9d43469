import { copyFileSync, existsSync, linkSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { renameDurably, syncFile, syncFolder } from './durable-files.ts';

// A restore replaces the database file in three steps, each a rename or a new
// link that a crash leaves whole:
//   1. the replacement is written beside it as `<file>.restoring`;
//   2. the current file gets a second name, `<file>.previous`, and the
//      replacement is renamed over `<file>`;
//   3. once the new file has opened and migrated, `<file>.previous` goes.
// While `<file>.previous` exists the restore is not finished: the next start
// puts it back. So after a kill the data is all old or all new.

export const restoringFileOf = (file: string) => `${file}.restoring`;
const previousFileOf = (file: string) => `${file}.previous`;

function removeSidecars(file: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Step 2, on a closed database whose write-ahead log was folded into the file:
 * the replacement takes the file's name, the old file stays as `.previous`.
 */
export function putReplacementInPlace(file: string): void {
  const previous = previousFileOf(file);
  rmSync(previous, { force: true });
  removeSidecars(file);
  try {
    linkSync(file, previous);
  } catch {
    // A disk without hard links (FAT): a copy keeps the old data just as well,
    // and takes its name only once whole, since the next start trusts that name.
    copyFileSync(file, `${previous}.tmp`);
    syncFile(`${previous}.tmp`);
    renameSync(`${previous}.tmp`, previous);
  }
  syncFolder(dirname(file));
  renameDurably(restoringFileOf(file), file);
}

/** Step 3: the new file opened and migrated; the restore is done. */
export function forgetPreviousDatabase(file: string): void {
  rmSync(previousFileOf(file), { force: true });
  syncFolder(dirname(file));
}

/**
 * Undoes step 2 (the new file did not open, or a restore was cut off): the old
 * file takes its name back, with no log of the new one beside it.
 */
export function putPreviousBack(file: string): void {
  const previous = previousFileOf(file);
  if (!existsSync(previous)) return;
  removeSidecars(file);
  renameDurably(previous, file);
  // Two names of one file (killed right after the link): rename leaves both.
  rmSync(previous, { force: true });
}

/** At start: a restore that did not finish leaves the old data in place and no stray files. */
export function finishInterruptedRestore(file: string): void {
  putPreviousBack(file);
  const restoring = restoringFileOf(file);
  for (const stray of [restoring, `${previousFileOf(file)}.tmp`]) {
    rmSync(stray, { force: true });
    removeSidecars(stray);
  }
}
