import type Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ContactFields } from '../../shared/contacts/contacts.schemas.ts';
import { createCore } from '../../src-main/core/core.ts';
import { insertContactsInBulk, insertContactWithDetails } from '../../src-main/core/contacts/contacts.service.ts';
import { closeDatabase, openDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

// The batched path (imports, sample data, the bench generator) must write what
// creating contacts one by one writes: rows, emails and phones, tags and search entries.

const data = makeTempDataDir();
afterEach(() => data.remove());

const fields = ContactFields.parse({
  firstName: 'Ádá',
  lastName: 'Lovelace',
  company: 'Analytical Engines',
  emails: [
    { label: 'work', value: 'ada@engines.example', primary: true },
    { label: 'home', value: 'ada@home.example' },
  ],
  phones: [{ label: 'mobile', value: '+44 20 7946 0000', primary: true }],
  address: { street: '12 St James Sq', city: 'London', region: '', postalCode: 'SW1', country: 'UK' },
  birthday: '1815-12-10',
  notes: 'Prefers mornings; ask about the engine.',
  tags: ['vip', 'math'],
  preferredChannel: 'email',
  preferredTime: 'morning',
  keepInTouchDays: 30,
  doNotContactAutomatically: true,
});

/** Everything stored for one contact, without what differs by nature (its id and number). */
function storedWithout(sqlite: Sqlite.Database, num: number) {
  const { id, ...row } = sqlite.prepare('select * from contacts where num = ?').get(num) as Record<string, unknown>;
  delete row.num;
  const methods = sqlite.prepare('select type, label, value, is_primary, position from contact_methods where contact_id = ? order by type, position').all(id);
  const tags = sqlite.prepare('select tag, position from contact_tags where contact_id = ? order by position').all(id);
  const search = sqlite.prepare('select name, company, emails, phones, tags, notes, address from contacts_fts where rowid = ?').get(num);
  return { row, methods, tags, search };
}

describe('contacts written in bulk', () => {
  it('are stored exactly as a contact created one by one, and search finds both', async () => {
    const opened = openDatabase(data.dir);
    await migrateToLatest(opened.db);
    const now = '2026-12-02T09:30:00.000Z';
    const single = await opened.db.transaction().execute((tx) => insertContactWithDetails(tx, fields, now));
    await opened.db.transaction().execute((tx) => insertContactsInBulk(tx, [{ id: 'bulk-ada', fields }], now));
    const bulkNum = (opened.sqlite.prepare(`select num from contacts where id = 'bulk-ada'`).get() as { num: number }).num;
    expect(bulkNum).toBe(single.num + 1);
    const one = storedWithout(opened.sqlite, single.num);
    const many = storedWithout(opened.sqlite, bulkNum);
    expect(many).toEqual(one);
    expect(one.row).toMatchObject({ do_not_contact_automatically: 1, keep_in_touch_days: 30, address_city: 'London' });
    expect(one.methods).toHaveLength(3);
    expect(one.tags).toEqual([{ tag: 'vip', position: 0 }, { tag: 'math', position: 1 }]);
    await closeDatabase(opened);

    const core = await createCore({ dataDir: data.dir });
    try {
      for (const query of ['lovelace', 'ada', 'ada lovelace', '7946 0000', 'engine', 'vip']) {
        const result = await core.dispatch('contacts.search', { query });
        if (!result.ok) throw new Error(result.error.message);
        const ids = (result.value as Array<{ id: string }>).map((contact) => contact.id).sort();
        expect(ids, query).toEqual(['bulk-ada', single.id].sort());
      }
    } finally {
      await core.close();
    }
  });
});
