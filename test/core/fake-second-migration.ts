import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { migrations } from '../../migrations/index.ts';

// A stand-in for the next real migration: it changes a table that holds data,
// backfills it, and adds a table filled from it, in several statements.
export const fakeSecondMigration: Migration = {
  async up(db) {
    await sql`alter table contacts add column fake_stage text not null default 'at risk'`.execute(db);
    await sql`update contacts set fake_stage = 'movable' where kind = 'company'`.execute(db);
    await sql`create table fake_stage_moves (contact_id text not null references contacts (id), stage text not null, moved_at text not null)`.execute(db);
    await sql`insert into fake_stage_moves (contact_id, stage, moved_at) select id, fake_stage, updated_at from contacts`.execute(db);
    await sql`create index fake_stage_moves_by_contact on fake_stage_moves (contact_id)`.execute(db);
  },
  async down(db) {
    await sql`drop table fake_stage_moves`.execute(db);
    await sql`alter table contacts drop column fake_stage`.execute(db);
  },
};

/** Named to sort after every real migration, whichever land later. */
export const fakeMigrationName = '9999_fake_loyalty';

export const withSecondMigration: Record<string, Migration> = { ...migrations, [fakeMigrationName]: fakeSecondMigration };
