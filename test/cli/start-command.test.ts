import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { findElectronRuntime } from '../../src-main/cli/electron-runtime.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

const runtime = findElectronRuntime(process.cwd());

describe('ambassador start', () => {
  it.skipIf(runtime.available)('falls back to browser mode in one sentence that says why and where, on the folder it is given', async () => {
    const data = makeTempDataDir();
    const child = spawn(process.execPath, ['src-main/cli/cli.ts', 'start', '--data-dir', data.dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DISPLAY: '' },
    });
    try {
      const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
      const sentence = (await lines.next()).value as string;
      expect(sentence).toMatch(
        /^Ambassador is running in your browser instead of a desktop window because Electron’s runtime is not available on this machine .*: open http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{32}$/,
      );
      expect((await lines.next()).value).toContain(data.dir);
      const [, port, token] = /:(\d+)\/#token=([0-9a-f]+)$/.exec(sentence)!;
      const response = await fetch(`http://127.0.0.1:${port}/api/tags.list`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(response.status).toBe(200);
    } finally {
      child.kill('SIGINT');
      await once(child, 'exit');
      data.remove();
    }
  });
});
