import type { CoreEvent, EventPayload } from '../../../shared/api/events.ts';
import { AppError } from '../../../shared/api/errors.ts';
import type { Contact, ContactCounts, ContactFields, ContactKind, ContactListPage, ContactSort, ContactSummary, TagCount, TrashPage } from '../../../shared/contacts/contacts.schemas.ts';
import { nowOf, type CoreContext } from '../context.ts';
import { nextTimestamp } from '../db/clock.ts';
import type { Db } from '../db/handle.ts';
import { newId } from '../db/ids.ts';
import { seedSampleFollowupsIn } from '../followups/followups.service.ts';
import { seedSamplePurchasesIn } from '../commerce/commerce.service.ts';
import { seedSampleScoresIn } from '../insights/insights.service.ts';
import { seedSampleHistoryIn } from '../history/history.service.ts';
import { fireContactTaggedTriggers } from '../plans/plans.service.ts';
import { mutate } from '../db/mutation.ts';
import {
  countTrash,
  findContactById,
  findContactsByNums,
  findMethods,
  findTags,
  findTrash,
  insertContact,
  replaceMethods,
  replaceTags,
  updateContactRow,
} from './contacts.repository.ts';
import { countListedContacts, countTags, findContactPage, positionOf, type ContactFilter, type PagePosition } from './contacts-listing.repository.ts';
import { checkCompanyLink, checkKindChange, followCompanyRename } from './contacts.companies.ts';
import { indexContact, removeFromIndex, searchContactNums } from './contacts-search.repository.ts';
import { fieldsToRow, methodRows, rowToContact, rowToSummary, searchEntryOf } from './contacts.mapping.ts';
import type { ContactRow } from './contacts.table.ts';
import { insertContactsInBulk } from './contacts.bulk.ts';

function changed(ids: string[], reason: EventPayload<'contacts.changed'>['reason']): CoreEvent {
  return { name: 'contacts.changed', payload: { ids, reason } };
}

async function loadContact(db: Db, row: ContactRow): Promise<Contact> {
  const [methods, tags] = await Promise.all([findMethods(db, [row.id]), findTags(db, [row.id])]);
  return rowToContact(row, methods, tags);
}

async function summarize(db: Db, rows: ContactRow[]): Promise<ContactSummary[]> {
  const ids = rows.map((row) => row.id);
  const [primaries, tags] = await Promise.all([findMethods(db, ids, true), findTags(db, ids)]);
  const primariesById = Map.groupBy(primaries, (method) => method.contact_id);
  const tagsById = Map.groupBy(tags, (tag) => tag.contact_id);
  return rows.map((row) => rowToSummary(row, primariesById.get(row.id) ?? [], tagsById.get(row.id) ?? []));
}

async function requireContact(db: Db, id: string): Promise<ContactRow> {
  const row = await findContactById(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'That contact no longer exists. It may have been deleted for good.', { id });
  return row;
}

async function writeDetails(db: Db, row: ContactRow, fields: ContactFields): Promise<void> {
  await replaceMethods(db, row.id, methodRows(row.id, fields));
  await replaceTags(db, row.id, fields.tags);
  await indexContact(db, searchEntryOf(row.num, fields));
}

/** Inserts one contact with its emails, phones, tags and search entry; the caller owns the transaction. */
export async function insertContactWithDetails(db: Db, fields: ContactFields, now: string): Promise<ContactRow> {
  const row = await insertContact(db, { id: newId(), ...fieldsToRow(fields), created_at: now, updated_at: now });
  await writeDetails(db, row, fields);
  return row;
}

/** A plan triggered by one of its tags starts in the same write. */
export async function createContact(ctx: CoreContext, input: ContactFields): Promise<Contact> {
  const { contact } = await mutate(ctx, {
    run: async (tx) => {
      const fields = await checkCompanyLink(tx, input);
      const row = await insertContactWithDetails(tx, fields, nextTimestamp());
      const contact = await loadContact(tx, row);
      return { contact, triggered: await fireContactTaggedTriggers(tx, nowOf(ctx), { contactId: contact.id, tags: contact.tags }) };
    },
    changed: ({ contact, triggered }) => [changed([contact.id], 'created'), ...triggered],
  });
  return contact;
}

