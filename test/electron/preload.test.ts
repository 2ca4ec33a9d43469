import type { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AmbassadorBridge } from '../../shared/api/result.ts';

// A stand-in for the electron module as a sandboxed preload sees it: an
// ipcRenderer (an event emitter with invoke) and contextBridge.
const fake = vi.hoisted(() => {
  const exposed: Array<[string, unknown]> = [];
  return { exposed, ipcRenderer: undefined as unknown as EventEmitter & { invoke: ReturnType<typeof vi.fn> } };
});

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: vi.fn(async (_channel: string, method: string) => ({ ok: true, value: { echoed: method } })),
  });
  fake.ipcRenderer = ipcRenderer as typeof fake.ipcRenderer;
  return {
    ipcRenderer,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.push([key, api]) },
  };
});

await import('../../src-main/electron/preload.ts');

function bridge(): AmbassadorBridge {
  return fake.exposed[0]![1] as AmbassadorBridge;
}

describe('the preload, against a stand-in electron module', () => {
  it('exposes exactly invoke, onEvent and the two file dialogs, once, as window.ambassador', () => {
    expect(fake.exposed).toHaveLength(1);
    expect(fake.exposed[0]![0]).toBe('ambassador');
    const { files, ...api } = bridge();
    expect(Object.keys(api)).toEqual(['invoke', 'onEvent']);
    expect(Object.keys(files!)).toEqual(['chooseOpen', 'chooseSave']);
    expect([...Object.values(api), ...Object.values(files!)].every((value) => typeof value === 'function')).toBe(true);
    expect(Object.values(bridge())).not.toContain(fake.ipcRenderer);
  });

  it('asks for the file dialogs on their own two channels, with the choice only', async () => {
    const choice = { title: 'Import contacts', typeName: 'Contacts', extensions: ['csv', 'vcf'] };
    await bridge().files!.chooseOpen(choice);
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith('files:chooseOpen', choice);
    await bridge().files!.chooseSave({ ...choice, suggestedName: 'contacts.csv' });
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith('files:chooseSave', { ...choice, suggestedName: 'contacts.csv' });
  });

  it('invokes the one api:invoke channel with the method and input', async () => {
    const input = { query: 'Ada' };
    await expect(bridge().invoke('contacts.search', input)).resolves.toEqual({ ok: true, value: { echoed: 'contacts.search' } });
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith('api:invoke', 'contacts.search', input);
  });

  it('hands listeners the core event only, never the IpcRendererEvent', () => {
    const listener = vi.fn();
    const unsubscribe = bridge().onEvent(listener);
    const event = { name: 'contacts.changed', payload: { ids: ['c1'], reason: 'created' } };
    fake.ipcRenderer.emit('api:event', { sender: fake.ipcRenderer, ports: [] }, event);
    expect(listener.mock.calls).toEqual([[event]]);
    unsubscribe();
  });

  it("unsubscribing removes exactly that listener and no other", () => {
    const first = vi.fn();
    const second = vi.fn();
    const before = fake.ipcRenderer.listenerCount('api:event');
    const unsubscribeFirst = bridge().onEvent(first);
    const unsubscribeSecond = bridge().onEvent(second);
    unsubscribeFirst();
    unsubscribeFirst();
    expect(fake.ipcRenderer.listenerCount('api:event')).toBe(before + 1);
    fake.ipcRenderer.emit('api:event', {}, { name: 'contacts.changed', payload: { ids: [], reason: 'seeded' } });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
    unsubscribeSecond();
    expect(fake.ipcRenderer.listenerCount('api:event')).toBe(before);
  });

  describe('app:open, the main process asking for a screen (a notification was clicked)', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('sets the page’s route: a contact’s page, or Today', () => {
      const location = { hash: '#/contacts' };
      vi.stubGlobal('location', location);
      fake.ipcRenderer.emit('app:open', {}, { screen: 'contact', id: 'c 1/2' });
      expect(location.hash).toBe('#/contacts/c%201%2F2');
      fake.ipcRenderer.emit('app:open', {}, { screen: 'today' });
      expect(location.hash).toBe('#/today');
    });

    it('ignores anything that is not a screen it knows', () => {
      const location = { hash: '#/trash' };
      vi.stubGlobal('location', location);
      for (const target of [undefined, 'javascript:alert(1)', { screen: 'contact' }, { screen: 'contact', id: 7 }, { screen: 'elsewhere' }]) {
        fake.ipcRenderer.emit('app:open', {}, target);
      }
      expect(location.hash).toBe('#/trash');
    });
  });
});
