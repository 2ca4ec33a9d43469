import { chooseDataFolder } from '../core/data-folder.ts';
import { serveBrowserMode } from '../http/serve.ts';
import { defaultDataFolder } from './data-folder.ts';
import { openInBrowser } from './open-browser.ts';
import { stopOnSignal } from './stop-on-signal.ts';

export type BrowserModeOptions = { dataDir?: string | undefined; port?: number | undefined; open: boolean };

/**
 * Browser mode from a terminal, for `serve` and for `start` without Electron:
 * the first line the terminal shows is `firstLine(address)`, then the notes;
 * it runs until Ctrl+C or the terminal closes.
 */
export async function runBrowserMode(options: BrowserModeOptions, firstLine: (url: string) => string): Promise<number> {
  const dataDir = chooseDataFolder(options.dataDir, process.env, defaultDataFolder);
  const serving = await serveBrowserMode({ dataDir, port: options.port });
  console.log(firstLine(serving.bridge.url));
  for (const note of serving.notes) console.log(note);
  if (options.open) openInBrowser(serving.bridge.url);
  return stopOnSignal(serving.stop);
}
