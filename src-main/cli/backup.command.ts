import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chooseDataFolder } from '../core/data-folder.ts';
import { databaseFileName, openDatabase, type OpenDatabase } from '../core/db/database.ts';
import { BackupError, backupDatabase } from './backup.ts';
import type { CommandIo } from './clv.command.ts';
import { defaultDataFolder } from './data-folder.ts';

export const backupUsage = `Usage: ambassador backup FILE [--data-dir DIR] [--force]

Saves a checked copy of Ambassador's database to FILE. Safe while Ambassador is
running. --force replaces FILE if it already exists.`;

function readArgs(args: string[]) {
  return parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    strict: true,
    allowPositionals: true,
  });
}

/** `ambassador backup FILE`: a copy that is complete even while the app runs. */
export async function runBackupCommand(args: string[], io: CommandIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed: ReturnType<typeof readArgs>;
  try {
    parsed = readArgs(args);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${backupUsage}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${backupUsage}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    io.stderr('Say which one file to save the backup to: ambassador backup FILE [--data-dir DIR] [--force].\n');
    return 2;
  }
  const target = resolve(positionals[0]!);
  const dataDir = chooseDataFolder(values['data-dir'], env, defaultDataFolder);
  const databaseFile = join(dataDir, databaseFileName);
  if (!existsSync(databaseFile)) {
    io.stderr(`There is no Ambassador database in ${dataDir} to back up.\n`);
    return 1;
  }
  let opened: OpenDatabase;
  try {
    opened = openDatabase(dataDir);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 1;
  }
  try {
    await backupDatabase(opened.sqlite, target, { force: values.force });
  } catch (error) {
    io.stderr(error instanceof BackupError ? `${error.message}\n` : `Ambassador could not make the backup: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await opened.db.destroy();
  }
  io.stdout(`Saved a checked backup of ${databaseFile} to ${target}.\n`);
  return 0;
}
