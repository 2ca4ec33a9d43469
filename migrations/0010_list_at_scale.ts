import { sql, type Kysely } from 'kysely';

// Frozen: this file describes the schema as it was when it landed. Change the
// schema with a new numbered migration, never by editing this one.

// The contact list at 100,000 contacts.
//
// The list's indexes also hold deleted_at (always null in them): only then does
// SQLite read a window's position, a count or a filtered walk from the index
// alone, without visiting every contact's row.
//
// A stage or tier filter probes customer_values by (stage or tier, contact) from
// the index alone.
//
// tag_counts keeps how many contacts not in the Trash carry each spelling of a
// tag, kept by triggers in the same write, so the tag list reads a few rows
// instead of joining every tag to its contact.
const live = (id: string) => `exists (select 1 from contacts where id = ${id} and deleted_at is null)`;
const addTag = (tag: string) => `insert into tag_counts (tag, contacts) values (${tag}, 1) on conflict (tag) do update set contacts = contacts + 1;`;
const dropTag = (tag: string) =>
  `update tag_counts set contacts = contacts - 1 where tag = ${tag}; delete from tag_counts where tag = ${tag} and contacts <= 0;`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index contacts_by_name`.execute(db);
  await sql`drop index contacts_by_updated`.execute(db);
  await sql`create index contacts_by_name on contacts (sort_key, id, deleted_at) where deleted_at is null`.execute(db);
  await sql`create index contacts_by_updated on contacts (updated_at, id, deleted_at) where deleted_at is null`.execute(db);

  await sql`drop index customer_values_by_stage`.execute(db);
  await sql`create index customer_values_by_stage on customer_values (stage, contact_id)`.execute(db);
  await sql`create index customer_values_by_tier_contact on customer_values (tier, contact_id)`.execute(db);

  await sql`create table tag_counts (tag text primary key, contacts integer not null)`.execute(db);
  await sql`insert into tag_counts (tag, contacts)
    select t.tag, count(*) from contact_tags t join contacts c on c.id = t.contact_id where c.deleted_at is null group by t.tag`.execute(db);
  await sql.raw(`create trigger tag_counts_on_tag_added after insert on contact_tags when ${live('new.contact_id')}
    begin ${addTag('new.tag')} end`).execute(db);
  await sql.raw(`create trigger tag_counts_on_tag_removed after delete on contact_tags when ${live('old.contact_id')}
    begin ${dropTag('old.tag')} end`).execute(db);
  await sql.raw(`create trigger tag_counts_on_tag_moved after update of contact_id, tag on contact_tags
    begin
      update tag_counts set contacts = contacts - 1 where tag = old.tag and ${live('old.contact_id')};
      delete from tag_counts where tag = old.tag and contacts <= 0;
      insert into tag_counts (tag, contacts) select new.tag, 1 where ${live('new.contact_id')}
        on conflict (tag) do update set contacts = contacts + 1;
    end`).execute(db);
  await sql.raw(`create trigger tag_counts_on_trashed after update of deleted_at on contacts
    when old.deleted_at is null and new.deleted_at is not null
    begin
      update tag_counts set contacts = contacts - 1 where tag in (select tag from contact_tags where contact_id = new.id);
      delete from tag_counts where contacts <= 0;
    end`).execute(db);
  await sql.raw(`create trigger tag_counts_on_restored after update of deleted_at on contacts
    when old.deleted_at is not null and new.deleted_at is null
    begin
      insert into tag_counts (tag, contacts) select tag, 1 from contact_tags where contact_id = new.id and true
        on conflict (tag) do update set contacts = contacts + 1;
    end`).execute(db);
  // Before the row goes: the tags it carried are deleted after it (foreign key
  // cascade), when the contact no longer counts as listed.
  await sql.raw(`create trigger tag_counts_on_deleted before delete on contacts when old.deleted_at is null
    begin
      update tag_counts set contacts = contacts - 1 where tag in (select tag from contact_tags where contact_id = old.id);
      delete from tag_counts where contacts <= 0;
    end`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of ['tag_added', 'tag_removed', 'tag_moved', 'trashed', 'restored', 'deleted']) {
    await sql.raw(`drop trigger tag_counts_on_${trigger}`).execute(db);
  }
  await sql`drop table tag_counts`.execute(db);
  await sql`drop index customer_values_by_tier_contact`.execute(db);
  await sql`drop index customer_values_by_stage`.execute(db);
  await sql`create index customer_values_by_stage on customer_values (stage)`.execute(db);
  await sql`drop index contacts_by_updated`.execute(db);
  await sql`drop index contacts_by_name`.execute(db);
  await sql`create index contacts_by_name on contacts (sort_key, id) where deleted_at is null`.execute(db);
  await sql`create index contacts_by_updated on contacts (updated_at, id) where deleted_at is null`.execute(db);
}
