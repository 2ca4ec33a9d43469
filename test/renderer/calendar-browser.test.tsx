// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate } from '../../src-renderer/app/navigation.store.ts';
import { resetAppState } from './app-state.ts';
import { dayWithCards } from './cards-fixtures.ts';
import { directoryOf } from './fake-bridge.ts';

// Browser mode: no save dialog; the core writes into its exports folder and the page downloads the file.
const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge({ browserFiles: true }));

const requests: string[] = [];
const downloads: string[] = [];
beforeAll(() => {
  vi.stubGlobal('fetch', async (url: string) => {
    requests.push(url);
    return new Response(new Blob(['BEGIN:VCALENDAR']), { status: 200 });
  });
  URL.createObjectURL = () => 'blob:download';
  URL.revokeObjectURL = () => {};
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});
afterAll(() => vi.unstubAllGlobals());

beforeEach(() => {
  fake.reset();
  requests.length = 0;
  downloads.length = 0;
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(3));
  fake.handle('followups.today', () => dayWithCards());
  fake.handle('followups.dueCounts', () => ({ overdue: 0, today: 2 }));
  resetAppState();
  navigate({ screen: 'today' });
});
afterEach(cleanup);

describe('Export calendar in browser mode', () => {
  it('lets the core write into its folder, then downloads the file', async () => {
    fake.handle('followups.exportCalendar', () => ({ path: '/data/exports/Ambassador-followups-2025-03-02.ics', fileName: 'Ambassador-followups-2025-03-02.ics', events: 12, sizeBytes: 4096 }));
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Export calendar' }));
    expect(await screen.findByText('Exported 12 follow-ups to your calendar file')).toBeTruthy();
    expect(fake.callsTo('followups.exportCalendar')).toEqual([{}]);
    expect(requests).toEqual([`${location.origin}/api/files?path=${encodeURIComponent('/data/exports/Ambassador-followups-2025-03-02.ics')}`]);
    expect(downloads).toEqual(['Ambassador-followups-2025-03-02.ics']);
  });
});
