import { expect } from 'vitest';
import type { Purchase, PurchasePage } from '../../shared/commerce/commerce.schemas.ts';
import type { PlanRun } from '../../shared/plans/plans.schemas.ts';
import { create, fieldPaths } from './checks.ts';
import type { Kept, ParityCase } from './parity-case.ts';

// Dates long past, so no case depends on the day it runs.
const sale = (contact: string, fields: object) => (kept: Kept) => ({ contactId: kept[contact].id, fields: { occurredOn: '2001-03-04', ...fields } });

/** Purchases: recorded, listed, refused, to the Trash and back; a first sale starts the welcome plan. */
export const commerceCases: ParityCase[] = [
  {
    name: 'records a first sale with its discount and costs; dated long ago, it is history and starts no plan; lists it; Trash and back',
    steps: [
      create({ firstName: 'Ada', lastName: 'Lovelace' }, 'ada'),
      {
        call: 'purchases.create',
        input: sale('ada', { grossCents: 120_000, discountCents: 10_000, productCostCents: 50_000, channel: 'Online', channelCostCents: 1_500 }),
        keep: 'sale',
        check: (purchase: Purchase) => expect(purchase).toMatchObject({ kind: 'sale', netCents: 110_000, channel: 'online', deletedAt: null }),
      },
      { call: 'plans.runs', input: (kept) => ({ contactId: kept.ada.id }), check: (runs: PlanRun[]) => expect(runs).toEqual([]) },
      {
        call: 'purchases.list',
        input: (kept) => ({ contactId: kept.ada.id }),
        check: (page: PurchasePage, kept) => expect(page).toMatchObject({ total: 1, nextCursor: null, items: [{ id: kept.sale.id, grossCents: 120_000 }] }),
      },
      { call: 'purchases.delete', input: (kept) => ({ id: kept.sale.id }), check: (purchase: Purchase) => expect(purchase.deletedAt).not.toBeNull() },
      { call: 'purchases.list', input: (kept) => ({ contactId: kept.ada.id }), check: (page: PurchasePage) => expect(page.total).toBe(0) },
      { call: 'purchases.restore', input: (kept) => ({ id: kept.sale.id }), check: (purchase: Purchase) => expect(purchase.deletedAt).toBeNull() },
    ],
  },
  {
    name: 'refuses a negative amount, a discount larger than the amount without a reason and a date in another format, naming each field',
    steps: [
      create({ firstName: 'Grace', lastName: 'Hopper' }, 'grace'),
      { call: 'purchases.create', input: sale('grace', { grossCents: -500 }), refusal: fieldPaths('grossCents') },
      { call: 'purchases.create', input: sale('grace', { grossCents: 500, discountCents: 900 }), refusal: fieldPaths('discountCents') },
      { call: 'purchases.create', input: sale('grace', { grossCents: 500, occurredOn: '03/04/2001' }), refusal: fieldPaths('occurredOn') },
      { call: 'purchases.list', input: (kept) => ({ contactId: kept.grace.id }), check: (page: PurchasePage) => expect(page.total).toBe(0) },
    ],
  },
];
