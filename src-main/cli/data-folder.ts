import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Ambassador keeps its data when no folder is given: the same folder
 * Electron's `app.getPath('userData')` gives the desktop app, so browser mode and
 * the desktop window share one database.
 */
export function defaultDataFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Ambassador');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Ambassador');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'Ambassador');
}
