import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startCoreWorker } from '../core/worker-client.ts';
import { defaultPort } from './default-port.ts';
import { startHttpBridge, type HttpBridge } from './server.ts';

/** The folder holding package.json: the repo root from source, the folder above `dist-main` in the bundle. */
function appFolderUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? '../../' : '../', import.meta.url);
}

/** The app's folder (Electron's app folder too). */
export function appFolder(): string {
  return fileURLToPath(appFolderUrl());
}

/** The built renderer, `dist-renderer` in the app's folder. */
export function defaultRendererDir(): string {
  return fileURLToPath(new URL('dist-renderer/', appFolderUrl()));
}

export { defaultPort } from './default-port.ts';

export type ServeOptions = {
  dataDir: string;
  /** A port the user asked for: used, or the start fails. */
  port?: number | undefined;
  /** Tried when no port was asked for (`defaultPort` unless given); a free one when it is taken. */
  preferredPort?: number;
  rendererDir?: string;
};

export type Serving = {
  bridge: HttpBridge;
  /** What the terminal should say after the address: where the data is, how to stop, what is missing. */
  notes: string[];
  stop: () => Promise<void>;
};

/** Browser mode: the core in a worker, the bridge in front of it. */
export async function serveBrowserMode(options: ServeOptions): Promise<Serving> {
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  // Daily and at-quit backups belong to the app's own runs, not to one-off CLI commands.
  const core = await startCoreWorker({ dataDir: options.dataDir, automaticBackups: true });
  let bridge: HttpBridge;
  const preferredPort = options.preferredPort ?? defaultPort;
  let tookAnotherPort = false;
  try {
    if (options.port !== undefined) {
      bridge = await startHttpBridge({ core, rendererDir, dataDir: options.dataDir, port: options.port });
    } else {
      try {
        bridge = await startHttpBridge({ core, rendererDir, dataDir: options.dataDir, port: preferredPort });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
        bridge = await startHttpBridge({ core, rendererDir, dataDir: options.dataDir, port: 0 });
        tookAnotherPort = true;
      }
    }
  } catch (error) {
    await core.close();
    throw error;
  }
  const notes = [`Ambassador is serving the data in ${options.dataDir}. Keep this terminal open while you work; press Ctrl+C to stop.`];
  if (tookAnotherPort) {
    notes.push(
      `Port ${preferredPort} is in use (perhaps by another Ambassador), so this one uses port ${bridge.port}; your browser may ask again before showing reminders.`,
    );
  }
  if (!existsSync(`${rendererDir}/index.html`)) {
    notes.push(`The app's pages are not built yet (no ${rendererDir}/index.html): run npm run build.`);
  }
  let stopping: Promise<void> | undefined;
  return {
    bridge,
    notes,
    stop: () => (stopping ??= bridge.close().then(() => core.close())),
  };
}
