import { resolve } from 'node:path';

/** The value of `--data-dir DIR` or `--data-dir=DIR` in a command line, if present. */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir') return argv[i + 1] || undefined;
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length) || undefined;
  }
  return undefined;
}

/**
 * Where the database lives: `--data-dir` wins, then `AMBASSADOR_DATA_DIR`, then
 * Electron's userData folder (the same default `ambassador serve` uses).
 */
export function chooseDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, userData: () => string): string {
  const chosen = dataDirFlag(argv) ?? (env.AMBASSADOR_DATA_DIR || undefined);
  return chosen ? resolve(chosen) : userData();
}
