import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Every setting the user changed, as stored JSON. */
export async function findStoredSettings(db: Kysely<Database>): Promise<Array<{ key: string; value: string }>> {
  return db.selectFrom('settings').selectAll().execute();
}

export async function storeSettings(db: Kysely<Database>, entries: Array<{ key: string; value: string }>): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('settings')
    .values(entries)
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
    .execute();
}
