import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact, ContactListPage, ContactSummary, TrashPage } from '../../shared/contacts/contacts.schemas.ts';
import type { DispatchResult } from '../../shared/api/result.ts';
import { transports, type Transport } from '../helpers/transports.ts';

// The same story, told through each transport: if the HTTP bridge and the
// in-process core ever disagree, one of these fails.

function value<T>(result: DispatchResult): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const ada = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  company: 'Analytical Engines',
  emails: [{ label: 'work', value: 'ada@analytical.example' }],
  phones: [{ label: 'mobile', value: '+44 (20) 7946-0958' }],
  tags: ['vip', 'mathematics'],
  notes: 'Prefers letters on cream paper.',
  birthday: '--12-10',
};

describe.each(transports)('contacts through the %s transport', (_name, open) => {
  let api: Transport;
  beforeEach(async () => {
    api = await open();
  });
  afterEach(async () => {
    await api.close();
  });

  const create = async (input: unknown) => value<Contact>(await api.call('contacts.create', input));
  const search = async (query: string) => value<ContactSummary[]>(await api.call('contacts.search', { query }));

  it('creates a contact and reads it back with everything the user typed', async () => {
    const created = await create(ada);
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.displayName).toBe('Ada Lovelace');
    expect(created.emails).toEqual([{ label: 'work', value: 'ada@analytical.example', primary: true }]);
    expect(created.tags).toEqual(['vip', 'mathematics']);
    expect(created.birthday).toBe('--12-10');
    expect(created.deletedAt).toBeNull();
    const fetched = value<Contact>(await api.call('contacts.get', { id: created.id }));
    expect(fetched).toEqual(created);
  });

  it('refuses invalid input with the field and a message in the user’s words', async () => {
    const result = await api.call('contacts.create', { firstName: '', lastName: '', emails: [{ value: 'not-an-email' }], birthday: '1990-02-30' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    const fields = (result.error.details as { fields: Array<{ path: string; message: string }> }).fields;
    expect(fields.map((field) => field.path).sort()).toEqual(['birthday', 'emails.0.value', 'firstName']);
    expect(fields.find((field) => field.path === 'emails.0.value')?.message).toMatch(/email address/i);
    expect(result.error.message).toMatch(/First name/);
  });

  it('updates a contact and refuses an update based on a stale version', async () => {
    const created = await create(ada);
    const updated = value<Contact>(
      await api.call('contacts.update', {
        id: created.id,
        expectedUpdatedAt: created.updatedAt,
        fields: { ...ada, lastName: 'King', phones: [] },
      }),
    );
    expect(updated.displayName).toBe('Ada King');
    expect(updated.phones).toEqual([]);
    expect(updated.updatedAt > created.updatedAt).toBe(true);

    const stale = await api.call('contacts.update', { id: created.id, expectedUpdatedAt: created.updatedAt, fields: ada });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const current = value<Contact>(await api.call('contacts.get', { id: created.id }));
    expect(current.lastName).toBe('King');
  });

  it('reports field paths of an update as the form knows them', async () => {
    const created = await create(ada);
    const result = await api.call('contacts.update', {
      id: created.id,
      expectedUpdatedAt: created.updatedAt,
      fields: { ...ada, phones: [{ value: 'call me' }] },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = (result.error.details as { fields: Array<{ path: string }> }).fields.map((field) => field.path);
    expect(new Set(paths)).toEqual(new Set(['phones.0.value']));
  });

  it('says NOT_FOUND for a contact that does not exist', async () => {
    const result = await api.call('contacts.get', { id: '01890a5d-ac96-774b-bcce-b302099a8057' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('finds a contact by part of its name, email and phone digits, ranked, and nothing for one letter', async () => {
    const created = await create(ada);
    await create({ firstName: 'Grace', lastName: 'Hopper', emails: [{ value: 'grace@navy.example' }], notes: 'Met Ada at a conference.' });
    expect((await search('ovela')).map((hit) => hit.id)).toEqual([created.id]);
    expect((await search('ada@analy')).map((hit) => hit.id)).toEqual([created.id]);
    expect((await search('7946')).map((hit) => hit.id)).toEqual([created.id]);
    expect((await search('(20) 7946-09')).map((hit) => hit.id)).toEqual([created.id]);
    expect((await search('mathem')).map((hit) => hit.id)).toEqual([created.id]);
    const byName = await search('Ada');
    expect(byName.map((hit) => hit.displayName)).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect((await search('ad')).length).toBe(2);
    expect(await search('a')).toEqual([]);
    expect(byName[0]).toMatchObject({ primaryEmail: 'ada@analytical.example', primaryPhone: '+44 (20) 7946-0958', tags: ['vip', 'mathematics'] });
  });

  it('ignores accents and case, in short searches and in name order', async () => {
    for (const [firstName, lastName] of [['Ángel', 'Zed'], ['Évariste', 'Galois'], ['Renée', 'Adams'], ['Bob', 'Núñez']]) {
      await create({ firstName, lastName });
    }
    const names = async (query: string) => (await search(query)).map((hit) => hit.displayName);
    expect(await names('an')).toContain('Ángel Zed');
    expect(await names('ev')).toEqual(['Évariste Galois']);
    expect(await names('ÉVA')).toEqual(['Évariste Galois']);
    expect(await names('nunez')).toEqual(['Bob Núñez']);
    expect(await names('ñu')).toEqual(['Bob Núñez']);
    const page = value<ContactListPage>(await api.call('contacts.list', { sort: 'name' }));
    expect(page.items.map((item) => item.displayName)).toEqual(['Ángel Zed', 'Bob Núñez', 'Évariste Galois', 'Renée Adams']);
  });

  it('finds numbers typed in notes as well as phone digits', async () => {
    const invoice = await create({ firstName: 'Cleo', notes: 'Paid 12.50 for the card; invoice 2024-05' });
    expect((await search('12.50')).map((hit) => hit.id)).toEqual([invoice.id]);
    expect((await search('2024-05')).map((hit) => hit.id)).toEqual([invoice.id]);
  });

  it('finds a contact by two words in any order, and answers odd input with results, never an error', async () => {
    const created = await create(ada);
    for (const query of ['Ada Lovelace', 'lovelace ada', '"Ada Lovelace"', 'Ada\u0000Lovelace', 'Ad Lovelace', 'Ada Lovelace vip']) {
      expect((await search(query)).map((hit) => hit.id), query).toEqual([created.id]);
    }
    for (const query of ['NEAR(', '"', '"""', '* - ^ : +', '(ada) OR (grace)', '\u0000', '\ud800\udfff\ud800', '%_%', 'ada NOT', '((20)) 7946']) {
      const result = await api.call('contacts.search', { query });
      expect(result.ok, query).toBe(true);
    }
  });

  it('finds a contact by its address', async () => {
    const created = await create({ ...ada, address: { street: '12 St James Square', city: 'London', country: 'UK' } });
    expect((await search('london')).map((hit) => hit.id)).toEqual([created.id]);
    expect((await search('Ada James Square')).map((hit) => hit.id)).toEqual([created.id]);
  });

  it('lists a company’s people, follows a rename, and searches companies alone', async () => {
    const company = await create({ kind: 'company', company: 'Analytical Engines' });
    const person = await create({ ...ada, companyId: company.id });
    await create({ firstName: 'Grace', lastName: 'Hopper', company: 'Analytical Engines' });
    const people = value<ContactListPage>(await api.call('contacts.list', { companyId: company.id }));
    expect(people).toMatchObject({ total: 1, nextCursor: null, items: [{ id: person.id, company: 'Analytical Engines' }] });
    expect(await api.call('contacts.list', { companyId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const companies = value<ContactSummary[]>(await api.call('contacts.search', { query: 'analytical', kind: 'company' }));
    expect(companies.map((hit) => hit.id)).toEqual([company.id]);

    value(await api.call('contacts.update', { id: company.id, expectedUpdatedAt: company.updatedAt, fields: { kind: 'company', company: 'Difference Engines' } }));
    expect(value<Contact>(await api.call('contacts.get', { id: person.id })).company).toBe('Difference Engines');
    expect((await search('Ada Difference')).map((hit) => hit.id)).toEqual([person.id]);
  });

  it('returns at most 50 search results', async () => {
    value(await api.call('contacts.seedSample', {}));
    for (let index = 0; index < 60; index += 1) await create({ firstName: `Searchable${index}`, lastName: 'Person' });
    expect((await search('Searchable')).length).toBe(50);
  });

  it('lists contacts by name and by last update, a page at a time, filtered by tag', async () => {
    for (const [firstName, tags] of [['Cleo', ['vip']], ['Ada', []], ['Bea', ['vip']], ['Dora', []]] as const) {
      await create({ firstName, lastName: 'Test', tags });
    }
    const first = value<ContactListPage>(await api.call('contacts.list', { sort: 'name', limit: 3 }));
    expect(first.total).toBe(4);
    expect(first.items.map((item) => item.displayName)).toEqual(['Ada Test', 'Bea Test', 'Cleo Test']);
    const second = value<ContactListPage>(await api.call('contacts.list', { sort: 'name', limit: 3, cursor: first.nextCursor }));
    expect(second.items.map((item) => item.displayName)).toEqual(['Dora Test']);
    expect(second.nextCursor).toBeNull();
    const exact = value<ContactListPage>(await api.call('contacts.list', { sort: 'name', limit: 4 }));
    expect(exact.nextCursor).toBeNull();

    const recent = value<ContactListPage>(await api.call('contacts.list', { sort: 'updated', limit: 10 }));
    expect(recent.items.map((item) => item.displayName)).toEqual(['Dora Test', 'Bea Test', 'Ada Test', 'Cleo Test']);

    const window = value<ContactListPage>(await api.call('contacts.list', { sort: 'name', offset: 2, limit: 10 }));
    expect(window.items.map((item) => item.displayName)).toEqual(['Cleo Test', 'Dora Test']);

    const vip = value<ContactListPage>(await api.call('contacts.list', { tag: 'VIP', limit: 10 }));
    expect(vip.total).toBe(2);
    expect(vip.items.map((item) => item.displayName)).toEqual(['Bea Test', 'Cleo Test']);

    const bad = await api.call('contacts.list', { cursor: 'not-a-cursor' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('moves a contact to the Trash and restores it, and search follows', async () => {
    const created = await create(ada);
    const deleted = value<Contact>(await api.call('contacts.delete', { id: created.id }));
    expect(deleted.deletedAt).not.toBeNull();
    expect(await search('Lovelace')).toEqual([]);
    expect(value<ContactListPage>(await api.call('contacts.list', {})).total).toBe(0);
    const trash = value<TrashPage>(await api.call('contacts.trash', {}));
    expect(trash.items.map((item) => item.id)).toEqual([created.id]);
    expect(trash.total).toBe(1);
    const edit = await api.call('contacts.update', { id: created.id, expectedUpdatedAt: deleted.updatedAt, fields: ada });
    expect(edit).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'This contact is in the Trash. Restore it before editing.' } });
    expect(value<Array<{ name: string }>>(await api.call('tags.list', {}))).toEqual([]);

    const restored = value<Contact>(await api.call('contacts.restore', { id: created.id }));
    expect(restored.deletedAt).toBeNull();
    expect(restored.emails).toEqual(created.emails);
    expect((await search('Lovelace')).map((hit) => hit.id)).toEqual([created.id]);
    expect(value<TrashPage>(await api.call('contacts.trash', {}))).toEqual({ items: [], total: 0 });
  });

  it('counts tags across contacts, case-insensitively', async () => {
    await create({ firstName: 'A', tags: ['VIP', 'buyer'] });
    await create({ firstName: 'B', tags: ['vip'] });
    expect(value(await api.call('tags.list', {}))).toEqual([
      { name: 'buyer', count: 1 },
      { name: 'VIP', count: 2 },
    ]);
  });

  it('links a person to a company contact and refuses a person as the company', async () => {
    const company = await create({ kind: 'company', company: 'Harbor Lane Realty' });
    const person = await create({ firstName: 'Sam', companyId: company.id });
    expect(person.company).toBe('Harbor Lane Realty');
    const wrong = await api.call('contacts.create', { firstName: 'Kim', companyId: person.id });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'companyId' }] } } });

    value(await api.call('contacts.delete', { id: company.id }));
    const edited = await api.call('contacts.update', {
      id: person.id,
      expectedUpdatedAt: person.updatedAt,
      fields: { firstName: 'Samuel', companyId: company.id },
    });
    expect(edited).toMatchObject({ ok: true, value: { firstName: 'Samuel', companyId: company.id } });
    const newLink = await api.call('contacts.create', { firstName: 'Kim', companyId: company.id });
    expect(newLink).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('loads about fifty realistic sample contacts', async () => {
    expect(value(await api.call('contacts.seedSample', {}))).toEqual({ created: 50 });
    const page = value<ContactListPage>(await api.call('contacts.list', { limit: 100 }));
    expect(page.total).toBe(50);
    expect(page.items.every((item) => item.displayName.length > 0 && item.primaryEmail?.includes('@'))).toBe(true);
  });

  it('tells listeners what changed', async () => {
    const created = await create(ada);
    await api.call('contacts.delete', { id: created.id });
    await expect.poll(() => api.events.map((event) => event.payload.reason)).toEqual(['created', 'deleted']);
    expect(api.events[0]).toEqual({ name: 'contacts.changed', payload: { ids: [created.id], reason: 'created' } });
  });

  it('answers an unknown method with NOT_FOUND', async () => {
    expect(await api.call('contacts.explode', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
