import Sqlite from 'better-sqlite3';
import type { RecomputeStatus } from '../../shared/insights/insights.schemas.ts';
import type { LoyaltyStanding } from '../../shared/insights/loyalty.schemas.ts';
import type { CustomerValueRow } from '../../src-main/core/insights/insights.table.ts';
import { at, handClock, openFollowupsCore } from './followups-core.ts';

type PurchaseFields = { kind?: 'sale' | 'closing' | 'refund'; discountCents?: number; productCostCents?: number; deleted?: boolean };

/**
 * A real core on a hand-moved clock (09:00 on `today`), with a second SQLite
 * connection to the same file: purchases are not built on this branch, so the
 * tests write them with SQL, as the purchases code will.
 */
export async function openValuesCore(today = '2026-12-02') {
  const app = await openFollowupsCore(handClock(at(today)));
  const raw = new Sqlite(app.core.databaseFile);
  raw.pragma('busy_timeout = 5000');
  let counter = 0;
  const insertPurchase = raw.prepare(
    `insert into purchases (id, contact_id, kind, occurred_on, gross_cents, discount_cents, product_cost_cents, created_at, updated_at, deleted_at)
     values (?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ?)`,
  );
  const purchase = (contactId: string, occurredOn: string, grossCents: number, more: PurchaseFields = {}) => {
    counter += 1;
    insertPurchase.run(
      `p-${String(counter).padStart(8, '0')}`,
      contactId,
      more.kind ?? 'sale',
      occurredOn,
      grossCents,
      more.discountCents ?? 0,
      more.productCostCents ?? 0,
      more.deleted ? '2026-01-02T00:00:00.000Z' : null,
    );
  };
  return {
    ...app,
    raw,
    purchase,
    /** Purchases on each of these days. */
    purchases: (contactId: string, days: string[], grossCents = 5_000) => days.forEach((day) => purchase(contactId, day, grossCents)),
    recompute: () => app.call<RecomputeStatus>('insights.recompute'),
    status: () => app.call<RecomputeStatus>('insights.status'),
    standing: (contactId: string) => app.call<LoyaltyStanding>('loyalty.standing', { contactId }),
    valueOf: (contactId: string) => raw.prepare('select * from customer_values where contact_id = ?').get(contactId) as CustomerValueRow | undefined,
    moves: (contactId: string) =>
      raw.prepare('select from_stage, to_stage, source, reason, moved_on from loyalty_moves where contact_id = ? order by moved_at, id').all(contactId) as Array<{
        from_stage: string | null;
        to_stage: string | null;
        source: string;
        reason: string;
        moved_on: string;
      }>,
    remove: async () => {
      raw.close();
      await app.remove();
    },
  };
}

export type ValuesCore = Awaited<ReturnType<typeof openValuesCore>>;
