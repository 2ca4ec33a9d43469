import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/contacts/contacts.schemas.ts';
import { openCommerceCore, type CommerceCore } from './commerce-core.ts';

let app: CommerceCore;
let folder: string;
beforeEach(async () => {
  app = await openCommerceCore();
  folder = mkdtempSync(join(tmpdir(), 'ambassador-purchases-'));
});
afterEach(async () => {
  await app.remove();
  rmSync(folder, { recursive: true, force: true });
});

const file = (name: string, lines: string[]) => {
  const path = join(folder, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};

const undo = (batchId: string) => app.call<{ removedPurchases: number; removedContacts: number; keptContacts: number }>('purchases.undoImport', { batchId });

describe('undo a purchases import', () => {
  it('removes its purchases and puts the contacts it made in the Trash, keeping one given an interaction since; twice is refused', async () => {
    const ada = await app.contact('Ada', { emails: [{ value: 'ada@example.com' }] });
    await app.purchase(ada.id);
    const path = file('sales.csv', ['email,name,date,amount', 'ada@example.com,,2026-10-01,10', 'bo@example.com,Bo Lind,2026-10-02,20', 'cy@example.com,Cy Twombly,2026-10-03,30']);
    const report = await app.importFile(path);
    expect(report).toMatchObject({ imported: 3, createdContacts: 2, matched: 1 });
    const created = report.rows.filter((row) => row.matchedBy === 'new').map((row) => row.contactId!);
    const [bo, cy] = created as [string, string];
    await app.call('history.log', { contactId: cy, kind: 'call', occurredAt: '2026-12-01T10:00:00.000Z' });
    app.events.length = 0;

    expect(await undo(report.batchId)).toEqual({ batchId: report.batchId, removedPurchases: 3, removedContacts: 1, keptContacts: 1 });
    expect((await app.purchases(ada.id)).total).toBe(1);
    expect((await app.call<Contact>('contacts.get', { id: bo })).deletedAt).not.toBeNull();
    expect((await app.call<Contact>('contacts.get', { id: cy })).deletedAt).toBeNull();
    expect((await app.purchases(cy)).total).toBe(0);
    expect(app.events.map((event) => event.name)).toEqual(['purchases.changed', 'contacts.changed']);
    expect(app.events[1]!.payload).toEqual({ ids: [bo], reason: 'deleted' });
    expect((await app.call<Array<{ undoneAt: string | null }>>('purchases.imports'))[0]!.undoneAt).not.toBeNull();

    expect(await app.refusal('purchases.undoImport', { batchId: report.batchId })).toMatchObject({ code: 'VALIDATION', paths: ['batchId'], message: expect.stringContaining('already undone') });
  });

  it('purchases from the last 7 days start plans like a recorded one; older ones are history', async () => {
    const path = file('recent.csv', ['customer id,date,amount,type', '1,2026-11-30,10,sale', '2,2026-11-01,20,sale', '2,2026-12-01,20,sale', '3,2026-11-29,500000,closing', '4,2026-12-01,-5,sale']);
    const report = await app.importFile(path);
    expect(report).toMatchObject({ imported: 5, createdContacts: 4 });
    const runs = await app.runs({});
    const byCustomer = (id: string) => runs.filter((run) => run.contactId === report.rows.find((row) => row.reason?.endsWith(`Customer ${id}`))?.contactId).map((run) => run.planName);
    // 1: first purchase, recent. 2: first purchase a month ago, so the recent one is a repeat. 3: a recent closing. 4: a refund.
    expect(byCustomer('1')).toEqual(['New customer welcome']);
    expect(byCustomer('2')).toEqual([]);
    expect(byCustomer('3')).toContain('Home closing');
    expect(byCustomer('4')).toEqual([]);
    expect(report.plansStarted).toBe(runs.length);
  });
});