/** The contact as it is now, if it may be edited at all. */
async function requireEditableContact(db: Db, id: string): Promise<ContactRow> {
  const current = await requireContact(db, id);
  if (current.deleted_at !== null) {
    throw new AppError('CONFLICT', 'This contact is in the Trash. Restore it before editing.', { id });
  }
  return current;
}

export async function updateContact(
  ctx: CoreContext,
  input: { id: string; expectedUpdatedAt: string; fields: ContactFields },
): Promise<Contact> {
  const { contact } = await mutate(ctx, {
    unchangedSince: {
      expectedUpdatedAt: input.expectedUpdatedAt,
      read: (tx) => requireEditableContact(tx, input.id),
      conflict: async (tx, current) =>
        new AppError(
          'CONFLICT',
          'This contact was changed somewhere else after you started editing. Reload it to see the latest version, then make your change again.',
          { current: await loadContact(tx, current) },
        ),
    },
    run: async (tx, current) => {
      const fields = await checkCompanyLink(tx, input.fields, current);
      await checkKindChange(tx, current, fields);
      const tagsBefore = new Set((await findTags(tx, [current.id])).map((tag) => tag.tag.toLowerCase()));
      const row = await updateContactRow(tx, input.id, {
        ...fieldsToRow(fields),
        updated_at: nextTimestamp(current.updated_at),
      });
      await writeDetails(tx, row, fields);
      const people = row.kind === 'company' ? await followCompanyRename(tx, row) : [];
      const added = fields.tags.filter((tag) => !tagsBefore.has(tag.toLowerCase()));
      const triggered = await fireContactTaggedTriggers(tx, nowOf(ctx), { contactId: row.id, tags: added });
      return { contact: await loadContact(tx, row), people, triggered };
    },
    changed: ({ contact, people, triggered }) => [changed([contact.id, ...people], 'updated'), ...triggered],
  });
  return contact;
}

export async function getContact(ctx: CoreContext, id: string): Promise<Contact> {
  return loadContact(ctx.db, await requireContact(ctx.db, id));
}

function encodeCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.key, position.id])).toString('base64url');
}

function decodeCursor(cursor: string): PagePosition {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof key === 'string' && typeof id === 'string') return { key, id };
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION', 'That page link is not valid any more. Start again from the first page.', {
    fields: [{ path: 'cursor', message: 'Not a cursor from a previous page.' }],
  });
}

export async function listContacts(
  ctx: CoreContext,
  query: ContactFilter & { sort: ContactSort; cursor?: string | undefined; offset?: number | undefined; limit: number; withTotal?: boolean | undefined },
): Promise<ContactListPage> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const filter = { tag: query.tag, companyId: query.companyId, stage: query.stage, tier: query.tier };
  // One row more than asked tells whether a next page exists, so the last page has no dead link.
  const [rows, total] = await Promise.all([
    findContactPage(ctx.db, { ...filter, sort: query.sort, after, offset: query.offset, limit: query.limit + 1 }),
    query.withTotal === false ? null : countListedContacts(ctx.db, filter),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await summarize(ctx.db, page),
    nextCursor: last && rows.length > query.limit ? encodeCursor(positionOf(last, query.sort)) : null,
    total,
  };
}

export async function searchContacts(
  ctx: CoreContext,
  query: { query: string; kind?: ContactKind | undefined; limit: number },
): Promise<ContactSummary[]> {
  const nums = await searchContactNums(ctx.db, query.query, { kind: query.kind, limit: query.limit });
  const rows = await findContactsByNums(ctx.db, nums);
  const rank = new Map(nums.map((num, index) => [num, index]));
  rows.sort((a, b) => rank.get(a.num)! - rank.get(b.num)!);
  return summarize(ctx.db, rows);
}

