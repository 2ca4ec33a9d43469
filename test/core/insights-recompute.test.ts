import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/api/events.ts';
import type { CoreContext } from '../../src-main/core/context.ts';
import { closeDatabase, openDatabase, type OpenDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { recomputeJob, recomputeStatus } from '../../src-main/core/insights/recompute.service.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { at, handClock } from './followups-core.ts';
import { openValuesCore } from './insights-values-core.ts';

// The real job on a real database, its delay shortened, its events fed by hand.

const opened: Array<{ close: (keepData?: boolean) => Promise<void> }> = [];
afterEach(async () => {
  for (const harness of opened.splice(0)) await harness.close();
});

async function openHarness(data = makeTempDataDir(), time = '09:00') {
  const database: OpenDatabase = openDatabase(data.dir);
  await migrateToLatest(database.db);
  const published: CoreEvent[] = [];
  const notified: CoreEvent[] = [];
  const ctx: CoreContext = { db: database.db, clock: handClock(at('2026-12-02', time)), publish: (event) => published.push(event), notify: (event) => notified.push(event) };
  const listeners = new Set<(event: CoreEvent) => void>();
  let job: ReturnType<ReturnType<typeof recomputeJob>> | undefined;
  const raw = new Sqlite(database.file);
  const harness = {
    ctx,
    raw,
    published,
    notified,
    start: () => (job = recomputeJob({ delayMs: 20 })(ctx, (listener) => (listeners.add(listener), () => listeners.delete(listener)))),
    emit: (event: CoreEvent) => listeners.forEach((listener) => listener(event)),
    settled: () => job!.settled(),
    runs: () => published.filter((event) => event.name === 'insights.changed').length,
    status: () => recomputeStatus(ctx),
    contact: (id: string) =>
      raw
        .prepare(`insert into contacts (id, kind, first_name, last_name, company, display_name, sort_key, notes, created_at, updated_at) values (?, 'person', 'Ann', '', '', 'Ann', 'ann', '', '2026-01-01T09:00:00.000Z', '2026-01-01T09:00:00.000Z')`)
        .run(id),
    purchase: (contactId: string, day: string) =>
      raw
        .prepare(`insert into purchases (id, contact_id, kind, occurred_on, gross_cents, created_at, updated_at) values (?, ?, 'sale', ?, 5000, '2026-01-01T09:00:00.000Z', '2026-01-01T09:00:00.000Z')`)
        .run(`${contactId}-${day}`, contactId, day),
    close: async (keepData = false) => {
      opened.splice(opened.indexOf(harness), 1);
      await job?.stop();
      raw.close();
      await closeDatabase(database);
      if (!keepData) data.remove();
    },
  };
  opened.push(harness);
  return harness;
}

const historyChanged = (contactIds: string[] = []): CoreEvent => ({ name: 'history.changed', payload: { contactIds, reason: 'logged' } });

describe('the background recompute', () => {
  it('runs once for a burst of changes, a moment after the last', async () => {
    const harness = await openHarness();
    harness.start();
    await harness.settled();
    expect(harness.runs()).toBe(0);
    for (let index = 0; index < 10; index += 1) harness.emit(historyChanged());
    harness.emit({ name: 'settings.changed', payload: {} as never });
    await new Promise((resolve) => setTimeout(resolve, 60));
    await harness.settled();
    expect(harness.runs()).toBe(1);
  });

  it('says the figures are stale until it has run, then when they were computed', async () => {
    const harness = await openHarness();
    harness.start();
    await harness.settled();
    expect(await harness.status()).toMatchObject({ computedAt: null, stale: false, running: false, model: 'none' });
    harness.emit(historyChanged());
    expect((await harness.status()).stale).toBe(true);
    await harness.settled();
    const status = await harness.status();
    expect(status).toMatchObject({ stale: false, running: false, customers: 0, failure: null, model: 'none' });
    expect(status.computedAt).toBe(new Date(at('2026-12-02')).toISOString());
    expect(harness.notified.filter((event) => event.name === 'insights.progress').map((event) => event.payload)).toEqual([
      { phase: 'Reading purchases', done: 0, total: 4 },
      { phase: 'Fitting the lifetime value model', done: 1, total: 4 },
      { phase: 'Reading the loyalty ladder’s evidence', done: 2, total: 4 },
      { phase: 'Placing customers on the ladder', done: 3, total: 4 },
      { phase: 'Done', done: 4, total: 4 },
    ]);
  });

  it('ignores the moves it makes itself and changes that do not touch the figures', async () => {
    const harness = await openHarness();
    harness.start();
    await harness.settled();
    harness.emit({ name: 'loyalty.changed', payload: { contactIds: [], reason: 'moved', stages: [] } });
    harness.emit({ name: 'contacts.changed', payload: { ids: [], reason: 'updated' } });
    expect((await harness.status()).stale).toBe(false);
    await harness.settled();
    expect(harness.runs()).toBe(0);
    harness.emit({ name: 'contacts.changed', payload: { ids: [], reason: 'deleted' } });
    harness.emit({ name: 'backup.restored', payload: { undone: false } });
    await harness.settled();
    expect(harness.runs()).toBe(1);
  });

  it('recomputes at start-up when there are purchases and no figures for today, not again once it has', async () => {
    const data = makeTempDataDir();
    const first = await openHarness(data);
    first.contact('00000000-0000-7000-8000-000000000001');
    first.purchase('00000000-0000-7000-8000-000000000001', '2026-11-20');
    first.start();
    await first.settled();
    expect(first.runs()).toBe(1);
    expect((await first.status()).customers).toBe(1);
    await first.close(true);
    const second = await openHarness(data, '15:00');
    second.start();
    await second.settled();
    expect(second.runs()).toBe(0);
  });

  it('keeps a failure in words and tries again on the next change', async () => {
    const harness = await openHarness();
    harness.start();
    harness.raw.exec('alter table customer_values rename to customer_values_away');
    harness.emit(historyChanged());
    await harness.settled();
    const failed = await harness.status();
    expect(failed.failure).toMatch(/^The figures could not be recomputed: .*customer_values/);
    expect(failed.stale).toBe(true);
    harness.raw.exec('alter table customer_values_away rename to customer_values');
    harness.emit(historyChanged());
    await harness.settled();
    expect(await harness.status()).toMatchObject({ failure: null, stale: false });
  });
});

describe('insights.recompute and the job in the real core', () => {
  it('recompute answers when done; a logged interaction brings a recompute by itself', async () => {
    const app = await openValuesCore();
    try {
      const ann = await app.contact('Ann');
      app.purchases(ann.id, ['2026-11-20']);
      const status = await app.recompute();
      expect(status).toMatchObject({ running: false, stale: false, customers: 1, model: 'none', failure: null });
      expect(status.modelReason).toMatch(/^No lifetime value yet: /);
      await app.call('history.log', { contactId: ann.id, kind: 'call', occurredAt: new Date(at('2026-12-01')).toISOString() });
      await app.core.backgroundSettled();
      expect(app.events.filter((event) => event.name === 'insights.changed')).toHaveLength(2);
      expect((await app.status()).stale).toBe(false);
    } finally {
      await app.remove();
    }
  });
});
