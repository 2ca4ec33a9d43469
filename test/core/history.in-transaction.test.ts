import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContactFields } from '../../shared/contacts/contacts.schemas.ts';
import { LogInteraction } from '../../shared/history/history.schemas.ts';
import { findContactBriefs, insertContactWithDetails } from '../../src-main/core/contacts/contacts.service.ts';
import { closeDatabase, openDatabase, type OpenDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { logInteractionIn, recentInteractions } from '../../src-main/core/history/history.service.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

// The calls another domain makes inside its own write: a follow-up's Mark done
// logs its interaction in the same transaction, and the Today view shows each
// contact's last three interactions.
describe('history inside another domain’s write', () => {
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

  const now = '2026-12-01T12:00:00.000Z';
  const newContact = (firstName: string) => insertContactWithDetails(opened.db, ContactFields.parse({ firstName }), now);
  const entry = (contactId: string, occurredAt: string) => ({ ...LogInteraction.parse({ contactId, kind: 'handwritten_note', occurredAt }), followupId: null });

  it('logs with the follow-up named, and writes nothing when the caller’s transaction rolls back', async () => {
    const ada = await newContact('Ada');
    const followupId = '0190a000-0000-7000-8000-0000000000aa';
    const logged = await opened.db.transaction().execute((tx) => logInteractionIn(tx, now, { ...entry(ada.id, now), followupId }));
    expect(logged).toMatchObject({ followupId, kind: 'handwritten_note', minutes: 10 });

    const failed = opened.db.transaction().execute(async (tx) => {
      await logInteractionIn(tx, now, entry(ada.id, '2026-12-01T13:00:00.000Z'));
      throw new Error('the follow-up could not be marked done');
    });
    await expect(failed).rejects.toThrow('could not be marked done');
    const recent = await recentInteractions(opened.db, [ada.id], 3);
    expect(recent.get(ada.id)).toEqual([logged]);
    expect((await findContactBriefs(opened.db, [ada.id]))[0]?.lastInteractionAt).toBe(now);
  });

  it('gives each contact’s newest three interactions, newest first, and none for a contact without history', async () => {
    const [ada, grace] = [await newContact('Ada'), await newContact('Grace')];
    const days = ['2026-11-01', '2026-11-05', '2026-11-03', '2026-11-04', '2026-11-02'];
    for (const day of days) await logInteractionIn(opened.db, now, entry(ada.id, `${day}T10:00:00.000Z`));
    const recent = await recentInteractions(opened.db, [ada.id, grace.id], 3);
    expect(recent.get(ada.id)!.map((item) => item.occurredAt.slice(0, 10))).toEqual(['2026-11-05', '2026-11-04', '2026-11-03']);
    expect(recent.get(grace.id)).toEqual([]);
  });
});
