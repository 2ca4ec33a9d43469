import { resolve } from 'node:path';

/**
 * Which folder holds the database, the same rule for the desktop app and browser
 * mode: `--data-dir` wins, then `AMBASSADOR_DATA_DIR`, then the host's default
 * (Electron's userData, or the same folder computed by the CLI).
 */
export function chooseDataFolder(flag: string | undefined, env: NodeJS.ProcessEnv, fallback: () => string): string {
  const chosen = flag || env.AMBASSADOR_DATA_DIR || undefined;
  return chosen ? resolve(chosen) : fallback();
}
