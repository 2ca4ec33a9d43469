import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors.ts';
import type { CoreEvent } from '../../shared/api/events.ts';
import { ContactFields } from '../../shared/contacts/contacts.schemas.ts';
import { insertContactWithDetails } from '../../src-main/core/contacts/contacts.service.ts';
import type { CoreContext } from '../../src-main/core/context.ts';
import { closeDatabase, openDatabase, type OpenDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { mutate } from '../../src-main/core/db/mutation.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { openContactsCore, type ContactsCore } from './contacts-core.ts';

/** How many contacts another program sees in the file: only what has been committed. */
function committedContacts(file: string): number {
  const reader = new Sqlite(file, { readonly: true });
  try {
    return (reader.prepare('select count(*) as count from contacts').get() as { count: number }).count;
  } finally {
    reader.close();
  }
}

describe('a contacts write, through the mutation wrapper', () => {
  let api: ContactsCore;
  beforeEach(async () => {
    api = await openContactsCore();
  });
  afterEach(() => api.close());

  it('tells open windows of the change only once it is in the file', async () => {
    const seenAtEvent: number[] = [];
    api.core.onEvent(() => seenAtEvent.push(committedContacts(api.core.databaseFile)));
    await api.create({ firstName: 'Ada' });
    api.value(await api.call('contacts.seedSample', {}));
    // One event for the create; the seed's five (contacts, history, follow-ups, purchases, loyalty) all after its commit.
    expect(seenAtEvent).toHaveLength(6);
    expect(seenAtEvent[0]).toBe(1);
    expect(seenAtEvent.slice(1).every((count) => count === 51)).toBe(true);
  });
});

describe('mutate', () => {
  let data: ReturnType<typeof makeTempDataDir>;
  let opened: OpenDatabase;
  let events: CoreEvent[];
  let ctx: CoreContext;
  beforeEach(async () => {
    data = makeTempDataDir();
    opened = openDatabase(data.dir);
    await migrateToLatest(opened.db);
    events = [];
    ctx = { db: opened.db, publish: (event) => events.push(event) };
  });
  afterEach(async () => {
    await closeDatabase(opened);
    data.remove();
  });

  it('keeps nothing of a write that fails halfway, and tells no one', async () => {
    const write = mutate(ctx, {
      run: async (tx) => {
        await insertContactWithDetails(tx, ContactFields.parse({ firstName: 'Half' }), new Date().toISOString());
        throw new AppError('VALIDATION', 'Refused after the first row.');
      },
      changed: () => ({ name: 'contacts.changed', payload: { ids: [], reason: 'created' } }),
    });
    await expect(write).rejects.toThrow('Refused after the first row.');
    expect(committedContacts(opened.file)).toBe(0);
    expect(events).toEqual([]);
  });

  it('refuses an edit begun on an older version before running it, with what the record is now', async () => {
    let ran = false;
    const write = mutate(ctx, {
      unchangedSince: {
        expectedUpdatedAt: '2026-01-01T00:00:00.000Z',
        read: async () => ({ updated_at: '2026-01-02T00:00:00.000Z' }),
        conflict: async (_tx, current) => new AppError('CONFLICT', 'Changed meanwhile.', { current }),
      },
      run: async () => {
        ran = true;
      },
      changed: () => ({ name: 'contacts.changed', payload: { ids: [], reason: 'updated' } }),
    });
    await expect(write).rejects.toMatchObject({ code: 'CONFLICT', details: { current: { updated_at: '2026-01-02T00:00:00.000Z' } } });
    expect(ran).toBe(false);
    expect(events).toEqual([]);
  });
});
