import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/core.ts';
import { startHttpBridge, type HttpBridge } from '../../src-main/http/server.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

/** What the event stream sends within `ms` of connecting, as text. */
async function streamFor(bridge: HttpBridge, ms: number): Promise<string> {
  const stop = new AbortController();
  const response = await fetch(`http://127.0.0.1:${bridge.port}/api/events`, { headers: { Authorization: `Bearer ${bridge.token}` }, signal: stop.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const timer = setTimeout(() => stop.abort(), ms);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // Aborted: the time is up.
  } finally {
    clearTimeout(timer);
  }
  return text;
}

describe('events published while no window listens (browser mode)', () => {
  let data: ReturnType<typeof makeTempDataDir>;
  let core: Core;
  let bridge: HttpBridge;

  beforeEach(async () => {
    data = makeTempDataDir();
    const rendererDir = join(data.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Ambassador</title>');
    core = await createCore({ dataDir: data.dir, logError: () => {} });
    bridge = await startHttpBridge({ core, rendererDir });
  });
  afterEach(async () => {
    await bridge.close();
    await core.close();
    data.remove();
  });

  it('reach the next window that connects, once (as the start-up digest of reminders must)', async () => {
    const created = await core.dispatch('contacts.create', { firstName: 'Ada' });
    expect(created.ok).toBe(true);

    const first = await streamFor(bridge, 500);
    expect(first).toContain('event: contacts.changed');
    expect(first).toContain('"reason":"created"');

    const second = await streamFor(bridge, 300);
    expect(second).not.toContain('event: contacts.changed');
  });
});
