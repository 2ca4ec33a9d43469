import { contactsFieldLabels } from '../../../shared/contacts/contacts.labels.ts';
import { ContactFields, type Contact, type ContactFieldsInput } from '../../../shared/contacts/contacts.schemas.ts';
import type { Db } from '../db/handle.ts';
import { idSource } from '../db/id-batch.ts';
import {
  clearSearchIndex,
  findAllContacts,
  findAllMethods,
  findAllTags,
  findLiveMethods,
  findLiveNames,
  insertContactsInBulk as insertRows,
  insertSearchEntries,
  linkPeopleTo,
  nextContactNum,
  relinkPeople,
  trashContacts,
  writeContactRow,
} from './contacts-bulk.repository.ts';
import { followCompanyRename } from './contacts.companies.ts';
import { indexContact, removeFromIndex } from './contacts-search.repository.ts';
import { fieldsToRow, methodRows, rowToContact, searchEntryOf } from './contacts.mapping.ts';
import { findContactById, findContactsByIds, findMethods, findTags, replaceMethods, replaceTags, updateContactRow } from './contacts.repository.ts';
import type { ContactMethodRow, ContactRow, ContactTagRow } from './contacts.table.ts';

// Contacts many at a time, and contacts put back exactly: for imports, their
// undo, merges and loading a JSON export (re-exported by contacts.service.ts).

/** A contact exactly as stored: what an import or a merge keeps to undo itself. */
export type ContactSnapshot = { row: ContactRow; methods: ContactMethodRow[]; tags: ContactTagRow[] };

/** The form's fields of a contact. */
export function contactFieldsOf(contact: Contact): ContactFields {
  const { kind, firstName, lastName, company, companyId, emails, phones, address, birthday, notes, tags, preferredChannel, preferredTime, keepInTouchDays, doNotContactAutomatically } = contact;
  return { kind, firstName, lastName, company, companyId, emails, phones, address, birthday, notes, tags, preferredChannel, preferredTime, keepInTouchDays, doNotContactAutomatically };
}

/**
 * Checks fields that come from outside the form (an import, a merge's combined
 * fields): the fields, or the first problem in the form's words, e.g.
 * "Email: Enter an email address like name@example.com."
 */
export function checkContactFields(input: ContactFieldsInput): { fields: ContactFields } | { problem: string } {
  const parsed = ContactFields.safeParse(input);
  if (parsed.success) return { fields: parsed.data };
  const [issue] = parsed.error.issues;
  const field = String(issue?.path[0] ?? '');
  const label = (contactsFieldLabels as Record<string, string>)[field];
  return { problem: label ? `${label}: ${issue?.message}` : (issue?.message ?? 'This contact cannot be saved.') };
}

/**
 * Inserts contacts already checked (ContactFields) with multi-row INSERTs: rows,
 * emails and phones, tags and their search entries exactly as one-by-one
 * creation writes them (the same mapping functions). The caller owns the transaction.
 */
export async function insertContactsInBulk(db: Db, items: Array<{ id: string; fields: ContactFields }>, now: string): Promise<void> {
  if (items.length === 0) return;
  const first = await nextContactNum(db);
  const nextId = idSource();
  await insertRows(db, {
    contacts: items.map((item, index) => ({ num: first + index, id: item.id, ...fieldsToRow(item.fields), created_at: now, updated_at: now, deleted_at: null })),
    methods: items.flatMap((item) => methodRows(item.id, item.fields, nextId)),
    tags: items.flatMap((item) => item.fields.tags.map((tag, position) => ({ contact_id: item.id, tag, position }))),
    search: items.map((item, index) => searchEntryOf(first + index, item.fields)),
  });
}

function assemble(rows: ContactRow[], methods: ContactMethodRow[], tags: ContactTagRow[]): Contact[] {
  const methodsById = Map.groupBy(methods, (method) => method.contact_id);
  const tagsById = Map.groupBy(tags, (tag) => tag.contact_id);
  return rows.map((row) => rowToContact(row, methodsById.get(row.id) ?? [], tagsById.get(row.id) ?? []));
}