export async function deleteContact(ctx: CoreContext, id: string): Promise<Contact> {
  return mutate(ctx, {
    run: async (tx) => {
      const current = await requireContact(tx, id);
      if (current.deleted_at !== null) return loadContact(tx, current);
      const now = nextTimestamp(current.updated_at);
      const row = await updateContactRow(tx, id, { deleted_at: now, updated_at: now });
      await removeFromIndex(tx, row.num);
      return loadContact(tx, row);
    },
    changed: () => changed([id], 'deleted'),
  });
}

export async function restoreContact(ctx: CoreContext, id: string): Promise<Contact> {
  return mutate(ctx, {
    run: async (tx) => {
      const current = await requireContact(tx, id);
      if (current.deleted_at === null) return loadContact(tx, current);
      const row = await updateContactRow(tx, id, { deleted_at: null, updated_at: nextTimestamp(current.updated_at) });
      const restored = await loadContact(tx, row);
      await indexContact(tx, searchEntryOf(row.num, restored));
      return restored;
    },
    changed: () => changed([id], 'restored'),
  });
}

export async function listTrash(ctx: CoreContext, query: { offset: number; limit: number }): Promise<TrashPage> {
  const [rows, total] = await Promise.all([findTrash(ctx.db, query.offset, query.limit), countTrash(ctx.db)]);
  return { items: await summarize(ctx.db, rows), total };
}

/** Two index counts: every contact, and those in the Trash (the list holds the rest). */
export async function countContacts(ctx: CoreContext): Promise<ContactCounts> {
  const [contacts, trash] = await Promise.all([countListedContacts(ctx.db, {}), countTrash(ctx.db)]);
  return { contacts, trash };
}

export async function listTags(ctx: CoreContext): Promise<TagCount[]> {
  return countTags(ctx.db);
}

/**
 * Fills an address book with the sample contacts and some history for them, in
 * one transaction. A sample person whose company text names a sample company
 * listed before it is linked to that company, as the user would have linked them.
 */
export async function seedSampleContacts(ctx: CoreContext, samples: ContactFields[]): Promise<{ created: number }> {
  const ids = await mutate(ctx, {
    run: async (tx) => {
      const now = nextTimestamp();
      // Written in one batch, the way an import writes: people are linked to a
      // company listed before them by its name.
      const companies = new Map<string, string>();
      const items = samples.map((sample) => {
        const id = newId();
        const companyId = sample.kind === 'person' ? (companies.get(sample.company) ?? sample.companyId) : sample.companyId;
        if (sample.kind === 'company') companies.set(sample.company, id);
        return { id, fields: { ...sample, companyId } };
      });
      await insertContactsInBulk(tx, items, now);
      const created = items.map((item) => item.id);
      const people = items.filter((item) => item.fields.kind === 'person').map((item) => item.id);
      await seedSampleHistoryIn(tx, now, people);
      await seedSampleFollowupsIn(tx, now, people);
      await seedSamplePurchasesIn(tx, now, people);
      await seedSampleScoresIn(tx, now, people);
      return created;
    },
    changed: (created): CoreEvent[] => [
      changed(created, 'seeded'),
      { name: 'history.changed', payload: { contactIds: created, reason: 'seeded' } },
      { name: 'followups.changed', payload: { ids: [], contactIds: created, reason: 'seeded' } },
      { name: 'purchases.changed', payload: { ids: [], contactIds: created, reason: 'imported' } },
      { name: 'loyalty.changed', payload: { contactIds: created, reason: 'scored' } },
    ],
  });
  return { created: ids.length };
}

export { findContactBriefs, losingTouch, recordLastInteraction, type ContactBrief } from './contacts.briefs.ts';

export {
  allContacts,
  checkContactFields,
  contactFieldsOf,
  insertContactsInBulk,
  liveContactMethods,
  liveContactNames,
  loadContacts,
  moveCompanyLinksIn,
  putCompanyLinksBackIn,
  rebuildContactSearchIn,
  replaceContactFieldsIn,
  restoreContactSnapshot,
  snapshotContact,
  trashContactsIn,
  type ContactSnapshot,
} from './contacts.bulk.ts';
