import { sql, type Kysely } from 'kysely';

// Frozen: this file describes the schema as it was when it landed. Change the
// schema with a new numbered migration, never by editing this one.

export async function up(db: Kysely<any>): Promise<void> {
  // `num` is the stable integer key the search index joins on; `id` (UUIDv7) is
  // what the rest of the app and other tables use.
  await db.schema
    .createTable('contacts')
    .addColumn('num', 'integer', (col) => col.primaryKey())
    .addColumn('id', 'text', (col) => col.notNull().unique())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('person', 'company')`))
    .addColumn('first_name', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('last_name', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('company', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('company_id', 'text', (col) => col.references('contacts.id').onDelete('set null'))
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('sort_key', 'text', (col) => col.notNull())
    .addColumn('address_street', 'text')
    .addColumn('address_city', 'text')
    .addColumn('address_region', 'text')
    .addColumn('address_postal_code', 'text')
    .addColumn('address_country', 'text')
    .addColumn('birthday', 'text')
    .addColumn('notes', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('preferred_channel', 'text')
    .addColumn('preferred_time', 'text')
    .addColumn('keep_in_touch_days', 'integer')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('deleted_at', 'text')
    .execute();

  await sql`create index contacts_by_name on contacts (sort_key, id) where deleted_at is null`.execute(db);
  await sql`create index contacts_by_updated on contacts (updated_at, id) where deleted_at is null`.execute(db);
  await sql`create index contacts_in_trash on contacts (deleted_at) where deleted_at is not null`.execute(db);
  await db.schema.createIndex('contacts_by_company').on('contacts').column('company_id').execute();

  await db.schema
    .createTable('contact_methods')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('contact_id', 'text', (col) => col.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('type', 'text', (col) => col.notNull().check(sql`type in ('email', 'phone')`))
    .addColumn('label', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('is_primary', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('position', 'integer', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('contact_methods_by_contact')
    .on('contact_methods')
    .columns(['contact_id', 'type', 'position'])
    .execute();

  await db.schema
    .createTable('contact_tags')
    .addColumn('contact_id', 'text', (col) => col.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('tag', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('contact_tags_pk', ['contact_id', 'tag'])
    .execute();
  await sql`create index contact_tags_by_tag on contact_tags (tag collate nocase, contact_id)`.execute(db);

  // Trigram tokens match any part of a word ("ovel" finds Lovelace); phones are
  // indexed with their digits alone too, so "5550123" finds "(555) 0123".
  await sql`create virtual table contacts_fts using fts5(
    name, company, emails, phones, tags, notes,
    tokenize = 'trigram remove_diacritics 1'
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table contacts_fts`.execute(db);
  await db.schema.dropTable('contact_tags').execute();
  await db.schema.dropTable('contact_methods').execute();
  await db.schema.dropTable('contacts').execute();
}
