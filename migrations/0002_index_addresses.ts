import { sql, type Kysely } from 'kysely';

// Frozen: this file describes the schema as it was when it landed. Change the
// schema with a new numbered migration, never by editing this one.

// Addresses become searchable: the search index gains an address column (street,
// city, region, postal code and country, folded like the other columns). FTS5
// cannot add a column, so the index is built anew beside the old one, filled in
// batches (a large address book never sits in memory at once), and takes its name.

/** Kept here rather than imported, so the migration stays as it was written. */
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
const batchSize = 500;
const columns = ['name', 'company', 'emails', 'phones', 'tags', 'notes'] as const;

type OldEntry = Record<(typeof columns)[number], string | null> & {
  rowid: number;
  address_street: string | null;
  address_city: string | null;
  address_region: string | null;
  address_postal_code: string | null;
  address_country: string | null;
};

async function createIndex(db: Kysely<any>, name: string, withAddress: boolean): Promise<void> {
  const address = withAddress ? sql`, address` : sql``;
  await sql`create virtual table ${sql.table(name)} using fts5(
    name, company, emails, phones, tags, notes${address},
    tokenize = 'trigram remove_diacritics 1'
  )`.execute(db);
}

function addressOf(entry: OldEntry): string {
  const parts = [entry.address_street, entry.address_city, entry.address_region, entry.address_postal_code, entry.address_country];
  return fold(parts.filter((part) => part !== null && part !== '').join(' '));
}

export async function up(db: Kysely<any>): Promise<void> {
  await createIndex(db, 'contacts_fts_0002', true);
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    // Only what the old index holds: contacts in the Trash have no entry, and keep none.
    const { rows } = await sql<OldEntry>`
      select f.rowid, f.name, f.company, f.emails, f.phones, f.tags, f.notes,
        c.address_street, c.address_city, c.address_region, c.address_postal_code, c.address_country
      from contacts_fts f left join contacts c on c.num = f.rowid
      where f.rowid > ${after} order by f.rowid limit ${batchSize}`.execute(db);
    if (rows.length === 0) break;
    await db
      .insertInto('contacts_fts_0002')
      .values(
        rows.map((entry) => ({
          rowid: entry.rowid,
          ...Object.fromEntries(columns.map((column) => [column, entry[column] ?? ''])),
          address: addressOf(entry),
        })),
      )
      .execute();
    after = rows.at(-1)!.rowid;
  }
  await sql`drop table contacts_fts`.execute(db);
  await sql`alter table contacts_fts_0002 rename to contacts_fts`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await createIndex(db, 'contacts_fts_0001', false);
  await sql`insert into contacts_fts_0001 (rowid, name, company, emails, phones, tags, notes)
    select rowid, name, company, emails, phones, tags, notes from contacts_fts`.execute(db);
  await sql`drop table contacts_fts`.execute(db);
  await sql`alter table contacts_fts_0001 rename to contacts_fts`.execute(db);
}
