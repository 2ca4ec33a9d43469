import { existsSync } from 'node:fs';
import { join } from 'node:path';

// Backup files are named for the local time they were made:
// Ambassador-2026-03-14-0930.ambassador, with -2, -3… when that minute is taken,
// and -before-restore on the safety copy a restore makes first.

export const backupExtension = '.ambassador';

const ourName = /^Ambassador-\d{4}-\d{2}-\d{2}-\d{4}(-before-restore)?(-\d+)?\.ambassador$/;

const pad = (value: number) => String(value).padStart(2, '0');

/** The name's stem for the local time of `at` (milliseconds). */
export function backupStem(at: number): string {
  const date = new Date(at);
  return `Ambassador-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`;
}

/** A name in `folder` no file has yet: the time's stem, then -2, -3… */
export function freeBackupPath(folder: string, at: number, beforeRestore: boolean): string {
  const stem = `${backupStem(at)}${beforeRestore ? '-before-restore' : ''}`;
  for (let number = 1; ; number += 1) {
    const path = join(folder, `${stem}${number === 1 ? '' : `-${number}`}${backupExtension}`);
    if (!existsSync(path) && !existsSync(`${path}.partial`)) return path;
  }
}

/** Named like the files Ambassador makes (the rotation and the list look at no other file). */
export function isBackupName(name: string): boolean {
  return ourName.test(name);
}

/** The -2, -3… a name got because its minute was taken (1 without one). */
function sequenceOf(path: string): number {
  return Number(/-\d{2}-\d{4}(?:-before-restore)?-(\d+)\.ambassador$/.exec(path)?.[1] ?? 1);
}

/** Newest first: by the time in the manifest, then, within one minute's names, the later name first. */
export function newestFirst(a: { path: string; createdAt: string }, b: { path: string; createdAt: string }): number {
  return b.createdAt.localeCompare(a.createdAt) || sequenceOf(b.path) - sequenceOf(a.path);
}
