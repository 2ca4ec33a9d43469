import { AppError } from '../../../shared/api/errors.ts';
import type { PostalAddress } from '../../../shared/contacts/contacts.schemas.ts';
import type { CardsQuery, NoteCard } from '../../../shared/followups/followups.schemas.ts';
import { loadContacts } from '../contacts/contacts.service.ts';
import { nowOf, type CoreContext } from '../context.ts';
import { findDueCards, findFollowupsWithContact, type FollowupForContact } from './followups-cards.repository.ts';
import { localMoment } from './local-calendar.ts';

const joined = (parts: string[], separator: string) => parts.filter((part) => part !== '').join(separator);

/**
 * The envelope: the name, the street (one line per line typed), then
 * "City, Region Postal code" (whichever of them are there) and the country.
 * Null when the contact has no postal address to write.
 */
export function envelopeLines(name: string, address: PostalAddress | null): string[] | null {
  if (!address) return null;
  const street = address.street.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  const place = joined([address.city, joined([address.region, address.postalCode], ' ')], ', ');
  const lines = [...street, ...(place === '' ? [] : [place]), ...(address.country === '' ? [] : [address.country])];
  return lines.length === 0 ? null : [name, ...lines];
}

async function chosenFollowups(ctx: CoreContext, ids: string[]): Promise<FollowupForContact[]> {
  const rows = await findFollowupsWithContact(ctx.db, [...new Set(ids)]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const missing = ids.find((id) => !byId.has(id));
  if (missing !== undefined) throw new AppError('NOT_FOUND', `The follow-up ${missing} no longer exists, so its card cannot be printed.`, { id: missing });
  return ids.map((id) => byId.get(id)!);
}

/**
 * Cards to print: the chosen follow-ups in the order asked, or every open
 * handwritten note and card due today or overdue ("today" is the local date of
 * the core's clock, as in the Today view), the oldest first.
 */
export async function noteCards(ctx: CoreContext, query: CardsQuery): Promise<NoteCard[]> {
  const rows = 'ids' in query ? await chosenFollowups(ctx, query.ids) : await findDueCards(ctx.db, localMoment(nowOf(ctx)).date);
  const contacts = new Map((await loadContacts(ctx.db, rows.map((row) => row.contact_id))).map((contact) => [contact.id, contact]));
  return rows.map((row) => ({
    followupId: row.id,
    contactId: row.contact_id,
    contactName: row.display_name,
    kind: row.kind,
    title: row.title,
    prompt: row.prompt === '' ? row.title : row.prompt,
    dueDate: row.due_date,
    envelope: envelopeLines(row.display_name, contacts.get(row.contact_id)?.address ?? null),
  }));
}
