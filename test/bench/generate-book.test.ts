import Sqlite from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DispatchResult } from '../../shared/api/result.ts';
import type { Contact } from '../../shared/contacts/contacts.schemas.ts';
import type { Completed } from '../../shared/followups/followups.schemas.ts';
import type { HistoryHit, TimelinePage } from '../../shared/history/history.schemas.ts';
import { createCore } from '../../src-main/core/core.ts';
import { openDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { generateBook } from './generate-book.ts';

function valueOf<T>(result: DispatchResult): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

// The bench's generator writes rows straight into the tables: this keeps what it
// writes readable by the real core when the schema moves on.
describe('the bench’s book generator', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('writes the sizes asked for, and the core reads them as its own', async () => {
    const data = makeTempDataDir();
    cleanups.push(data.remove);
    const { db } = openDatabase(data.dir);
    await migrateToLatest(db);
    await db.destroy();
    const sqlite = new Sqlite(join(data.dir, 'ambassador.sqlite'));
    const book = await generateBook(sqlite, { contacts: 200, interactions: 3_000, followups: 2_000 });
    const count = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    expect([count('contacts'), count('interactions'), count('interactions_fts'), count('followups')]).toEqual([200, 3_000, 3_000, 2_000]);
    sqlite.close();

    const core = await createCore({ dataDir: data.dir });
    cleanups.push(() => core.close());
    const busiest = book.contactIds[0]!;
    const timeline = valueOf<TimelinePage>(await core.dispatch('history.timeline', { contactId: busiest, limit: 5 }));
    const contact = valueOf<Contact>(await core.dispatch('contacts.get', { id: busiest }));
    const hits = valueOf<HistoryHit[]>(await core.dispatch('history.search', { query: 'closing date' }));
    const done = valueOf<Completed>(await core.dispatch('followups.complete', { id: book.openFollowupIds[0]! }));
    expect(timeline.items).toHaveLength(5);
    expect(contact.lastInteractionAt).toBe(timeline.items[0]!.occurredAt);
    expect(hits.length).toBeGreaterThan(0);
    expect(done.interaction.followupId).toBe(book.openFollowupIds[0]);
    expect((await core.dispatch('followups.today', {})).ok).toBe(true);
  });
});
