// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { hrefFor } from '../../src-renderer/app/navigation.store.ts';

// The preload cannot import the renderer's routes (it bundles alone, requiring only
// electron), so it spells the contact route itself: this keeps the two in step.
// The preload loads against a stand-in electron module.
vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld: vi.fn() }, ipcRenderer: { on: vi.fn() } }));
const { hashFor } = await import('../../src-main/electron/preload.ts');

describe('the route a clicked notification opens', () => {
  it('is the renderer’s own route for that contact', () => {
    for (const id of ['c1', 'c 1/2', 'ä#?']) expect(hashFor({ screen: 'contact', id })).toBe(hrefFor({ screen: 'contact', id }));
  });
});