/** These contacts (in the Trash or not), in the order asked; ids deleted for good are left out. */
export async function loadContacts(db: Db, ids: string[]): Promise<Contact[]> {
  const rows = await findContactsByIds(db, [...new Set(ids)]);
  const order = new Map(ids.map((id, index) => [id, index]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const found = rows.map((row) => row.id);
  return assemble(rows, await findMethods(db, found), await findTags(db, found));
}

/** Every contact in the order they were added (an export), the Trash too when asked. */
export async function allContacts(db: Db, includeTrash: boolean): Promise<Contact[]> {
  return assemble(await findAllContacts(db, includeTrash), await findAllMethods(db), await findAllTags(db));
}

/** Emails and phones of every contact not in the Trash, for matching duplicates. */
export async function liveContactMethods(db: Db): Promise<Array<{ contactId: string; displayName: string; type: 'email' | 'phone'; value: string }>> {
  return (await findLiveMethods(db)).map((row) => ({ contactId: row.contact_id, displayName: row.display_name, type: row.type, value: row.value }));
}

export async function snapshotContact(db: Db, id: string): Promise<ContactSnapshot | undefined> {
  const row = await findContactById(db, id);
  if (!row) return undefined;
  return { row, methods: await findMethods(db, [id]), tags: await findTags(db, [id]) };
}

/** Puts a contact back exactly as the snapshot holds it (fields, emails, phones, tags, timestamps), in or out of search accordingly. */
export async function restoreContactSnapshot(db: Db, snapshot: ContactSnapshot): Promise<void> {
  const { row, methods, tags } = snapshot;
  await writeContactRow(db, row);
  await replaceMethods(db, row.id, methods);
  await replaceTags(db, row.id, tags.map((tag) => tag.tag));
  if (row.deleted_at !== null) await removeFromIndex(db, row.num);
  else await indexContact(db, searchEntryOf(row.num, contactFieldsOf(rowToContact(row, methods, tags))));
}

/** Rewrites a contact's fields (an import's or a merge's combined fields) inside the caller's write. */
export async function replaceContactFieldsIn(db: Db, current: ContactRow, fields: ContactFields, now: string): Promise<void> {
  const row = await updateContactRow(db, current.id, { ...fieldsToRow(fields), updated_at: now });
  await replaceMethods(db, row.id, methodRows(row.id, fields));
  await replaceTags(db, row.id, fields.tags);
  await indexContact(db, searchEntryOf(row.num, fields));
}

/** Puts contacts in the Trash, out of search; returns the ids that were not there already. */
export async function trashContactsIn(db: Db, ids: string[], now: string): Promise<string[]> {
  return trashContacts(db, ids, now);
}

/** Links the people of one company to another (a merge of two companies), their company text following; returns who moved. */
export async function moveCompanyLinksIn(db: Db, fromId: string, toId: string): Promise<string[]> {
  const moved = await relinkPeople(db, fromId, toId);
  const to = await findContactById(db, toId);
  if (to && moved.length > 0) await followCompanyRename(db, to);
  return moved;
}

/** Links people back to their company (a merge undone); their company text follows. */
export async function putCompanyLinksBackIn(db: Db, ids: string[], companyId: string): Promise<void> {
  await linkPeopleTo(db, ids, companyId);
  const company = await findContactById(db, companyId);
  if (company) await followCompanyRename(db, company);
}

/** Builds contacts' search entries afresh from the stored contacts (after a JSON export is loaded). */
export async function rebuildContactSearchIn(db: Db): Promise<void> {
  await clearSearchIndex(db);
  const rows = await findAllContacts(db, false);
  const contacts = assemble(rows, await findAllMethods(db), await findAllTags(db));
  await insertSearchEntries(db, contacts.map((contact, index) => searchEntryOf(rows[index]!.num, contactFieldsOf(contact))));
}

/** Contacts not in the Trash by their names, for finding those that look like one person. */
export async function liveContactNames(db: Db): Promise<Array<{ id: string; kind: 'person' | 'company'; firstName: string; lastName: string; company: string; displayName: string }>> {
  return (await findLiveNames(db)).map((row) => ({ id: row.id, kind: row.kind, firstName: row.first_name, lastName: row.last_name, company: row.company, displayName: row.display_name }));
}
