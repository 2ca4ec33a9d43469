import Sqlite from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact, ContactListPage, TagCount } from '../../shared/contacts/contacts.schemas.ts';
import { openContactsCore, type ContactsCore } from './contacts-core.ts';

// A virtualized list asks for windows by offset, and the core starts each from
// positions earlier windows left. Whatever was written in between, a window must
// hold exactly the rows a plain OFFSET query holds.

type Sort = 'name' | 'updated';
const order = { name: 'sort_key, id', updated: 'updated_at desc, id desc' };
const filters = {
  none: '',
  vip: "and id in (select contact_id from contact_tags where tag = 'vip' collate nocase)",
  rare: "and id in (select contact_id from contact_tags where tag = 'rare' collate nocase)",
  movable: "and id in (select contact_id from customer_values where stage = 'movable')",
};
type Filter = keyof typeof filters;
const query = { none: {}, vip: { tag: 'VIP' }, rare: { tag: 'rare' }, movable: { stage: 'movable' } };

describe('contacts.list windows by offset', () => {
  let api: ContactsCore;
  let raw: Sqlite.Database;
  let people: Contact[];
  beforeEach(async () => {
    api = await openContactsCore();
    people = [];
    for (let index = 0; index < 45; index += 1) {
      const tags = [index % 3 === 0 ? 'vip' : 'buyer', ...(index === 7 || index === 30 ? ['rare'] : [])];
      people.push(await api.create({ firstName: `Person ${(index * 17) % 45}`, lastName: index % 4 === 0 ? 'Same' : 'Other', tags }));
    }
    raw = new Sqlite(join(api.core.databaseFile));
    const stage = raw.prepare(`insert into customer_values (contact_id, computed_at, purchases, historical_cents, predicted_clv_cents, tier, stage)
      values (?, '2026-01-01', 1, 100, 100, 'rest', ?)`);
    people.forEach((person, index) => stage.run(person.id, index % 2 === 0 ? 'movable' : 'at_risk'));
  });
  afterEach(async () => {
    raw.close();
    await api.close();
  });

  const list = async (sort: Sort, filter: Filter, offset: number, limit: number, withTotal = true) =>
    api.value<ContactListPage>(await api.call('contacts.list', { sort, offset, limit, withTotal, ...query[filter] }));
  const plain = (sort: Sort, filter: Filter, offset: number, limit: number) =>
    raw.prepare(`select id from contacts where deleted_at is null ${filters[filter]} order by ${order[sort]} limit ? offset ?`).pluck().all(limit, offset);
  const plainTotal = (filter: Filter) => raw.prepare(`select count(*) from contacts where deleted_at is null ${filters[filter]}`).pluck().get();

  async function expectEveryWindowPlain(): Promise<void> {
    for (const sort of ['name', 'updated'] as const) {
      for (const filter of Object.keys(filters) as Filter[]) {
        // Forward, then backward, then jumps: each leaves positions the next may start from.
        const offsets = [0, 5, 10, 15, 50, 40, 23, 22, 9, 31, 44, 45, 3];
        for (const offset of offsets) {
          const page = await list(sort, filter, offset, 6, offset === 0);
          expect(page.items.map((item) => item.id), `${sort} ${filter} at ${offset}`).toEqual(plain(sort, filter, offset, 6));
          expect(page.total).toBe(offset === 0 ? plainTotal(filter) : null);
        }
      }
    }
  }

  it('equal the plain OFFSET result before and after contacts are added, renamed, retagged, trashed and restaged', async () => {
    await expectEveryWindowPlain();
    for (let index = 0; index < 5; index += 1) await api.create({ firstName: `Aaron ${index}`, tags: ['vip'] });
    await expectEveryWindowPlain();
    const renamed = people[20]!;
    api.value(await api.call('contacts.update', { id: renamed.id, expectedUpdatedAt: renamed.updatedAt, fields: { firstName: 'Zed', tags: ['rare'] } }));
    await expectEveryWindowPlain();
    for (const person of people.slice(0, 12)) api.value(await api.call('contacts.delete', { id: person.id }));
    await expectEveryWindowPlain();
    api.value(await api.call('contacts.restore', { id: people[3]!.id }));
    // Another connection changes stages (as another Ambassador on the same file would).
    raw.prepare("update customer_values set stage = 'movable' where stage = 'at_risk'").run();
    await expectEveryWindowPlain();
  });

  it('counts each list the plain way, and tags.list as before', async () => {
    for (const person of people.slice(0, 4)) api.value(await api.call('contacts.delete', { id: person.id }));
    for (const filter of Object.keys(filters) as Filter[]) expect((await list('name', filter, 0, 1)).total).toBe(plainTotal(filter));
    const company = await api.create({ kind: 'company', company: 'Harbor Lane' });
    await api.create({ firstName: 'Linked', companyId: company.id, tags: ['Vip'] });
    const linked = api.value<ContactListPage>(await api.call('contacts.list', { companyId: company.id, tag: 'vip' }));
    expect([linked.items.map((item) => item.displayName), linked.total]).toEqual([['Linked'], 1]);
    expect(api.value(await api.call('contacts.count', {}))).toEqual({ contacts: 43, trash: 4 });
    const tags = api.value<TagCount[]>(await api.call('tags.list', {}));
    const before = raw
      .prepare(`select min(t.tag) as name, count(*) as count from contact_tags t join contacts c on c.id = t.contact_id
        where c.deleted_at is null group by t.tag collate nocase order by t.tag collate nocase`)
      .all();
    expect(tags).toEqual(before);
    expect(tags.map((tag) => tag.name)).toEqual(['buyer', 'rare', 'Vip']);
  });
});
