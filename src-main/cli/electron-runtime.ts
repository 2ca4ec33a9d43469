import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export type ElectronRuntime = { available: true; executable: string } | { available: false; reason: string };

/**
 * The path of the Electron binary the `electron` package manages, or undefined
 * when it is missing. Asking for it may download it on a machine that is
 * online; here that download cannot happen, so it runs in a child process whose
 * noise we keep out of the user's terminal and the test reports.
 */
export function findElectronExecutable(appRoot: string): string | undefined {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: appRoot,
    encoding: 'utf8',
    timeout: 5 * 60_000,
  });
  const executable = probe.stdout?.trim() ?? '';
  return probe.status === 0 && executable !== '' && existsSync(executable) ? executable : undefined;
}

/** On Linux a window needs an X or Wayland display; other systems always have one. */
export function hasGraphicalDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return process.platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Whether `ambassador start` can open the desktop window, and if not, why. */
export function findElectronRuntime(appRoot: string, env: NodeJS.ProcessEnv = process.env): ElectronRuntime {
  const executable = findElectronExecutable(appRoot);
  if (executable === undefined) {
    return { available: false, reason: 'Electron’s runtime is not available on this machine (it is not installed and could not be downloaded)' };
  }
  if (!hasGraphicalDisplay(env)) {
    return { available: false, reason: 'there is no graphical display to open a window on (DISPLAY is not set)' };
  }
  return { available: true, executable };
}
