import { spawn } from 'node:child_process';
import { appFolder } from '../http/serve.ts';
import { runBrowserMode } from './browser-mode.ts';
import { findElectronRuntime } from './electron-runtime.ts';

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
  return runBrowserMode(
    { dataDir: options.dataDir, port: options.port, open: true },
    (url) => `Ambassador is running in your browser instead of a desktop window because ${runtime.reason}: open ${url}`,
  );
}
