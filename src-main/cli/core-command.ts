import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract.ts';
import { chooseDataFolder } from '../core/data-folder.ts';
import { createCore, type Core } from '../core/core.ts';
import { databaseFileName } from '../core/db/database.ts';
import type { CommandIo } from './clv.command.ts';
import { defaultDataFolder } from './data-folder.ts';

// The data commands (backup, restore, import, export) open the core in this
// process and call the same actions the app does: the rules live in the core
// alone. A failure is one sentence on stderr and exit 1; a bad command line is
// the sentence and the command's usage, exit 2.

/** The command line is wrong: exit 2 with the usage. */
export class UsageError extends Error {}

/** The command could not do its work: exit 1 with this sentence. */
export class CommandFailure extends Error {}

export type DataCommand = {
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run: (parsed: { values: Record<string, string | boolean | undefined>; positionals: string[]; dataDir: string }, io: CommandIo) => Promise<void>;
};

/** Parses the command line, runs the command and turns what went wrong into an exit code and one sentence. */
export async function runDataCommand(command: DataCommand, args: string[], io: CommandIo, env: NodeJS.ProcessEnv): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...command.options, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) {
      io.stdout(`${command.usage}\n`);
      return 0;
    }
    const dataDir = chooseDataFolder(values['data-dir'] as string | undefined, env, defaultDataFolder);
    await command.run({ values, positionals, dataDir }, io);
    return 0;
  } catch (error) {
    const isUsage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (isUsage) {
      io.stderr(`${(error as Error).message}\n${command.usage}\n`);
      return 2;
    }
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** Refuses to work on a data folder that holds no database (a typo in --data-dir would otherwise make an empty one). */
export function requireDatabase(dataDir: string, doing: string): void {
  if (!existsSync(join(dataDir, databaseFileName))) throw new CommandFailure(`There is no Ambassador database in ${dataDir} to ${doing}.`);
}

/** Opens the core on `dataDir` for one command and always closes it. */
export async function withCore<T>(dataDir: string, work: (core: Core) => Promise<T>): Promise<T> {
  let core: Core;
  try {
    // Unexpected errors reach the user as the core's sentence; the command prints nothing more.
    core = await createCore({ dataDir, logError: () => {} });
  } catch (error) {
    throw new CommandFailure((error as Error).message);
  }
  try {
    return await work(core);
  } finally {
    await core.close();
  }
}

/** Calls one action; its error's sentence becomes the command's. */
export async function call<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw new CommandFailure(result.error.message);
  return result.value as MethodOutput<M>;
}

/** "1 contact", "3 contacts". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
