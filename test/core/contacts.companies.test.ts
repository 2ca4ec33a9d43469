import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact, ContactListPage } from '../../shared/contacts/contacts.schemas.ts';
import { openContactsCore, type ContactsCore } from './contacts-core.ts';

describe('companies and their people', () => {
  let api: ContactsCore;
  beforeEach(async () => {
    api = await openContactsCore();
  });
  afterEach(async () => {
    await api.close();
  });

  const list = async (input: unknown) => api.value<ContactListPage>(await api.call('contacts.list', input));
  const names = (page: ContactListPage) => page.items.map((item) => item.displayName);

  it('lists the people of one company, a page at a time, with their total', async () => {
    const harbor = await api.create({ kind: 'company', company: 'Harbor Lane Realty' });
    const bakery = await api.create({ kind: 'company', company: 'Bluebird Bakery' });
    for (const firstName of ['Dora', 'Ada', 'Cleo', 'Bea']) {
      await api.create({ firstName, lastName: 'Harbor', companyId: harbor.id, tags: firstName === 'Bea' ? ['vip'] : [] });
    }
    await api.create({ firstName: 'Eve', lastName: 'Baker', companyId: bakery.id });
    await api.create({ firstName: 'Fay', lastName: 'Loner', company: 'Harbor Lane Realty' });

    const first = await list({ companyId: harbor.id, limit: 3 });
    expect(first.total).toBe(4);
    expect(names(first)).toEqual(['Ada Harbor', 'Bea Harbor', 'Cleo Harbor']);
    const second = await list({ companyId: harbor.id, limit: 3, cursor: first.nextCursor });
    expect(names(second)).toEqual(['Dora Harbor']);
    expect(second.nextCursor).toBeNull();
    expect(names(await list({ companyId: harbor.id, offset: 2, limit: 10 }))).toEqual(['Cleo Harbor', 'Dora Harbor']);
    expect(names(await list({ companyId: harbor.id, sort: 'updated', limit: 2 }))).toEqual(['Bea Harbor', 'Cleo Harbor']);
    expect(await list({ companyId: harbor.id, tag: 'vip' })).toMatchObject({ total: 1, items: [{ displayName: 'Bea Harbor' }] });
    expect(await list({ companyId: bakery.id })).toMatchObject({ total: 1, items: [{ displayName: 'Eve Baker' }] });
    expect((await list({})).total).toBe(8);

    const ada = (await api.search('Ada Harbor'))[0]!;
    api.value(await api.call('contacts.delete', { id: ada.id }));
    expect(names(await list({ companyId: harbor.id }))).toEqual(['Bea Harbor', 'Cleo Harbor', 'Dora Harbor']);
    expect(await list({ companyId: '01890a5d-ac96-774b-bcce-b302099a8057' })).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('finds a company’s people through the company_id index', async () => {
    // The statement contacts.listing.ts builds for a company's second page.
    const reader = new Sqlite(api.core.databaseFile, { readonly: true });
    const plan = reader
      .prepare<unknown[], { detail: string }>(
        `explain query plan select * from contacts where deleted_at is null and company_id = ?
         and (sort_key, id) > (?, ?) order by sort_key, id limit 101`,
      )
      .all('x', 'a', 'b');
    reader.close();
    expect(plan.map((row) => row.detail).join('\n')).toMatch(/USING INDEX contacts_by_company/);
  });

  it('searches companies alone for the company picker', async () => {
    const harbor = await api.create({ kind: 'company', company: 'Harbor Lane Realty' });
    await api.create({ firstName: 'Harriet', lastName: 'Harbor' });
    await api.create({ firstName: 'Sam', companyId: harbor.id });
    const kinds = async (query: string, kind?: 'person' | 'company') => (await api.search(query, kind)).map((hit) => `${hit.kind} ${hit.displayName}`);
    expect(await kinds('harbor')).toHaveLength(3);
    expect(await kinds('harbor', 'company')).toEqual(['company Harbor Lane Realty']);
    expect(await kinds('ha', 'company')).toEqual(['company Harbor Lane Realty']);
    expect(await kinds('ha lane', 'company')).toEqual(['company Harbor Lane Realty']);
    expect(await kinds('harbor', 'person')).toEqual(['person Harriet Harbor', 'person Sam']);
  });

  const update = async (contact: Contact, fields: Record<string, unknown>) =>
    api.call('contacts.update', { id: contact.id, expectedUpdatedAt: contact.updatedAt, fields });
  const problem = (result: Awaited<ReturnType<ContactsCore['call']>>) => {
    if (result.ok) throw new Error('expected a refusal');
    const { fields } = result.error.details as { fields: Array<{ path: string; message: string }> };
    return { code: result.error.code, message: result.error.message, fields };
  };

  it('keeps a linked person’s company text in step with the company’s name', async () => {
    const harbor = await api.create({ kind: 'company', company: 'Harbor Lane Realty' });
    const sam = await api.create({ firstName: 'Sam', company: 'Harbour Lane (typo)', companyId: harbor.id });
    expect(sam.company).toBe('Harbor Lane Realty');
    const unlinked = api.value<Contact>(await update(sam, { firstName: 'Sam', company: 'Freelance', companyId: null }));
    expect(unlinked).toMatchObject({ company: 'Freelance', companyId: null });
  });

  it('gives a renamed company’s people the new name, in the list and in search, without touching their versions', async () => {
    const harbor = await api.create({ kind: 'company', company: 'Harbor Lane Realty' });
    const sam = await api.create({ firstName: 'Sam', lastName: 'Seller', companyId: harbor.id });
    const kim = await api.create({ firstName: 'Kim', lastName: 'Keys', companyId: harbor.id });
    const other = await api.create({ firstName: 'Olga', company: 'Harbor Lane Realty' });
    api.value(await api.call('contacts.delete', { id: kim.id }));
    const events: unknown[] = [];
    api.core.onEvent((event) => events.push(event.payload));

    const renamed = api.value<Contact>(await update(harbor, { kind: 'company', company: 'Seaside Homes' }));
    expect(renamed.displayName).toBe('Seaside Homes');
    expect(events).toEqual([{ ids: [harbor.id, sam.id, kim.id], reason: 'updated' }]);
    const samNow = api.value<Contact>(await api.call('contacts.get', { id: sam.id }));
    expect(samNow).toMatchObject({ company: 'Seaside Homes', updatedAt: sam.updatedAt });
    expect((await list({ companyId: harbor.id })).items).toMatchObject([{ displayName: 'Sam Seller', company: 'Seaside Homes' }]);
    expect((await api.search('Seaside', 'person')).map((hit) => hit.id)).toEqual([sam.id]);
    expect((await api.search('Sam Harbor')).map((hit) => hit.id)).toEqual([]);
    expect((await api.search('Harbor Lane')).map((hit) => hit.id)).toEqual([other.id]);
    // An edit started before the rename saves without a conflict, and with the new name.
    expect(api.value<Contact>(await update(sam, { firstName: 'Samuel', lastName: 'Seller', company: 'Harbor Lane Realty', companyId: harbor.id })).company).toBe('Seaside Homes');

    api.value(await api.call('contacts.restore', { id: kim.id }));
    expect((await api.search('Kim Seaside')).map((hit) => hit.id)).toEqual([kim.id]);
  });

  it('refuses a link to a missing, trashed or non-company contact, in the user’s words', async () => {
    const harbor = await api.create({ kind: 'company', company: 'Harbor Lane Realty' });
    const sam = await api.create({ firstName: 'Sam', companyId: harbor.id });
    const missing = problem(await api.call('contacts.create', { firstName: 'Kim', companyId: '01890a5d-ac96-774b-bcce-b302099a8057' }));
    expect(missing).toEqual({
      code: 'VALIDATION',
      message: 'Company: That company is not in your contacts any more. Choose another company.',
      fields: [{ path: 'companyId', message: 'That company is not in your contacts any more. Choose another company.' }],
    });
    expect(problem(await api.call('contacts.create', { firstName: 'Kim', companyId: sam.id })).fields).toEqual([
      { path: 'companyId', message: 'Choose a company, not a person.' },
    ]);
    expect(problem(await api.call('contacts.create', { kind: 'company', company: 'Sub Ltd', companyId: harbor.id })).fields[0]?.message).toMatch(
      /^Only a person can belong to a company/,
    );
    expect(problem(await api.call('contacts.create', { firstName: 'Kim', companyId: 'not-an-id' })).fields[0]).toMatchObject({ path: 'companyId' });

    api.value(await api.call('contacts.delete', { id: harbor.id }));
    expect(problem(await api.call('contacts.create', { firstName: 'Kim', companyId: harbor.id })).fields[0]?.message).toBe(
      'That company is in the Trash. Restore it first, or choose another company.',
    );
    // Already linked: the person stays editable while the company is in the Trash.
    expect((await update(sam, { firstName: 'Samuel', companyId: harbor.id })).ok).toBe(true);
  });

  it('keeps a company with people a company', async () => {
    const harbor = await api.create({ kind: 'company', company: 'Harbor Lane Realty' });
    const empty = await api.create({ kind: 'company', company: 'Nobody Ltd' });
    await api.create({ firstName: 'Sam', companyId: harbor.id });
    await api.create({ firstName: 'Kim', companyId: harbor.id });
    expect(problem(await update(harbor, { kind: 'person', firstName: 'Harbor' }))).toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'kind', message: '2 people are linked to this company. Link them to another company first, or keep this a company.' }],
    });
    expect((await update(empty, { kind: 'person', firstName: 'Nobody' })).ok).toBe(true);
  });

  it('links the sample people to the sample companies', async () => {
    api.value(await api.call('contacts.seedSample', {}));
    const companies = await api.search('Harbor Lane Realty', 'company');
    expect(companies.map((hit) => hit.displayName)).toEqual(['Harbor Lane Realty']);
    const people = await list({ companyId: companies[0]!.id });
    expect(people.total).toBeGreaterThan(0);
    expect(people.items.every((item) => item.kind === 'person' && item.company === 'Harbor Lane Realty')).toBe(true);

    const everyone = await list({ limit: 1000 });
    let linked = 0;
    for (const item of everyone.items.filter((summary) => summary.kind === 'person' && summary.company !== '')) {
      const person = api.value<Contact>(await api.call('contacts.get', { id: item.id }));
      expect(person.companyId, person.displayName).not.toBeNull();
      linked += 1;
    }
    expect(linked).toBe(11);
  });
});
