import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPort } from '../../src-main/http/serve.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

// Two `ambassador serve` at once, as a user with two terminals would run them:
// both want the stable default port; the one that cannot have it takes another
// and says so, after the address on the first line.

type Serve = { child: ChildProcess; port: number; lines: string[] };

async function startServe(dataDir: string): Promise<Serve> {
  const child = spawn(process.execPath, ['src-main/cli/cli.ts', 'serve', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const first = (await lines.next()).value as string;
  const match = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=[0-9a-f]{32}$/.exec(first);
  if (!match) throw new Error(`ambassador serve printed “${first}” instead of its address`);
  // The notes follow at once; the one about the data folder always comes first.
  const notes = [(await lines.next()).value as string];
  if (Number(match[1]) !== defaultPort) notes.push((await lines.next()).value as string);
  return { child, port: Number(match[1]), lines: [first, ...notes] };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGINT');
  await once(child, 'exit');
}

describe('two ambassador serve at once', () => {
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('the second falls back to a free port and says so in one line after its address', async () => {
    const one = makeTempDataDir();
    const two = makeTempDataDir();
    cleanups.push(one.remove, two.remove);
    const first = await startServe(one.dir);
    cleanups.push(() => stop(first.child));
    const second = await startServe(two.dir);
    cleanups.push(() => stop(second.child));

    // The first has the default port unless some other program held it already.
    expect(second.port).not.toBe(defaultPort);
    expect(second.port).not.toBe(first.port);
    expect(second.lines[1]).toContain(two.dir);
    expect(second.lines[2]).toBe(
      `Port ${defaultPort} is in use (perhaps by another Ambassador), so this one uses port ${second.port}; your browser may ask again before showing reminders.`,
    );
  });
});
