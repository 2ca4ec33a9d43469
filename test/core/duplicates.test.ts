import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact, ContactSummary } from '../../shared/contacts/contacts.schemas.ts';
import type { DuplicateGroup, MergeRecord, MergeResult } from '../../shared/duplicates/duplicates.schemas.ts';
import { openTransferCore, type TransferCore } from './transfer-core.ts';

let api: TransferCore;
beforeEach(async () => {
  api = await openTransferCore();
});
afterEach(async () => {
  await api.close();
});

const find = async () => api.value<DuplicateGroup[]>(await api.call('duplicates.find', {}));
const merge = async (keepId: string, mergeId: string) => api.value<MergeResult>(await api.call('duplicates.merge', { keepId, mergeId }));

/** Every row of every table a merge touches (the merge records aside), as stored. */
function everything() {
  const tables = ['contacts', 'contact_methods', 'contact_tags', 'interactions', 'followups'];
  const dump = Object.fromEntries(tables.map((table) => [table, api.raw(`select * from ${table} order by rowid`)]));
  return { ...dump, search: api.raw('select rowid, * from contacts_fts order by rowid'), historySearch: api.raw('select rowid, * from interactions_fts order by rowid') };
}

describe('duplicates.find', () => {
  it('groups contacts with the same email, phone digits or name, leaving the Trash out', async () => {
    const ada = await api.create({ firstName: 'Ada', lastName: 'Lovelace', emails: [{ value: 'ada@example.com' }] });
    const ada2 = await api.create({ firstName: 'Augusta', lastName: 'King', emails: [{ value: ' ADA@example.COM' }] });
    const grace = await api.create({ firstName: 'Grace', lastName: 'Hopper', phones: [{ value: '+1 (555) 010-2000' }] });
    const grace2 = await api.create({ firstName: 'Amazing', lastName: 'Grace', phones: [{ value: '555.010.2000' }] });
    const jose = await api.create({ firstName: 'José', lastName: 'García' });
    const jose2 = await api.create({ firstName: 'Garcia,', lastName: 'jose' });
    const trashed = await api.create({ firstName: 'Jose', lastName: 'Garcia' });
    api.value(await api.call('contacts.delete', { id: trashed.id }));
    await api.create({ firstName: 'Short', phones: [{ value: '555 01' }] });
    await api.create({ firstName: 'Other', phones: [{ value: '555 01' }] });

    const groups = await find();
    expect(groups.map((group) => [group.reason, group.value, group.contacts.map((contact) => contact.id)])).toEqual([
      ['email', 'ada@example.com', [ada.id, ada2.id]],
      ['phone', '+1 (555) 010-2000', [grace.id, grace2.id]],
      ['name', 'José García', [jose.id, jose2.id]],
    ]);
  });
});

