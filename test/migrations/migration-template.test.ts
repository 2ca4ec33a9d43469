import { sql, type Kysely } from 'kysely';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.ts';
import { fakeMigrationName, withSecondMigration } from '../core/fake-second-migration.ts';
import { migrateFilled, type MigrationUnderTest } from './migration-template.ts';

const applied = async (db: Kysely<any>) => (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map((row) => row.name);
const contactColumns = async (db: Kysely<any>) =>
  (await sql<{ name: string }>`select name from pragma_table_info('contacts')`.execute(db)).rows.map((row) => row.name);

describe('the migration-test template', () => {
  let migration: MigrationUnderTest | undefined;
  afterEach(async () => {
    await migration?.remove();
    migration = undefined;
  });

  it('fills the schema before a migration, runs that one alone, and hands over both', async () => {
    const names = Object.keys(migrations).sort();
    const last = names.at(-1)!;
    const filled = await migrateFilled(
      last,
      async (db) => {
        expect(await applied(db)).toEqual(names.slice(0, -1));
        return 'what was written';
      },
      withSecondMigration,
    );
    migration = filled;
    expect(filled.filled).toBe('what was written');
    // A later migration (here a stand-in) does not run: the test still means the same once one lands.
    expect(await applied(migration.db)).toEqual(names);
    expect(await contactColumns(migration.db)).not.toContain('fake_stage');
    expect(fakeMigrationName > last).toBe(true);
  });

  it.each(Object.keys(migrations))('%s has a test of its own', (name) => {
    expect(existsSync(join(import.meta.dirname, `${name}.test.ts`)), `Write test/migrations/${name}.test.ts with migrateFilled from migration-template.ts`).toBe(true);
  });
});
