import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { serveBrowserMode, type Serving } from '../../src-main/http/serve.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

// Browser mode keeps one port from run to run (a browser's notification permission
// is per origin, port included), and takes a free one when that port is busy.

/** A port some other program holds for the length of a test. */
async function holdAPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { port: (server.address() as { port: number }).port, server };
}

async function freePort(): Promise<number> {
  const { port, server } = await holdAPort();
  await new Promise((done) => server.close(done));
  return port;
}

describe('browser mode’s port', () => {
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function serve(options: { port?: number; preferredPort?: number }): Promise<Serving> {
    const data = makeTempDataDir();
    cleanups.push(data.remove);
    const serving = await serveBrowserMode({ dataDir: data.dir, ...options });
    cleanups.push(serving.stop);
    return serving;
  }

  it('uses the preferred port when it is free, and says nothing about ports', async () => {
    const port = await freePort();
    const serving = await serve({ preferredPort: port });
    expect(serving.bridge.port).toBe(port);
    expect(serving.notes.join('\n')).not.toMatch(/port/i);
  });

  it('takes a free port when the preferred one is taken, and says so in one line', async () => {
    const held = await holdAPort();
    cleanups.push(() => new Promise((done) => held.server.close(done)));
    const serving = await serve({ preferredPort: held.port });
    expect(serving.bridge.port).not.toBe(held.port);
    const response = await fetch(`http://127.0.0.1:${serving.bridge.port}/api/tags.list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${serving.bridge.token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(200);
    const portNotes = serving.notes.filter((note) => note.includes(String(held.port)));
    expect(portNotes).toEqual([
      `Port ${held.port} is in use (perhaps by another Ambassador), so this one uses port ${serving.bridge.port}; your browser may ask again before showing reminders.`,
    ]);
  });

  it('fails when the port the user asked for is taken, rather than quietly using another', async () => {
    const held = await holdAPort();
    cleanups.push(() => new Promise((done) => held.server.close(done)));
    const data = makeTempDataDir();
    cleanups.push(data.remove);
    await expect(serveBrowserMode({ dataDir: data.dir, port: held.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
