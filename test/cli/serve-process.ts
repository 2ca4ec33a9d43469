import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** `ambassador serve` from source in its own process, as a user's terminal runs it. */
export type ServeProcess = {
  child: ChildProcess;
  /** Creates a contact over HTTP; resolves with its id once the server acknowledged it. */
  createContact: (firstName: string) => Promise<string>;
  /** Sends `signal` (SIGINT unless given) if it still runs; resolves with how it exited. */
  stop: (signal?: NodeJS.Signals) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export async function startServeProcess(dataDir: string): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['src-main/cli/cli.ts', 'serve', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const first = (await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next()).value as string | undefined;
  const match = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]{32})$/.exec(first ?? '');
  if (!match) throw new Error(`ambassador serve printed “${first}” instead of its address`);
  const [, port, token] = match;
  child.stdout!.resume();
  return {
    child,
    createContact: async (firstName) => {
      const response = await fetch(`http://127.0.0.1:${port}/api/contacts.create`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ firstName }),
      });
      if (response.status !== 200) throw new Error(`contacts.create answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { id: string }).id;
    },
    stop: async (signal = 'SIGINT') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const [code, exitSignal] = await exited;
      return { code, signal: exitSignal };
    },
  };
}
