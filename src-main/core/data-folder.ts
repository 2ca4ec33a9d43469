import { accessSync, constants, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DatabaseOpenError, folderProblem, openMessages } from './db/open-errors.ts';

/**
 * Which folder holds the database, the same rule for the desktop app and browser
 * mode: `--data-dir` wins, then `AMBASSADOR_DATA_DIR`, then the host's default
 * (Electron's userData, or the same folder computed by the CLI).
 */
export function chooseDataFolder(flag: string | undefined, env: NodeJS.ProcessEnv, fallback: () => string): string {
  const chosen = flag || env.AMBASSADOR_DATA_DIR || undefined;
  return chosen ? resolve(chosen) : fallback();
}

/**
 * Creates the data folder readable by the user alone (contacts are private on a
 * shared computer) and checks that Ambassador can write in it. A folder that
 * already exists keeps the permissions its owner gave it.
 */
export function makeDataFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new DatabaseOpenError(openMessages.folderNotCreated(dir, folderProblem(error)), { cause: error });
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new DatabaseOpenError(openMessages.folderNotWritable(dir), { cause: error });
  }
}