describe('duplicates.merge', () => {
  it('keeps every email, phone, tag, note, interaction and follow-up; the kept fields win; the other goes to the Trash', async () => {
    const keep = await api.create({ firstName: 'Ada', lastName: 'Lovelace', emails: [{ value: 'ada@example.com' }], notes: 'Countess', tags: ['math'] });
    const other = await api.create({
      firstName: 'Augusta',
      lastName: 'King',
      emails: [{ value: 'ADA@example.com' }, { value: 'augusta@king.uk', label: 'home' }],
      phones: [{ value: '555 123 4567' }],
      notes: 'Poet’s daughter',
      tags: ['Math', 'poetry'],
      birthday: '1815-12-10',
    });
    api.value(await api.call('history.log', { contactId: other.id, kind: 'call', occurredAt: '2026-11-30T09:00:00.000Z', summary: 'Analytical engine' }));
    api.value(await api.call('followups.create', { contactId: other.id, kind: 'call', title: 'Call back', dueDate: '2026-12-10' }));

    const result = await merge(keep.id, other.id);
    expect(result.moved).toEqual({ emails: 1, phones: 1, tags: 1, interactions: 1, followups: 1, purchases: 0 });
    expect(result.kept).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      emails: [{ value: 'ada@example.com', primary: true }, { value: 'augusta@king.uk', label: 'home', primary: false }],
      phones: [{ value: '555 123 4567' }],
      notes: 'Countess\n\nPoet’s daughter',
      tags: ['math', 'poetry'],
      birthday: '1815-12-10',
      lastInteractionAt: '2026-11-30T09:00:00.000Z',
    });
    expect((await api.get(other.id)).deletedAt).not.toBeNull();
    expect(api.raw('select contact_id from interactions')).toEqual([{ contact_id: keep.id }]);
    expect(api.raw('select contact_id from followups')).toEqual([{ contact_id: keep.id }]);
    const found = api.value<ContactSummary[]>(await api.call('contacts.search', { query: 'augusta@king' }));
    expect(found.map((contact) => contact.id)).toEqual([keep.id]);
    expect(await find()).toEqual([]);

    const records = api.value<MergeRecord[]>(await api.call('duplicates.merges', { contactId: other.id }));
    expect(records).toEqual([{ mergeId: result.mergeId, keptId: keep.id, mergedId: other.id, mergedName: 'Augusta King', mergedAt: expect.any(String), undoneAt: null }]);
    expect(api.events.slice(-5).map((event) => event.name)).toEqual(['contacts.changed', 'history.changed', 'followups.changed', 'purchases.changed', 'duplicates.changed']);
    expect(api.events.at(-5)).toEqual({ name: 'contacts.changed', payload: { ids: [keep.id, other.id], reason: 'merged' } });
  });

  it('undo puts both contacts, their history, referrals and follow-ups back exactly as they were', async () => {
    const keep = await api.create({ firstName: 'Ada', emails: [{ value: 'ada@example.com' }], tags: ['a'] });
    const other = await api.create({ firstName: 'Augusta', emails: [{ value: 'augusta@king.uk' }], phones: [{ value: '555 123 4567' }], tags: ['b'], notes: 'n' });
    const friend = await api.create({ firstName: 'Mary', lastName: 'Somerville' });
    api.value(await api.call('history.log', { contactId: keep.id, kind: 'call', occurredAt: '2026-11-01T09:00:00.000Z', summary: 'Ada call', referredById: other.id }));
    api.value(await api.call('history.log', { contactId: other.id, kind: 'visit', occurredAt: '2026-11-20T09:00:00.000Z', summary: 'Augusta visit' }));
    api.value(await api.call('history.log', { contactId: friend.id, kind: 'note', occurredAt: '2026-11-21T09:00:00.000Z', summary: 'Mary', referredById: other.id }));
    api.value(await api.call('followups.create', { contactId: other.id, kind: 'gift', title: 'Send flowers', dueDate: '2026-12-24' }));
    api.value(await api.call('followups.create', { contactId: keep.id, kind: 'call', title: 'Call Ada', dueDate: '2026-12-05' }));
    const before = everything();

    const { mergeId } = await merge(keep.id, other.id);
    expect(api.raw('select referred_by_id from interactions order by num')).toEqual([{ referred_by_id: null }, { referred_by_id: null }, { referred_by_id: keep.id }]);
    const undone = api.value<{ kept: Contact; restored: Contact }>(await api.call('duplicates.undoMerge', { mergeId }));
    expect(undone.kept.id).toBe(keep.id);
    expect(undone.restored).toMatchObject({ id: other.id, deletedAt: null });
    expect(everything()).toEqual(before);

    expect(await api.refusal('duplicates.undoMerge', { mergeId })).toMatchObject({ code: 'VALIDATION', message: 'Contact to merge: That merge was already undone.' });
    expect(api.value<MergeRecord[]>(await api.call('duplicates.merges', { contactId: keep.id }))[0]!.undoneAt).not.toBeNull();
  });

  it('moves the people of a merged company to the kept one, and back on undo', async () => {
    const acme = await api.create({ kind: 'company', company: 'Acme' });
    const acme2 = await api.create({ kind: 'company', company: 'ACME Inc' });
    const wile = await api.create({ firstName: 'Wile', companyId: acme2.id });
    const before = everything();
    const { mergeId } = await merge(acme.id, acme2.id);
    expect(await api.get(wile.id)).toMatchObject({ companyId: acme.id, company: 'Acme' });
    api.value(await api.call('duplicates.undoMerge', { mergeId }));
    expect(everything()).toEqual(before);
  });

  it('refuses what cannot be merged, saying why', async () => {
    const ada = await api.create({ firstName: 'Ada' });
    const acme = await api.create({ kind: 'company', company: 'Acme' });
    const gone = await api.create({ firstName: 'Gone' });
    api.value(await api.call('contacts.delete', { id: gone.id }));
    expect(await api.refusal('duplicates.merge', { keepId: ada.id, mergeId: ada.id })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Choose two different contacts to merge.') });
    expect(await api.refusal('duplicates.merge', { keepId: ada.id, mergeId: acme.id })).toMatchObject({
      code: 'VALIDATION',
      message: 'Contact to merge: A person and a company cannot be merged. Choose two people or two companies.',
    });
    expect(await api.refusal('duplicates.merge', { keepId: ada.id, mergeId: gone.id })).toMatchObject({ code: 'VALIDATION', message: 'Contact to merge: Gone is in the Trash. Restore them before merging.' });
    expect(await api.refusal('duplicates.undoMerge', { mergeId: 'nope' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('will not undo a merge over a later edit of the kept contact', async () => {
    const ada = await api.create({ firstName: 'Ada' });
    const other = await api.create({ firstName: 'Augusta' });
    const { mergeId, kept } = await merge(ada.id, other.id);
    api.value(await api.call('contacts.update', { id: ada.id, expectedUpdatedAt: kept.updatedAt, fields: { firstName: 'Ada B.' } }));
    expect(await api.refusal('duplicates.undoMerge', { mergeId })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('was changed after the merge') });
  });
});
