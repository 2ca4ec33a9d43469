import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { BackupCounts } from '../../shared/backup/backup.schemas.ts';
import type { CommandIo } from './clv.command.ts';
import { call, CommandFailure, count, requireDatabase, runDataCommand, UsageError, withCore, type DataCommand } from './core-command.ts';

export const backupUsage = `Usage: ambassador backup [--to DIR] [--data-dir DIR]
       ambassador backup FILE [--force] [--data-dir DIR]

Saves a checked backup of Ambassador's data, also while Ambassador is running:
into the backups folder set in the app, into DIR as
Ambassador-YYYY-MM-DD-HHMM.ambassador with --to, or to FILE. --force replaces
FILE if it already exists.`;

export const restoreUsage = `Usage: ambassador restore FILE [--data-dir DIR]

Checks the backup FILE and puts its data in place of the current data, after
saving a safety backup of the current data (restore that one to undo). Quit
Ambassador first.`;

/** What a backup holds, in words: "12 contacts, 30 interactions, 4 follow-ups and 0 purchases". */
export function describeCounts(counts: BackupCounts): string {
  return `${count(counts.contacts, 'contact', 'contacts')}, ${count(counts.interactions, 'interaction', 'interactions')}, ${count(counts.followups, 'follow-up', 'follow-ups')} and ${count(counts.purchases, 'purchase', 'purchases')}`;
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** `Ambassador-YYYY-MM-DD-HHMM.ambassador` in local time, the name the app gives its backups. */
export function backupFileName(at: Date): string {
  const day = `${at.getFullYear()}-${twoDigits(at.getMonth() + 1)}-${twoDigits(at.getDate())}`;
  return `Ambassador-${day}-${twoDigits(at.getHours())}${twoDigits(at.getMinutes())}.ambassador`;
}

function requireFolder(folder: string): void {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new CommandFailure(`The folder ${folder} does not exist. Create it first, or save the backup somewhere else.`);
  }
}

/** A new file in `folder` named for now; a second backup in the same minute gets "-2", "-3"… */
function fileInFolder(folder: string, now: Date): string {
  requireFolder(folder);
  const name = backupFileName(now);
  let file = join(folder, name);
  for (let n = 2; existsSync(file); n++) file = join(folder, name.replace(/\.ambassador$/, `-${n}.ambassador`));
  return file;
}

function targetOf(values: Record<string, string | boolean | undefined>, positionals: string[], now: Date): string | undefined {
  if (positionals.length > 1) throw new UsageError('Say one file to save the backup to, or --to a folder.');
  const to = values.to as string | undefined;
  const [file] = positionals;
  if (file !== undefined && to !== undefined) throw new UsageError('Say either a file or --to a folder, not both.');
  if (file === undefined && values.force) throw new UsageError('--force replaces a FILE you name; say which one.');
  if (to !== undefined) return fileInFolder(resolve(to), now);
  if (file === undefined) return undefined;
  const target = resolve(file);
  requireFolder(dirname(target));
  if (existsSync(target) && !values.force) throw new CommandFailure(`${target} already exists. Choose another name, or add --force to replace it.`);
  return target;
}

const backupCommand = (now: () => Date): DataCommand => ({
  usage: backupUsage,
  options: { to: { type: 'string' }, force: { type: 'boolean', default: false } },
  run: async ({ values, positionals, dataDir }, io) => {
    const to = targetOf(values, positionals, now());
    requireDatabase(dataDir, 'back up');
    const made = await withCore(dataDir, (core) => call(core, 'backup.create', to === undefined ? {} : { to }));
    io.stdout(`Saved a checked backup to ${made.path}: ${describeCounts(made.manifest.counts)}.\n`);
  },
});

const restoreCommand: DataCommand = {
  usage: restoreUsage,
  options: {},
  run: async ({ positionals, dataDir }, io) => {
    if (positionals.length !== 1) throw new UsageError('Say which one backup file to restore.');
    const file = resolve(positionals[0]!);
    if (!existsSync(file)) throw new CommandFailure(`There is no file ${file}. Check the name and try again.`);
    const restored = await withCore(dataDir, async (core) => {
      // The checks first: a bad file is refused with its reason before anything changes.
      await call(core, 'backup.inspect', { file });
      return call(core, 'backup.restore', { file });
    });
    const { manifest } = restored;
    io.stdout(
      `Restored ${describeCounts(restored.counts)} from ${restored.restoredFrom} (made ${manifest.createdAt} by Ambassador ${manifest.appVersion}).\n` +
        `The data as it was before is saved in ${restored.safetyBackup.path}: to undo, choose Undo restore in the app, or run ambassador restore "${restored.safetyBackup.path}".\n`,
    );
  },
};

/** `ambassador backup [--to DIR] | FILE [--force]`: a checked backup made by the core, also while the app runs. */
export function runBackupCommand(args: string[], io: CommandIo, env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): Promise<number> {
  return runDataCommand(backupCommand(now), args, io, env);
}

/** `ambassador restore FILE`: the core checks the backup, keeps a safety copy of the current data and swaps it in. */
export function runRestoreCommand(args: string[], io: CommandIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return runDataCommand(restoreCommand, args, io, env);
}
