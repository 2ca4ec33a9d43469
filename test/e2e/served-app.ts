import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';

export type ServedApp = { url: string; origin: string; stop: () => Promise<void> };

/**
 * Runs the built `ambassador serve` on a data folder, as a user would, and
 * returns the address it printed first.
 */
export async function serveApp(dataDir: string): Promise<ServedApp> {
  if (!existsSync('dist-main/cli.js') || !existsSync('dist-renderer/index.html')) {
    throw new Error('The app is not built: run npm run build before the browser tests.');
  }
  const child: ChildProcess = spawn(process.execPath, ['dist-main/cli.js', 'serve', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const [url] = (await once(lines, 'line')) as [string];
  lines.on('line', () => {});
  if (!/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{32}$/.test(url)) {
    child.kill();
    throw new Error(`ambassador serve printed “${url}” instead of its address first.`);
  }
  return {
    url,
    origin: new URL(url).origin,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGINT');
      await once(child, 'exit');
    },
  };
}
