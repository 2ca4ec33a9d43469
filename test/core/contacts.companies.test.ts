import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactPage } from '../../shared/domain/contact.ts';
import { openContactsCore, type ContactsCore } from './contacts-core.ts';

describe('companies and their people', () => {
  let api: ContactsCore;
  beforeEach(async () => {
    api = await openContactsCore();
  });
  afterEach(async () => {
    await api.close();
  });

  const list = async (input: unknown) => api.value<ContactPage>(await api.call('contacts.list', input));
  const names = (page: ContactPage) => page.items.map((item) => item.displayName);

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
});
