import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { join } from 'node:path';
import type { Contact } from '../../shared/contacts/contacts.schemas.ts';
import type { Interaction } from '../../shared/history/history.schemas.ts';
import type { Settings } from '../../shared/settings/settings.schemas.ts';
import type { Database } from '../../src-main/core/db/schema.ts';
import { refreshFigures } from '../../src-main/core/insights/figures.service.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { at, handClock, openFollowupsCore } from './followups-core.ts';

let counter = 0;
const id = () => `00000000-0000-7000-8000-${String(++counter).padStart(12, '0')}`;

export type PurchaseFixture = {
  kind?: 'sale' | 'closing' | 'refund';
  on: string;
  gross: number;
  discount?: number;
  product?: number;
  channel?: string;
  channelCost?: number;
  deleted?: boolean;
};

/**
 * A real core on a temp folder, its clock at 09:00 on `today`, with a second
 * connection to the same database for what the branch has no service for yet:
 * purchases, customer values, ladder moves and the recompute's run, written as
 * raw rows. Interactions go through history.log, as the user logs them.
 * The raw connection blocks the thread while it waits for a lock, so each raw
 * write waits first for the core's background work (a plan a complaint started).
 */
export async function openFiguresCore(today: string) {
  const data = makeTempDataDir('ambassador-insights-');
  // The figures here are written by hand: the background recompute would overwrite them.
  const app = await openFollowupsCore(handClock(at(today)), data, { recomputeInsights: false });
  const raw = new Sqlite(join(data.dir, 'ambassador.sqlite'));
  raw.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  const call = <T>(method: string, input: unknown = {}) => app.call<T>(method, input);
  const settings = async (changes: Partial<Settings>) => call<Settings>('settings.update', changes);
  return {
    ...app,
    call,
    raw,
    settings,
    /** A contact added on `addedOn` (local noon). */
    customer: async (firstName: string, addedOn: string, more: object = {}) => {
      const contact = await app.call<Contact>('contacts.create', { firstName, ...more });
      await app.core.backgroundSettled();
      raw.prepare('update contacts set created_at = ? where id = ?').run(new Date(at(addedOn, '12:00')).toISOString(), contact.id);
      return contact;
    },
    purchase: (contactId: string, fixture: PurchaseFixture) => {
      const stamp = new Date(at(fixture.on)).toISOString();
      raw
        .prepare(
          `insert into purchases (id, contact_id, kind, occurred_on, gross_cents, discount_cents, product_cost_cents, channel, channel_cost_cents, created_at, updated_at, deleted_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id(), contactId, fixture.kind ?? 'sale', fixture.on, fixture.gross, fixture.discount ?? 0, fixture.product ?? 0, fixture.channel ?? '', fixture.channelCost ?? 0, stamp, stamp, fixture.deleted ? stamp : null);
    },
    /** An interaction logged at a local date and time, with its minutes and money spent. */
    log: async (contactId: string, kind: string, on: string, minutes: number, costCents = 0, time = '10:00') => {
      return call<Interaction>('history.log', { contactId, kind, occurredAt: new Date(at(on, time)).toISOString(), minutes, costCents });
    },
    value: (contactId: string, row: { purchases?: number; clv?: number; tier?: 'top' | 'middle' | 'rest' | null; stage?: string | null }) => {
      raw
        .prepare(
          `insert into customer_values (contact_id, computed_at, purchases, historical_cents, predicted_clv_cents, tier, stage, stage_reason, stage_source)
           values (?, '2026-01-01T00:00:00.000Z', ?, 0, ?, ?, ?, '', ?)`,
        )
        .run(contactId, row.purchases ?? 1, row.clv ?? 0, row.tier ?? null, row.stage ?? null, row.stage ? 'rules' : null);
    },
    move: (contactId: string, on: string, to: string | null, from: string | null = null) => {
      raw
        .prepare(`insert into loyalty_moves (id, contact_id, moved_at, moved_on, from_stage, to_stage, source, reason) values (?, ?, ?, ?, ?, ?, 'rules', '')`)
        .run(id(), contactId, new Date(at(on)).toISOString(), on, from, to);
    },
    run: (computedAt: string, customers: number) => {
      raw
        .prepare(`insert or replace into insights_runs (id, computed_at, as_of, model, model_reason, details, customers, duration_ms) values (1, ?, ?, 'simple', 'Too few repeat customers for BG/NBD', '{}', ?, 12)`)
        .run(computedAt, today, customers);
    },
    /** What the recompute does last: the P&L snapshot and the overviews, in one transaction. */
    refresh: async () => {
      const current = await app.call<Settings>('settings.get');
      await app.core.backgroundSettled();
      await db.transaction().execute((tx) => refreshFigures(tx, today, current, `${today}T09:00:00.000Z`));
    },
    close: async () => {
      await db.destroy();
      await app.remove();
    },
  };
}
export type FiguresCore = Awaited<ReturnType<typeof openFiguresCore>>;
