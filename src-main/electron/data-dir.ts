import { chooseDataFolder } from '../core/data-folder.ts';

/** The value of `--data-dir DIR` or `--data-dir=DIR` in a command line, if present. */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir') return argv[i + 1] || undefined;
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length) || undefined;
  }
  return undefined;
}

/** Where the database lives, by the rule browser mode follows too, defaulting to Electron's userData. */
export function chooseDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, userData: () => string): string {
  return chooseDataFolder(dataDirFlag(argv), env, userData);
}
