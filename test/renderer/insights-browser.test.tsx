// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate } from '../../src-renderer/app/navigation.store.ts';
import { resetAppState } from './app-state.ts';
import { customersOf, overview, recomputeStatus } from './insights-fixtures.ts';
import { settings } from './plans-fixtures.ts';

// Browser mode: no save dialog, so the core writes into its own folder and the page downloads the file.
const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge({ browserFiles: true }));

const requests: { url: string; method: string }[] = [];
const downloads: string[] = [];
beforeAll(() => {
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    requests.push({ url, method: init.method ?? 'GET' });
    return new Response(new Blob(['segment,customers\r\n']), { status: 200 });
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
  fake.handle('insights.overview', ({ period }: { period: 'this_year' | 'last_12_months' | 'all_time' }) => overview({ period }));
  fake.handle('insights.status', () => recomputeStatus());
  fake.handle('insights.customers', customersOf(3));
  fake.handle('settings.get', () => settings());
  resetAppState();
  navigate({ screen: 'insights' });
});
afterEach(cleanup);

describe('Export table in browser mode', () => {
  it('lets the core write the segment table for the period shown, then downloads it', async () => {
    fake.handle('insights.exportTable', ({ table }: { table: string }) => ({ path: `/data/exports/Ambassador-${table}.csv`, fileName: `Ambassador-${table}.csv`, rows: 8 }));
    const user = userEvent.setup();
    render(<App />);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Period' }), 'This year');
    await user.click(await screen.findByRole('button', { name: 'Export table' }));
    expect(await screen.findByText('Exported 8 rows to Ambassador-segments.csv')).toBeTruthy();
    expect(fake.callsTo('insights.exportTable')).toEqual([{ table: 'segments', period: 'this_year' }]);
    expect(requests).toEqual([{ url: `${location.origin}/api/files?path=${encodeURIComponent('/data/exports/Ambassador-segments.csv')}`, method: 'GET' }]);
    expect(downloads).toEqual(['Ambassador-segments.csv']);
  });
});
