import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export type ElectronRuntime = { available: true; executable: string } | { available: false; reason: string };

/**
 * Finds the Electron binary the `electron` package manages. Asking for it may
 * download it on a machine that is online; here that download cannot happen, so
 * it runs in a child process whose noise we keep out of the user's terminal.
 */
export function findElectronRuntime(appRoot: string, env: NodeJS.ProcessEnv = process.env): ElectronRuntime {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: appRoot,
    encoding: 'utf8',
    timeout: 5 * 60_000,
  });
  const executable = probe.stdout?.trim() ?? '';
  if (probe.status !== 0 || executable === '' || !existsSync(executable)) {
    return { available: false, reason: 'Electron’s runtime is not available on this machine (it is not installed and could not be downloaded)' };
  }
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { available: false, reason: 'there is no graphical display to open a window on (DISPLAY is not set)' };
  }
  return { available: true, executable };
}
