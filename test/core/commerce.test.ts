import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Purchase } from '../../shared/commerce/commerce.schemas.ts';
import type { BackupFile } from '../../shared/backup/backup.schemas.ts';
import { openCommerceCore, type CommerceCore } from './commerce-core.ts';

let app: CommerceCore;
beforeEach(async () => {
  app = await openCommerceCore();
});
afterEach(() => app.remove());

describe('purchases', () => {
  it('records, edits, trashes and restores a purchase; net is gross less discount, minus the money for a refund', async () => {
    const ada = await app.contact('Ada');
    app.events.length = 0;
    const sale = await app.purchase(ada.id, { grossCents: 12_000, discountCents: 2_000, discountReason: 'Loyal', channel: 'Online', productCostCents: 4_000 });
    expect(sale).toMatchObject({ contactId: ada.id, kind: 'sale', occurredOn: '2026-11-20', grossCents: 12_000, netCents: 10_000, channel: 'online', importBatchId: null, deletedAt: null });
    expect(app.events).toContainEqual({ name: 'purchases.changed', payload: { ids: [sale.id], contactIds: [ada.id], reason: 'created' } });
    const refund = await app.purchase(ada.id, { kind: 'refund', grossCents: 3_000, occurredOn: '2026-11-25' });
    expect(refund.netCents).toBe(-3_000);

    const edited = await app.call<Purchase>('purchases.update', { id: sale.id, expectedUpdatedAt: sale.updatedAt, fields: { occurredOn: '2026-11-21', grossCents: 15_000 } });
    expect(edited).toMatchObject({ occurredOn: '2026-11-21', grossCents: 15_000, discountCents: 0, netCents: 15_000 });
    expect(await app.refusal('purchases.update', { id: sale.id, expectedUpdatedAt: sale.updatedAt, fields: { occurredOn: '2026-11-21', grossCents: 1 } })).toMatchObject({ code: 'CONFLICT' });

    await app.call('purchases.delete', { id: refund.id });
    expect((await app.purchases(ada.id)).items.map((each) => each.id)).toEqual([sale.id]);
    await app.call('purchases.restore', { id: refund.id });
    expect((await app.purchases(ada.id)).items.map((each) => each.id)).toEqual([refund.id, sale.id]);
  });

  it('refuses what cannot be recorded, naming the field', async () => {
    const ada = await app.contact('Ada');
    const refuse = (contactId: string, fields: object) => app.refusal('purchases.create', { contactId, fields: { occurredOn: '2026-11-20', grossCents: 100, ...fields } });
    expect(await refuse(ada.id, { grossCents: -1 })).toMatchObject({ code: 'VALIDATION', paths: expect.arrayContaining(['grossCents']) });
    expect(await refuse(ada.id, { discountCents: 200 })).toMatchObject({ code: 'VALIDATION', paths: ['discountCents'] });
    // With a reason a discount larger than the amount is kept (a credit given on it).
    expect((await app.purchase(ada.id, { grossCents: 100, discountCents: 200, discountReason: 'Store credit' })).netCents).toBe(-100);
    expect(await refuse(ada.id, { occurredOn: '2026-12-04' })).toMatchObject({
      code: 'VALIDATION',
      paths: ['occurredOn'],
      message: 'That date is more than a day ahead: plan a future sale as a follow-up instead.',
    });
    expect((await app.purchase(ada.id, { occurredOn: '2026-12-03' })).occurredOn).toBe('2026-12-03');
    expect(await refuse('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a51', {})).toMatchObject({ code: 'VALIDATION', paths: ['contactId'], message: 'That contact no longer exists. Choose another contact.' });
    await app.call('contacts.delete', { id: ada.id });
    expect(await refuse(ada.id, {})).toMatchObject({ code: 'VALIDATION', paths: ['contactId'], message: 'This contact is in the Trash. Restore it before recording purchases for it.' });
  });

  it('lists newest first, a page at a time, with the total', async () => {
    const ada = await app.contact('Ada');
    const made: Purchase[] = [];
    for (const day of ['01', '05', '05', '09', '12']) made.push(await app.purchase(ada.id, { occurredOn: `2026-11-${day}` }));
    const first = await app.purchases(ada.id, { limit: 2 });
    expect(first.total).toBe(5);
    const second = await app.purchases(ada.id, { limit: 2, cursor: first.nextCursor });
    const third = await app.purchases(ada.id, { limit: 2, cursor: second.nextCursor });
    expect(third.nextCursor).toBeNull();
    const seen = [...first.items, ...second.items, ...third.items].map((each) => each.occurredOn);
    expect(seen).toEqual(['2026-11-12', '2026-11-09', '2026-11-05', '2026-11-05', '2026-11-01']);
    expect(new Set([...first.items, ...second.items, ...third.items].map((each) => each.id)).size).toBe(5);
    expect(await app.refusal('purchases.list', { contactId: ada.id, cursor: 'nonsense' })).toMatchObject({ code: 'VALIDATION', paths: ['cursor'] });
  });

  it('hides a trashed contact’s purchases from the list and the backup count, and brings them back with the contact', async () => {
    const ada = await app.contact('Ada');
    const grace = await app.contact('Grace');
    await app.purchase(ada.id);
    await app.purchase(ada.id, { kind: 'refund' });
    const deleted = await app.purchase(grace.id);
    await app.purchase(grace.id);
    await app.call('purchases.delete', { id: deleted.id });
    // What the restore dialog shows as the data now.
    const backup = await app.call<BackupFile>('backup.create');
    const counted = async () => (await app.call<{ current: { purchases: number } }>('backup.inspect', { file: backup.path })).current.purchases;
    expect(await counted()).toBe(3);
    await app.call('contacts.delete', { id: ada.id });
    expect(await app.purchases(ada.id)).toEqual({ items: [], nextCursor: null, total: 0 });
    expect(await counted()).toBe(1);
    await app.call('contacts.restore', { id: ada.id });
    expect((await app.purchases(ada.id)).total).toBe(2);
    expect(await counted()).toBe(3);
  });
});

