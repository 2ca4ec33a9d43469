import Sqlite from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/api/events.ts';
import type { ProfitTable } from '../../shared/insights/insights.schemas.ts';
import { createCore } from '../../src-main/core/core.ts';
import { openDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { generateBook } from '../bench/generate-book.ts';
import { generatePurchases, writePurchases } from '../bench/generate-purchases.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

// The recompute runs in a thread and on a connection of its own: a search typed
// while it writes the figures is answered before the figures are in.
const data = makeTempDataDir('ambassador-recompute-aside-');
/** The same book before any recompute, for a core whose start-up check runs one. */
const neverComputed = makeTempDataDir('ambassador-recompute-restore-');

beforeAll(async () => {
  const { db } = openDatabase(data.dir);
  await migrateToLatest(db);
  await db.destroy();
  const sqlite = new Sqlite(join(data.dir, 'ambassador.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  const book = await generateBook(sqlite, { contacts: 3_000, interactions: 20_000, followups: 0 });
  writePurchases(sqlite, book.contactIds, generatePurchases(3_000, 30_000));
  sqlite.close();
  copyFileSync(join(data.dir, 'ambassador.sqlite'), join(neverComputed.dir, 'ambassador.sqlite'));
}, 60_000);

afterAll(() => {
  data.remove();
  neverComputed.remove();
});

describe('a recompute', () => {
  it('leaves the core answering: a search made while it writes the figures answers before they are in', async () => {
    const core = await createCore({ dataDir: data.dir, recomputeInsights: false });
    try {
      const order: string[] = [];
      let searched: Promise<unknown> | undefined;
      core.onEvent((event: CoreEvent) => {
        // A moment after, the write has begun: run on the core's thread, it would hold the search until it committed.
        if (event.name === 'insights.progress' && event.payload.phase === 'Placing customers on the ladder') {
          searched = new Promise((resolve) => setTimeout(resolve, 10)).then(async () => {
            order.push('search asked');
            const [found, table] = await Promise.all([core.dispatch('contacts.search', { query: 'a', limit: 20 }), core.dispatch('insights.customers', {})]);
            expect(found.ok && table.ok).toBe(true);
            // Answered from the data as it was: the figures being written are not in yet.
            order.push(table.ok && (table.value as ProfitTable).computedAt === null ? 'search answered before the figures' : 'search answered after the figures');
          });
        }
        if (event.name === 'insights.changed') order.push('figures in');
      });
      const recomputed = await core.dispatch('insights.recompute', {});
      expect(recomputed.ok).toBe(true);
      await searched;
      expect(order).toEqual(['search asked', 'search answered before the figures', 'figures in']);
    } finally {
      await core.close();
    }
  }, 60_000);

  it('meets a restore: the restored data is whole, its figures are computed after it, and nothing is reported as failed', async () => {
    const core = await createCore({ dataDir: neverComputed.dir });
    try {
      const backup = await core.dispatch('backup.create', {});
      if (!backup.ok) throw new Error(backup.error.message);
      const order: string[] = [];
      // The first listener starts the jobs; figures never computed start a recompute at once.
      const running = new Promise<void>((resolve) => {
        core.onEvent((event: CoreEvent) => {
          if (event.name === 'insights.progress') resolve();
          if (event.name === 'insights.changed' || event.name === 'backup.restored') order.push(event.name);
        });
      });
      await running;
      const restored = await core.dispatch('backup.restore', { file: (backup.value as { path: string }).path });
      expect(restored.ok).toBe(true);
      // After the restore the jobs start again and compute the restored data's figures.
      await core.backgroundSettled();
      expect(order.at(-1)).toBe('insights.changed');
      const status = await core.dispatch('insights.status', {});
      if (!status.ok) throw new Error(status.error.message);
      expect(status.value).toMatchObject({ failure: null, running: false });
      expect((status.value as { computedAt: string | null }).computedAt).not.toBeNull();
      await core.integrityChecked();
      const counted = await core.dispatch('contacts.count', {});
      expect(counted.ok && counted.value).toEqual({ contacts: 3_000, trash: 0 });
    } finally {
      await core.close();
    }
  }, 60_000);
});
