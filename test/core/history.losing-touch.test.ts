import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContactFields } from '../../shared/contacts/contacts.schemas.ts';
import { LogInteraction } from '../../shared/history/history.schemas.ts';
import { deleteContact, insertContactWithDetails, losingTouch } from '../../src-main/core/contacts/contacts.service.ts';
import { closeDatabase, openDatabase, type OpenDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { deleteInteraction, logInteractionIn } from '../../src-main/core/history/history.service.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

// Losing touch reads the last-interaction time history keeps on each contact.
describe('contacts losing touch', () => {
  let data: ReturnType<typeof makeTempDataDir>;
  let opened: OpenDatabase;
  beforeEach(async () => {
    data = makeTempDataDir();
    opened = openDatabase(data.dir);
    await migrateToLatest(opened.db);
  });
  afterEach(async () => {
    await closeDatabase(opened);
    data.remove();
  });

  const ctx = () => ({ db: opened.db, publish: () => {} });
  const added = '2026-09-01T09:00:00.000Z';
  const newContact = (firstName: string, keepInTouchDays: number | null) =>
    insertContactWithDetails(opened.db, ContactFields.parse({ firstName, keepInTouchDays }), added);
  const talk = (contactId: string, occurredAt: string) =>
    logInteractionIn(opened.db, '2026-12-01T09:00:00.000Z', { ...LogInteraction.parse({ contactId, kind: 'call', occurredAt }), followupId: null });
  const names = async (now: string) => (await losingTouch(opened.db, now, 50)).map((contact) => contact.displayName);

  it('lists contacts whose keep-in-touch days passed since their last interaction, longest overdue first', async () => {
    const ada = await newContact('Ada', 30);
    const grace = await newContact('Grace', 7);
    await newContact('Alan', null);
    const tom = await newContact('Tom', 90);
    await talk(ada.id, '2026-11-01T09:00:00.000Z');
    const recent = await talk(grace.id, '2026-11-28T09:00:00.000Z');

    // Ada: due 1 Dec; Grace: due 5 Dec; Tom, never contacted: due 90 days after he was added (30 Nov).
    expect(await names('2026-11-30T08:00:00.000Z')).toEqual([]);
    expect(await names('2026-12-02T09:00:00.000Z')).toEqual(['Tom', 'Ada']);
    expect(await names('2026-12-06T09:00:00.000Z')).toEqual(['Tom', 'Ada', 'Grace']);

    await talk(tom.id, '2026-12-01T08:00:00.000Z');
    await deleteInteraction(ctx(), recent.id);
    await deleteContact(ctx(), ada.id);
    expect(await names('2026-12-02T09:00:00.000Z')).toEqual(['Grace']);
  });
});
