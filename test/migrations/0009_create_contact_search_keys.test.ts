import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContactSummary } from '../../shared/contacts/contacts.schemas.ts';
import { createCore } from '../../src-main/core/core.ts';
import { migrateFilled, type MigrationUnderTest } from './migration-template.ts';

// Contacts of the schema before: a person with an email, a phone and a tag, a
// company, and a person in the Trash (who has no search entry).
const idOf = (num: number) => `0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5${num}`;
const people = [
  [1, 'person', 'Émile', 'Zola', 'L’Aurore', null],
  [2, 'company', '', '', 'Harbor Lane Realty', null],
  [3, 'person', 'Maya', 'Chen', '', '2026-06-02T00:00:00.000Z'],
] as const;

async function writeOldData(db: Kysely<any>): Promise<void> {
  for (const [num, kind, first, last, company, deletedAt] of people) {
    const name = kind === 'company' ? company : `${first} ${last}`;
    await sql`insert into contacts (num, id, kind, first_name, last_name, company, display_name, sort_key, created_at, updated_at, deleted_at)
      values (${num}, ${idOf(num)}, ${kind}, ${first}, ${last}, ${company}, ${name}, ${name.toLowerCase()}, '2026-06-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z', ${deletedAt})`.execute(db);
    if (deletedAt === null) {
      // Folded, as the app of that time wrote it.
      const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
      await sql`insert into contacts_fts (rowid, name, company, emails, phones, tags, notes, address) values (${num}, ${fold(name)}, ${fold(company)}, '', '', '', '', '')`.execute(db);
    }
  }
  await sql`insert into contact_methods (id, contact_id, type, label, value, is_primary, position) values
    ('m1', ${idOf(1)}, 'email', 'home', 'Emile.Zola@Aurore.fr', 1, 0),
    ('m2', ${idOf(1)}, 'phone', 'mobile', '+33 (1) 42-00-11-22', 1, 0),
    ('m3', ${idOf(3)}, 'email', 'home', 'maya@chen.example', 1, 0)`.execute(db);
  await sql`insert into contact_tags (contact_id, tag, position) values (${idOf(1)}, 'Writer', 0)`.execute(db);
}

const name = '0009_create_contact_search_keys';
const keys = async (db: Kysely<any>) => (await sql<{ field: number; key: string; num: number; kind: string }>`select field, key, num, kind from contact_search_keys order by num, field, key`.execute(db)).rows;
const tables = async (db: Kysely<any>) => (await sql<{ name: string }>`select name from sqlite_master where name like 'contact_search_keys%' order by name`.execute(db)).rows.map((row) => row.name);

describe('migration 0009_create_contact_search_keys over data of the schema before', () => {
  let migration: MigrationUnderTest | undefined;
  afterEach(async () => {
    await migration?.remove();
    migration = undefined;
  });

  it('writes the prefix keys of every contact not in the Trash: name words and whole name, company, emails, phone digits, tags; goes back down', async () => {
    migration = await migrateFilled(name, writeOldData);
    const { db } = migration;
    expect(await tables(db)).toEqual(['contact_search_keys', 'contact_search_keys_by_contact', 'contact_search_keys_of_companies']);
    const person = (field: number, key: string) => ({ field, key, num: 1, kind: 'person' });
    expect(await keys(db)).toEqual([
      person(0, 'emile'),
      person(0, 'emile zola'),
      person(0, 'zola'),
      person(1, 'l’aurore'),
      person(2, 'aurore.fr'),
      person(2, 'emile.zola@aurore.fr'),
      person(2, 'fr'),
      person(2, 'zola@aurore.fr'),
      person(3, '001122'),
      person(3, '1122'),
      person(3, '142001122'),
      person(3, '22'),
      person(3, '33142001122'),
      person(3, '42001122'),
      person(4, 'writer'),
      { field: 0, key: 'harbor', num: 2, kind: 'company' },
      { field: 0, key: 'harbor lane realty', num: 2, kind: 'company' },
      { field: 0, key: 'lane', num: 2, kind: 'company' },
      { field: 0, key: 'realty', num: 2, kind: 'company' },
    ].sort((a, b) => a.num - b.num || a.field - b.field || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
    await migration.migrateDown();
    expect(await tables(db)).toEqual([]);
  });

  it('lets the app find the old contacts by name, phone digits and email, and the Trash stays out', async () => {
    migration = await migrateFilled(name, writeOldData);
    await migration.close();
    const core = await createCore({ dataDir: migration.dataDir });
    try {
      const search = async (query: string, kind?: string) => {
        const result = await core.dispatch('contacts.search', kind ? { query, kind } : { query });
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        return (result.value as ContactSummary[]).map((hit) => hit.displayName);
      };
      expect(await search('emile zo')).toEqual(['Émile Zola']);
      expect(await search('harbor', 'company')).toEqual(['Harbor Lane Realty']);
      expect(await search('ha', 'company')).toEqual(['Harbor Lane Realty']);
      expect(await search('maya')).toEqual([]);
    } finally {
      await core.close();
    }
  });
});
