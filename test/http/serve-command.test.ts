import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

// `ambassador serve` from source, as a user's terminal would run it.
function startServe(args: string[]): { child: ChildProcess; lines: AsyncIterator<string> } {
  const child = spawn(process.execPath, ['src-main/cli/cli.ts', 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return { child, lines };
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  child.kill('SIGINT');
  const [code] = await once(child, 'exit');
  return code as number | null;
}

describe('ambassador serve', () => {
  const cleanups: Array<() => Promise<unknown> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('prints exactly the address to open as its first line, serves data there, and stops cleanly on Ctrl+C', async () => {
    const data = makeTempDataDir();
    cleanups.push(data.remove);
    const { child, lines } = startServe(['--data-dir', data.dir]);
    cleanups.push(() => stop(child));
    const first = (await lines.next()).value as string;
    const match = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]{32})$/.exec(first);
    expect(match, first).not.toBeNull();
    const [, port, token] = match!;
    const created = await fetch(`http://127.0.0.1:${port}/api/contacts.create`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ firstName: 'Ada' }),
    });
    expect(created.status).toBe(200);
    expect(await stop(child)).toBe(0);
  });

  it('uses the port it is given', async () => {
    const data = makeTempDataDir();
    cleanups.push(data.remove);
    const port = 20000 + Math.floor(Math.random() * 20000);
    const { child, lines } = startServe(['--data-dir', data.dir, '--port', String(port)]);
    cleanups.push(() => stop(child));
    expect((await lines.next()).value).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/#token=`));
  });

  it('says in one sentence what is wrong with a bad option, and exits 2', async () => {
    const child = spawn(process.execPath, ['src-main/cli/cli.ts', 'serve', '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('--port needs a number from 0 to 65535, not “eighty”.');
  });
});