describe('purchase triggers', () => {
  it('a first sale starts New customer welcome in the same write; a second sale does not start it again', async () => {
    const ada = await app.contact('Ada');
    app.events.length = 0;
    await app.purchase(ada.id, { occurredOn: '2026-12-01' });
    const runs = await app.runs({ contactId: ada.id });
    expect(runs.map((run) => [run.planName, run.startedBy, run.anchorDate])).toEqual([['New customer welcome', 'first purchase', '2026-12-01']]);
    expect(app.events.map((event) => event.name)).toEqual(expect.arrayContaining(['purchases.changed', 'plans.runsChanged', 'followups.changed']));
    await app.call('plans.cancel', { runId: runs[0]!.id });
    await app.purchase(ada.id, { occurredOn: '2026-12-02' });
    expect((await app.runs({ contactId: ada.id })).filter((run) => run.status === 'running')).toEqual([]);
  });

  it('a sale recorded more than 14 days after it happened is history: it starts no plan; one 14 days old still does', async () => {
    const old = await app.contact('Olga');
    await app.purchase(old.id, { occurredOn: '2026-11-17' });
    expect(await app.runs({ contactId: old.id })).toEqual([]);
    const late = await app.contact('Lena');
    await app.purchase(late.id, { occurredOn: '2026-11-18' });
    expect((await app.runs({ contactId: late.id })).map((run) => run.planName)).toEqual(['New customer welcome']);
  });

  it('a closing starts Home closing; a refund starts nothing', async () => {
    const tom = await app.contact('Tom');
    await app.purchase(tom.id, { kind: 'refund' });
    expect(await app.runs({ contactId: tom.id })).toEqual([]);
    await app.purchase(tom.id, { kind: 'closing', grossCents: 1_000_000 });
    expect((await app.runs({ contactId: tom.id })).map((run) => run.planName)).toContain('Home closing');
    // It was Tom's first purchase too: the welcome starts, or waits when the closing's touches fill the 30-day limit.
    const welcomed = [...(await app.runs({ contactId: tom.id })), ...(await app.call<Array<{ contactId: string; planName: string }>>('plans.heldBack'))].filter((each) => each.planName === 'New customer welcome');
    expect(welcomed.length).toBeGreaterThan(0);
  });
});
