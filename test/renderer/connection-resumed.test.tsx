// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { followCompanyPeople, useCompanyPeople } from '../../src-renderer/features/contacts/company-people.store.ts';
import { ContactList } from '../../src-renderer/features/contacts/ContactList.tsx';
import { followContactChanges } from '../../src-renderer/features/contacts/follow-contacts.ts';
import { contactId, directoryOf, giveElementsASize } from './fake-bridge.ts';

// No preload here, so the app runs in browser mode over the HTTP transport. `fetch`
// answers as `ambassador serve` would; the test drops its event stream and lets it come back.
function serveContacts() {
  const served = { total: 10, streams: 0, drop: () => {} };
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const path = new URL(url).pathname;
    if (path === '/api/events') {
      served.streams++;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(': connected\n\n'));
          served.drop = () => controller.close();
        },
      });
      return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
    }
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
    if (path === '/api/contacts.list') return json(directoryOf(served.total)(JSON.parse(String(init?.body))));
    if (path === '/api/tags.list') return json([]);
    return new Response('{"code":"NOT_FOUND","message":"Not served here."}', { status: 404 });
  });
  return served;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('when the event stream comes back after a drop', () => {
  it('every store holding contacts refetches, though no contacts event was sent', async () => {
    giveElementsASize(480);
    const served = serveContacts();
    const stops = [followContactChanges(), followCompanyPeople()];
    await useCompanyPeople.getState().load(contactId(50));
    render(<ContactList />);
    expect(await screen.findByText('10 in total')).toBeTruthy();
    expect(useCompanyPeople.getState().total).toBe(10);

    served.total = 11;
    served.drop();

    // The transport waits a second before reconnecting.
    expect(await screen.findByText('11 in total', {}, { timeout: 5_000 })).toBeTruthy();
    expect(served.streams).toBe(2);
    await vi.waitFor(() => expect(useCompanyPeople.getState().total).toBe(11));
    stops.forEach((stop) => stop());
  });
});
