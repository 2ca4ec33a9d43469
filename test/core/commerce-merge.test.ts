import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Purchase } from '../../shared/commerce/commerce.schemas.ts';
import type { PurchaseImportReport } from '../../shared/commerce/purchase-import.schemas.ts';
import type { MergeResult } from '../../shared/duplicates/duplicates.schemas.ts';
import { openTransferCore, type TransferCore } from './transfer-core.ts';

let api: TransferCore;
let folder: string;
beforeEach(async () => {
  api = await openTransferCore();
  folder = mkdtempSync(join(tmpdir(), 'ambassador-merge-purchases-'));
});
afterEach(async () => {
  await api.close();
  rmSync(folder, { recursive: true, force: true });
});

const purchases = () => api.raw<{ id: string; contact_id: string }>('select id, contact_id from purchases order by id');
const refs = () => api.raw<{ external_id: string; contact_id: string }>('select external_id, contact_id from customer_refs order by external_id');

describe('merging contacts with purchases', () => {
  it('moves the merged contact’s purchases and customer numbers to the kept one, and exactly those back on undo', async () => {
    const ada = await api.create({ firstName: 'Ada', emails: [{ value: 'ada@example.com' }] });
    const other = await api.create({ firstName: 'Augusta', emails: [{ value: 'augusta@example.com' }] });
    const path = join(folder, 'sales.csv');
    writeFileSync(path, 'customer id,email,date,amount\nA-1,ada@example.com,2026-10-01,10\nA-2,augusta@example.com,2026-10-02,20\nA-2,augusta@example.com,2026-10-03,30\n');
    api.value<PurchaseImportReport>(await api.call('purchases.import', { file: path }));
    const own = api.value<Purchase>(await api.call('purchases.create', { contactId: ada.id, fields: { occurredOn: '2026-11-01', grossCents: 500 } }));
    const before = { purchases: purchases(), refs: refs() };
    const moving = before.purchases.filter((row) => row.contact_id === other.id).map((row) => row.id);
    expect(moving).toHaveLength(2);

    const merged = api.value<MergeResult>(await api.call('duplicates.merge', { keepId: ada.id, mergeId: other.id }));
    expect(merged.moved.purchases).toBe(2);
    expect(purchases().every((row) => row.contact_id === ada.id)).toBe(true);
    expect(refs()).toEqual([{ external_id: 'A-1', contact_id: ada.id }, { external_id: 'A-2', contact_id: ada.id }]);
    const [record] = api.raw<{ moved: string }>('select moved from contact_merges');
    expect(JSON.parse(record!.moved).purchaseMoves).toEqual({ purchaseIds: expect.arrayContaining(moving), customerRefIds: ['A-2'] });
    expect(api.value<{ total: number }>(await api.call('purchases.list', { contactId: ada.id })).total).toBe(4);

    api.value(await api.call('duplicates.undoMerge', { mergeId: merged.mergeId }));
    // Ada's own purchases and number stay hers; Augusta's come back to her.
    expect({ purchases: purchases(), refs: refs() }).toEqual(before);
    expect(purchases().find((row) => row.id === own.id)!.contact_id).toBe(ada.id);
  });
});
