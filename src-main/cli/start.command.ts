import { spawn } from 'node:child_process';
import { appFolder, serveBrowserMode } from '../http/serve.ts';
import { chooseDataFolder } from '../core/data-folder.ts';
import { defaultDataFolder } from './data-folder.ts';
import { findElectronRuntime } from './electron-runtime.ts';
import { openInBrowser } from './open-browser.ts';
import { stopOnSignal } from './stop-on-signal.ts';

/**
 * `ambassador start`: the desktop window where Electron's runtime is available,
 * otherwise browser mode on the same data folder, saying why in one sentence.
 */
export async function runStart(options: { dataDir?: string | undefined; port?: number | undefined }): Promise<number> {
  const root = appFolder();
  const runtime = findElectronRuntime(root);
  if (runtime.available) {
    const args = [root, ...(options.dataDir ? ['--data-dir', options.dataDir] : [])];
    const child = spawn(runtime.executable, args, { stdio: 'inherit' });
    return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  }
  const dataDir = chooseDataFolder(options.dataDir, process.env, defaultDataFolder);
  const serving = await serveBrowserMode({ dataDir, port: options.port });
  console.log(`Ambassador is running in your browser instead of a desktop window because ${runtime.reason}: open ${serving.bridge.url}`);
  for (const note of serving.notes) console.log(note);
  openInBrowser(serving.bridge.url);
  return stopOnSignal(serving.stop);
}
